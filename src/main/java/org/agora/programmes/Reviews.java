package org.agora.programmes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.shared.LostRaces;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review of applications: staff assign reviewers (jury members from staff, or any account as an external expert
 * who sees only what is assigned to them); each declares a conflict of interest before scoring (a conflict forbids
 * scoring); scores 0 to 5 per criterion with a comment; the ranking of a call by weighted mean.
 */
@Service
class Reviews {

    record Reviewer(long accountId, String email, String pseudonym, boolean jury, Boolean conflict) {
    }

    record Score(long criterionId, int score, String comment) {
    }

    /** One application's place in the ranking: weighted mean of the reviewers' sheets, their spread and number. */
    record Ranked(Application application, Double mean, Double spread, int sheets) {

        public String meanShown() {
            return mean == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f", mean);
        }

        public String spreadShown() {
            return spread == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f", spread);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Applications applications;
    private final Calls calls;
    private final AccountManagement accounts;
    private final ProgrammeMails mails;
    private final TransactionTemplate transactions;

    Reviews(NamedParameterJdbcTemplate jdbc, Applications applications, Calls calls, AccountManagement accounts,
            ProgrammeMails mails, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.calls = calls;
        this.accounts = accounts;
        this.mails = mails;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    List<Reviewer> reviewers(long applicationId) {
        List<Reviewer> reviewers = new ArrayList<>();
        jdbc.query("SELECT account_id, jury, conflict FROM programme_reviewer WHERE application_id = :id ORDER BY "
                + "assigned_at, account_id", Map.of("id", applicationId), rs -> {
            long id = rs.getLong(1);
            boolean jury = rs.getBoolean(2);
            boolean conflict = rs.getBoolean(3);
            Boolean declared = rs.wasNull() ? null : conflict;
            accounts.find(new AccountId(id)).ifPresent(user ->
                    reviewers.add(new Reviewer(id, user.email(), user.pseudonym(), jury, declared)));
        });
        return reviewers;
    }

    Optional<Reviewer> reviewer(long applicationId, AgoraUser user) {
        return user == null ? Optional.empty() : reviewers(applicationId).stream()
                .filter(reviewer -> reviewer.accountId() == user.id().value()).findFirst();
    }

    /** The applications assigned to this person, newest first. */
    List<Application> assignedTo(AgoraUser user) {
        if (user == null) {
            return List.of();
        }
        return jdbc.query("SELECT a.* FROM programme_application a JOIN programme_reviewer r ON r.application_id = a.id "
                + "WHERE r.account_id = :account ORDER BY a.id DESC", Map.of("account", user.id().value()),
                Applications::application);
    }

    /**
     * Assigns the account of this address; false when there is none. A jury member must be staff; anyone else is an
     * external expert. Assigning twice changes nothing.
     */
    @Transactional
    boolean assign(AgoraUser staff, long applicationId, String email, boolean jury) {
        Rows.requireStaff(staff);
        Application application = applications.require(applicationId);
        Optional<AgoraUser> account = accounts.findByEmail(Rows.strip(email)).flatMap(accounts::find);
        if (account.isEmpty()) {
            return false;
        }
        if (jury && !Rows.isStaff(account.get())) {
            throw ProgrammeRefused.invalid("programmes.review.error.juryNotStaff");
        }
        if (applications.isMember(account.get(), application)) {
            throw ProgrammeRefused.invalid("programmes.review.error.member");
        }
        int added = jdbc.update("INSERT INTO programme_reviewer (application_id, account_id, jury, assigned_by, assigned_at) "
                + "SELECT :application, :account, :jury, :by, :now WHERE NOT EXISTS (SELECT 1 FROM programme_reviewer "
                + "WHERE application_id = :application AND account_id = :account)",
                new MapSqlParameterSource("application", applicationId).addValue("account", account.get().id().value())
                        .addValue("jury", jury).addValue("by", staff.id().value())
                        .addValue("now", Rows.timestamp(calls.now())));
        if (added == 1) {
            mails.toAccount(account.get().id().value(), application, calls.require(application.callId()),
                    "programme-review", "programmes.review.mail.assigned", null,
                    "/programmes/evaluations/" + applicationId);
        }
        return true;
    }

    /** Withdraws a reviewer who has not scored yet. */
    @Transactional
    void unassign(AgoraUser staff, long applicationId, long accountId) {
        Rows.requireStaff(staff);
        jdbc.update("DELETE FROM programme_score WHERE application_id = :application AND account_id = :account",
                Map.of("application", applicationId, "account", accountId));
        jdbc.update("DELETE FROM programme_reviewer WHERE application_id = :application AND account_id = :account",
                Map.of("application", applicationId, "account", accountId));
    }

    private Reviewer assigned(AgoraUser user, long applicationId) {
        Rows.requireSignedIn(user);
        return reviewer(applicationId, user).orElseThrow(ProgrammeRefused::notFound);
    }

    /** Declares a conflict of interest (true) or none; declaring one withdraws the scores already given. */
    @Transactional
    void declare(AgoraUser user, long applicationId, boolean conflict) {
        assigned(user, applicationId);
        jdbc.update("UPDATE programme_reviewer SET conflict = :conflict WHERE application_id = :application AND "
                + "account_id = :account", Map.of("conflict", conflict, "application", applicationId,
                "account", user.id().value()));
        if (conflict) {
            jdbc.update("DELETE FROM programme_score WHERE application_id = :application AND account_id = :account",
                    Map.of("application", applicationId, "account", user.id().value()));
        }
    }

    Map<Long, Score> scoresOf(long applicationId, long accountId) {
        Map<Long, Score> scores = new LinkedHashMap<>();
        jdbc.query("SELECT criterion_id, score, comment FROM programme_score WHERE application_id = :application AND "
                + "account_id = :account", Map.of("application", applicationId, "account", accountId), rs -> {
            scores.put(rs.getLong(1), new Score(rs.getLong(1), rs.getInt(2), rs.getString(3)));
        });
        return scores;
    }

    /**
     * Scores every criterion of the call (0 to 5, comment up to 2,000 characters); a new sheet replaces the
     * reviewer's previous one. Returns the problems (field name to message key); nothing is stored when there are any.
     * One row per reviewer, application and criterion: two saves at once still leave one.
     */
    Map<String, String> score(AgoraUser user, long applicationId, Map<Long, String> typedScores,
                              Map<Long, String> comments) {
        Reviewer reviewer = assigned(user, applicationId);
        if (!Boolean.FALSE.equals(reviewer.conflict())) {
            throw ProgrammeRefused.conflict("programmes.review.refused.conflict");
        }
        Application application = applications.require(applicationId);
        if (!application.status().underReview()) {
            throw ProgrammeRefused.conflict("programmes.review.refused.notSubmitted");
        }
        List<Criterion> criteria = calls.criteria(application.callId());
        Map<String, String> problems = new LinkedHashMap<>();
        Map<Long, Score> sheet = new LinkedHashMap<>();
        for (Criterion criterion : criteria) {
            String typed = Rows.strip(typedScores.get(criterion.id()));
            String comment = Rows.strip(comments.get(criterion.id()));
            if (!typed.matches("[0-5]")) {
                problems.put("score-" + criterion.id(), "programmes.review.error.score");
            } else if (comment.length() > 2000) {
                problems.put("comment-" + criterion.id(), "programmes.review.error.comment");
            } else {
                sheet.put(criterion.id(), new Score(criterion.id(), Integer.parseInt(typed), comment));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        LostRaces.retry(3, () -> transactions.execute(status -> {
            for (Score score : sheet.values()) {
                MapSqlParameterSource params = new MapSqlParameterSource("application", applicationId)
                        .addValue("account", user.id().value()).addValue("criterion", score.criterionId())
                        .addValue("score", score.score()).addValue("comment", score.comment())
                        .addValue("now", Rows.timestamp(calls.now()));
                if (jdbc.update("UPDATE programme_score SET score = :score, comment = :comment, scored_at = :now WHERE "
                        + "application_id = :application AND account_id = :account AND criterion_id = :criterion",
                        params) == 0) {
                    jdbc.update("INSERT INTO programme_score (application_id, account_id, criterion_id, score, comment, "
                            + "scored_at) VALUES (:application, :account, :criterion, :score, :comment, :now)", params);
                }
            }
            return null;
        }));
        return Map.of();
    }

    /** Every reviewer's complete sheet as its weighted mean (0 to 5). */
    List<Double> sheetMeans(long applicationId, List<Criterion> criteria) {
        Map<Long, Map<Long, Integer>> byReviewer = new LinkedHashMap<>();
        jdbc.query("SELECT account_id, criterion_id, score FROM programme_score WHERE application_id = :id",
                Map.of("id", applicationId), rs -> {
                    byReviewer.computeIfAbsent(rs.getLong(1), key -> new LinkedHashMap<>()).put(rs.getLong(2), rs.getInt(3));
                });
        List<Double> means = new ArrayList<>();
        int totalWeight = criteria.stream().mapToInt(Criterion::weight).sum();
        for (Map<Long, Integer> sheet : byReviewer.values()) {
            if (totalWeight == 0 || !criteria.stream().allMatch(criterion -> sheet.containsKey(criterion.id()))) {
                continue;
            }
            double weighted = criteria.stream().mapToDouble(criterion -> criterion.weight() * sheet.get(criterion.id())).sum();
            means.add(weighted / totalWeight);
        }
        return means;
    }

    static Ranked ranked(Application application, List<Double> means) {
        if (means.isEmpty()) {
            return new Ranked(application, null, null, 0);
        }
        double mean = means.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = means.stream().mapToDouble(value -> (value - mean) * (value - mean)).sum() / means.size();
        return new Ranked(application, mean, Math.sqrt(variance), means.size());
    }

    /** The call's received applications, best weighted mean first, those without a complete sheet last. */
    List<Ranked> ranking(long callId) {
        List<Criterion> criteria = calls.criteria(callId);
        return applications.ofCall(callId).stream().filter(application -> application.status().received())
                .map(application -> ranked(application, sheetMeans(application.id(), criteria)))
                .sorted(Comparator.comparing((Ranked ranked) -> ranked.mean() == null)
                        .thenComparing(ranked -> ranked.mean() == null ? 0 : -ranked.mean())
                        .thenComparing(ranked -> ranked.application().id()))
                .toList();
    }
}
