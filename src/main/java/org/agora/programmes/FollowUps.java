package org.agora.programmes;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationId;
import org.agora.organisations.OrganisationView;
import org.agora.shared.Clocks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows a retained application: its members send progress and final reports with deliverables, staff mark
 * the project complete, and an exemplary one is published as a public showcase page.
 */
@Service
class FollowUps {

    enum ReportKind { PROGRESS, FINAL }

    record Report(long id, ReportKind kind, String text, Instant sentAt) {

        public ZonedDateTime sentInParis() {
            return sentAt.atZone(Clocks.PARIS);
        }
    }

    record Showcase(long applicationId, String done, String tools, String results, Instant publishedAt) {

        public boolean published() {
            return publishedAt != null;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Applications applications;
    private final Calls calls;
    private final OrganisationDirectory organisations;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;

    FollowUps(NamedParameterJdbcTemplate jdbc, Applications applications, Calls calls,
              OrganisationDirectory organisations, AccountManagement accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.applications = applications;
        this.calls = calls;
        this.organisations = organisations;
        this.events = events;
    }

    List<Report> reports(long applicationId) {
        return jdbc.query("SELECT * FROM programme_report WHERE application_id = :id ORDER BY id", Map.of("id", applicationId),
                (rs, row) -> new Report(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")), rs.getString("text"),
                        Rows.instant(rs, "sent_at")));
    }

    /** A member sends a report (with an optional deliverable); the problems when refused, nothing stored then. */
    @Transactional
    Map<String, String> report(AgoraUser user, long applicationId, String kind, String text, Applications.Upload upload) {
        Rows.requireSignedIn(user);
        Application application = applications.require(applicationId);
        if (!applications.isMember(user, application)) {
            throw ProgrammeRefused.notFound();
        }
        if (!application.retained() || application.completed()) {
            throw ProgrammeRefused.conflict("programmes.grant.report.refused");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<ReportKind> reportKind = java.util.Arrays.stream(ReportKind.values())
                .filter(value -> value.name().equals(kind)).findFirst();
        if (reportKind.isEmpty()) {
            problems.put("reportKind", "programmes.grant.report.error.kind");
        }
        if (Rows.strip(text).isEmpty() || Rows.strip(text).length() > 10_000) {
            problems.put("reportText", "programmes.grant.report.error.text");
        }
        if (upload != null) {
            Applications.uploadProblem(upload).ifPresent(problem -> problems.put("deliverable", problem));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO programme_report (application_id, kind, text, sent_by, sent_at) VALUES (:id, :kind, "
                + ":text, :by, :now)", new MapSqlParameterSource("id", applicationId).addValue("kind", reportKind.get().name())
                .addValue("text", Rows.strip(text)).addValue("by", user.id().value())
                .addValue("now", Rows.timestamp(calls.now())), key, new String[] {"id"});
        long reportId = key.getKey().longValue();
        if (upload != null) {
            applications.store(user, applicationId, "report-" + reportId, reportId, upload)
                    .ifPresent(problem -> {
                        throw ProgrammeRefused.invalid(problem);
                    });
        }
        return Map.of();
    }

    @Transactional
    void complete(AgoraUser staff, long applicationId) {
        Rows.requireStaff(staff);
        Application application = applications.require(applicationId);
        if (!application.retained()) {
            throw ProgrammeRefused.conflict("programmes.grant.complete.refused");
        }
        jdbc.update("UPDATE programme_application SET completed_at = COALESCE(completed_at, :now) WHERE id = :id",
                new MapSqlParameterSource("id", applicationId).addValue("now", Rows.timestamp(calls.now())));
    }

    Optional<Showcase> showcase(long applicationId) {
        return jdbc.query("SELECT * FROM programme_showcase WHERE application_id = :id", Map.of("id", applicationId),
                (rs, row) -> new Showcase(rs.getLong("application_id"), rs.getString("done"), rs.getString("tools"),
                        rs.getString("results"), Rows.instant(rs, "published_at"))).stream().findFirst();
    }

    /** The published showcases, newest first. */
    List<Showcase> published() {
        return jdbc.query("SELECT * FROM programme_showcase WHERE published_at IS NOT NULL ORDER BY published_at DESC",
                Map.of(), (rs, row) -> new Showcase(rs.getLong("application_id"), rs.getString("done"),
                        rs.getString("tools"), rs.getString("results"), Rows.instant(rs, "published_at")));
    }

    /** Writes the showcase of a retained project and publishes it (or keeps it unpublished). */
    @Transactional
    Map<String, String> writeShowcase(AgoraUser staff, long applicationId, String done, String tools, String results,
                                      boolean publish) {
        Rows.requireStaff(staff);
        Application application = applications.require(applicationId);
        if (!application.retained()) {
            throw ProgrammeRefused.conflict("programmes.grant.showcase.refused");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        if (Rows.strip(done).isEmpty() || Rows.strip(done).length() > 10_000) {
            problems.put("done", "programmes.grant.showcase.error.done");
        }
        if (Rows.strip(tools).length() > 4000) {
            problems.put("tools", "programmes.grant.showcase.error.tools");
        }
        if (Rows.strip(results).isEmpty() || Rows.strip(results).length() > 10_000) {
            problems.put("results", "programmes.grant.showcase.error.results");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("id", applicationId).addValue("done", Rows.strip(done))
                .addValue("tools", Rows.strip(tools)).addValue("results", Rows.strip(results))
                .addValue("by", staff.id().value()).addValue("now", Rows.timestamp(calls.now()));
        String published = publish ? "COALESCE(published_at, :now)" : "NULL";
        if (jdbc.update("UPDATE programme_showcase SET done = :done, tools = :tools, results = :results, published_at = "
                + published + ", updated_by = :by, updated_at = :now WHERE application_id = :id", params) == 0) {
            jdbc.update("INSERT INTO programme_showcase (application_id, done, tools, results, published_at, updated_by, "
                    + "updated_at) VALUES (:id, :done, :tools, :results, " + (publish ? ":now" : "NULL") + ", :by, :now)",
                    params);
        }
        if (publish) {
            announce(application, Rows.strip(done), Rows.strip(tools), Rows.strip(results));
        }
        return Map.of();
    }

    private void announce(Application application, String done, String tools, String results) {
        Optional<OrganisationView> organisation = organisations.find(new OrganisationId(application.organisationId()));
        Optional<AgoraUser> author = accounts.find(new AccountId(application.createdBy()));
        if (organisation.isEmpty() || author.isEmpty()) {
            return;
        }
        Instant decided = application.decidedAt() == null ? calls.now() : application.decidedAt();
        events.publishEvent(new ProjectShowcased(application.id(), application.title(), application.organisationId(),
                organisation.get().territoryId(), done, tools, results, decided.atZone(Clocks.PARIS).toLocalDate(),
                "/programmes/projets/" + application.id(), author.get().pseudonym(), author.get().email()));
    }
}
