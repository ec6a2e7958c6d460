package org.agora.programmes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.agora.accounts.AgoraUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants of retained projects: the award the call's rule gives (min(rate × eligible cost, cap), to the euro), staff
 * adjustments with their written justification (all kept), the commitment and the payments — never more paid than
 * committed (the grant row is locked while a payment is recorded).
 */
@Service
class Grants {

    enum PaymentKind { ADVANCE, BALANCE }

    record Grant(long applicationId, long computedCents, long awardedCents, LocalDate committedOn, Long committedCents,
                 long paidCents) {

        public boolean committed() {
            return committedOn != null;
        }

        public long remainingCents() {
            return committedCents == null ? 0 : committedCents - paidCents;
        }
    }

    record Adjustment(long fromCents, long toCents, String justification, long adjustedBy, java.time.Instant at) {
    }

    record Payment(long id, PaymentKind kind, long amountCents, LocalDate paidOn) {
    }

    /** Committed and paid, in cents. */
    record Totals(long committedCents, long paidCents) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Applications applications;
    private final Calls calls;

    Grants(NamedParameterJdbcTemplate jdbc, Applications applications, Calls calls) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.calls = calls;
    }

    Optional<Grant> find(long applicationId) {
        return jdbc.query("SELECT g.*, (SELECT COALESCE(SUM(p.amount_cents), 0) FROM programme_payment p WHERE "
                + "p.application_id = g.application_id) AS paid FROM programme_grant g WHERE g.application_id = :id",
                Map.of("id", applicationId), (rs, row) -> new Grant(rs.getLong("application_id"),
                        rs.getLong("computed_cents"), rs.getLong("awarded_cents"), Rows.localDate(rs, "committed_on"),
                        Rows.nullableLong(rs, "committed_cents"), rs.getLong("paid"))).stream().findFirst();
    }

    /** Creates (or recomputes, while uncommitted and unadjusted) the grant from the call's rule; for the decision. */
    void computeFor(Application application, Call call) {
        long award = Money.award(application.eligibleCostCents() == null ? 0 : application.eligibleCostCents(),
                call.ratePercent(), call.capCents());
        Optional<Grant> existing = find(application.id());
        if (existing.isEmpty()) {
            jdbc.update("INSERT INTO programme_grant (application_id, computed_cents, awarded_cents) VALUES (:id, :award, "
                    + ":award)", Map.of("id", application.id(), "award", award));
        } else if (!existing.get().committed() && adjustments(application.id()).isEmpty()) {
            jdbc.update("UPDATE programme_grant SET computed_cents = :award, awarded_cents = :award WHERE application_id "
                    + "= :id", Map.of("id", application.id(), "award", award));
        }
    }

    List<Adjustment> adjustments(long applicationId) {
        return jdbc.query("SELECT * FROM programme_grant_adjustment WHERE application_id = :id ORDER BY id",
                Map.of("id", applicationId), (rs, row) -> new Adjustment(rs.getLong("from_cents"), rs.getLong("to_cents"),
                        rs.getString("justification"), rs.getLong("adjusted_by"), Rows.instant(rs, "adjusted_at")));
    }

    List<Payment> payments(long applicationId) {
        return jdbc.query("SELECT * FROM programme_payment WHERE application_id = :id ORDER BY paid_on, id",
                Map.of("id", applicationId), (rs, row) -> new Payment(rs.getLong("id"),
                        PaymentKind.valueOf(rs.getString("kind")), rs.getLong("amount_cents"), Rows.localDate(rs, "paid_on")));
    }

    private Grant requireLocked(long applicationId) {
        jdbc.queryForList("SELECT application_id FROM programme_grant WHERE application_id = :id FOR UPDATE",
                Map.of("id", applicationId), Long.class).stream().findFirst().orElseThrow(ProgrammeRefused::notFound);
        return find(applicationId).orElseThrow();
    }

    /** Staff change the award with a justification; refused once committed (a commitment is a decision of its own). */
    @Transactional
    Optional<Map<String, String>> adjust(AgoraUser staff, long applicationId, String amount, String justification) {
        Rows.requireStaff(staff);
        Grant grant = requireLocked(applicationId);
        Map<String, String> problems = new TreeMap<>();
        Optional<Long> cents = Money.parseEuros(amount);
        if (cents.isEmpty()) {
            problems.put("awarded", "programmes.grant.error.amount");
        }
        String why = Rows.strip(justification);
        if (why.length() < 10 || why.length() > 2000) {
            problems.put("justification", "programmes.grant.error.justification");
        }
        if (grant.committed()) {
            problems.put("awarded", "programmes.grant.error.committed");
        }
        if (!problems.isEmpty()) {
            return Optional.of(problems);
        }
        jdbc.update("UPDATE programme_grant SET awarded_cents = :cents WHERE application_id = :id",
                Map.of("cents", cents.get(), "id", applicationId));
        jdbc.update("INSERT INTO programme_grant_adjustment (application_id, from_cents, to_cents, justification, "
                + "adjusted_by, adjusted_at) VALUES (:id, :from, :to, :why, :by, :now)", new MapSqlParameterSource("id",
                applicationId).addValue("from", grant.awardedCents()).addValue("to", cents.get()).addValue("why", why)
                .addValue("by", staff.id().value()).addValue("now", Rows.timestamp(calls.now())));
        return Optional.empty();
    }

    static Optional<LocalDate> date(String typed) {
        try {
            LocalDate date = LocalDate.parse(Rows.strip(typed));
            return date.getYear() < 2000 || date.getYear() > 2100 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Commits the awarded amount on this date (once). */
    @Transactional
    Optional<Map<String, String>> commit(AgoraUser staff, long applicationId, String on) {
        Rows.requireStaff(staff);
        Grant grant = requireLocked(applicationId);
        Optional<LocalDate> date = date(on);
        if (date.isEmpty()) {
            return Optional.of(Map.of("committedOn", "programmes.grant.error.date"));
        }
        if (grant.committed()) {
            return Optional.of(Map.of("committedOn", "programmes.grant.error.committed"));
        }
        jdbc.update("UPDATE programme_grant SET committed_on = :on, committed_cents = awarded_cents WHERE application_id "
                + "= :id", new MapSqlParameterSource("id", applicationId).addValue("on", Rows.date(date.get())));
        return Optional.empty();
    }

    /** Records a payment; refused when it would pay more than committed. */
    @Transactional
    Optional<Map<String, String>> pay(AgoraUser staff, long applicationId, String kind, String amount, String on) {
        Rows.requireStaff(staff);
        Grant grant = requireLocked(applicationId);
        Map<String, String> problems = new TreeMap<>();
        Optional<PaymentKind> paymentKind = java.util.Arrays.stream(PaymentKind.values())
                .filter(value -> value.name().equals(kind)).findFirst();
        if (paymentKind.isEmpty()) {
            problems.put("paymentKind", "programmes.grant.error.paymentKind");
        }
        Optional<Long> cents = Money.parseEuros(amount).filter(value -> value > 0);
        Optional<LocalDate> date = date(on);
        if (cents.isEmpty()) {
            problems.put("paymentAmount", "programmes.grant.error.amount");
        } else if (!grant.committed()) {
            problems.put("paymentAmount", "programmes.grant.error.notCommitted");
        } else if (grant.paidCents() + cents.get() > grant.committedCents()) {
            problems.put("paymentAmount", "programmes.grant.error.overpaid");
        }
        if (date.isEmpty()) {
            problems.put("paidOn", "programmes.grant.error.date");
        }
        if (!problems.isEmpty()) {
            return Optional.of(problems);
        }
        jdbc.update("INSERT INTO programme_payment (application_id, kind, amount_cents, paid_on, recorded_by, recorded_at) "
                + "VALUES (:id, :kind, :amount, :on, :by, :now)", new MapSqlParameterSource("id", applicationId)
                .addValue("kind", paymentKind.get().name()).addValue("amount", cents.get())
                .addValue("on", Rows.date(date.get())).addValue("by", staff.id().value())
                .addValue("now", Rows.timestamp(calls.now())));
        return Optional.empty();
    }

    Totals ofCall(long callId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(g.committed_cents), 0), (SELECT COALESCE(SUM(p.amount_cents), 0) "
                + "FROM programme_payment p JOIN programme_application a ON a.id = p.application_id WHERE a.call_id = "
                + ":call) FROM programme_grant g JOIN programme_application a ON a.id = g.application_id WHERE a.call_id = "
                + ":call", Map.of("call", callId), (rs, row) -> new Totals(rs.getLong(1), rs.getLong(2)));
    }

    Totals everywhere() {
        return jdbc.queryForObject("SELECT (SELECT COALESCE(SUM(committed_cents), 0) FROM programme_grant), "
                + "(SELECT COALESCE(SUM(amount_cents), 0) FROM programme_payment)", Map.of(),
                (rs, row) -> new Totals(rs.getLong(1), rs.getLong(2)));
    }

    /** Committed (by commitment date) and paid (by payment date) per calendar year, oldest first. */
    Map<Integer, Totals> perYear() {
        Map<Integer, long[]> years = new TreeMap<>();
        jdbc.query("SELECT committed_on, committed_cents FROM programme_grant WHERE committed_on IS NOT NULL", Map.of(),
                rs -> {
                    years.computeIfAbsent(rs.getDate(1).toLocalDate().getYear(), year -> new long[2])[0] += rs.getLong(2);
                });
        jdbc.query("SELECT paid_on, amount_cents FROM programme_payment", Map.of(), rs -> {
            years.computeIfAbsent(rs.getDate(1).toLocalDate().getYear(), year -> new long[2])[1] += rs.getLong(2);
        });
        Map<Integer, Totals> totals = new TreeMap<>();
        years.forEach((year, sums) -> totals.put(year, new Totals(sums[0], sums[1])));
        return totals;
    }
}
