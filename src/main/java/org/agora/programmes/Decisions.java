package org.agora.programmes;

import java.util.List;
import java.util.Optional;

import org.agora.accounts.AgoraUser;
import org.agora.shared.Clocks;
import org.agora.shared.MailAttachment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff decide on a submitted application (retained, not retained, waiting list) with a reason; who and when are
 * kept. A retained project gets its grant computed; the decision letter (PDF) is mailed to the organisation's members.
 */
@Service
class Decisions {

    private final NamedParameterJdbcTemplate jdbc;
    private final Applications applications;
    private final Applicants applicants;
    private final Calls calls;
    private final Grants grants;
    private final ProgrammeMails mails;

    Decisions(NamedParameterJdbcTemplate jdbc, Applications applications, Applicants applicants, Calls calls,
              Grants grants, ProgrammeMails mails) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.applicants = applicants;
        this.calls = calls;
        this.grants = grants;
        this.mails = mails;
    }

    @Transactional
    void decide(AgoraUser staff, long applicationId, String decision, String reason) {
        Rows.requireStaff(staff);
        Application application = applications.require(applicationId);
        ApplicationStatus chosen = ApplicationStatus.DECISIONS.stream().filter(value -> value.name().equals(decision))
                .findFirst().orElseThrow(() -> ProgrammeRefused.invalid("programmes.review.error.decision"));
        String why = Rows.strip(reason);
        if (why.isEmpty() || why.length() > 4000) {
            throw ProgrammeRefused.invalid("programmes.review.error.reason");
        }
        if (application.status() != ApplicationStatus.SUBMITTED && application.status() != ApplicationStatus.WAITING_LIST) {
            throw ProgrammeRefused.conflict("programmes.review.refused.notDecidable");
        }
        Call call = calls.require(application.callId());
        jdbc.update("UPDATE programme_application SET status = :status, decision_reason = :reason, decided_at = :now, "
                + "decided_by = :by, updated_at = :now WHERE id = :id", new MapSqlParameterSource("id", applicationId)
                .addValue("status", chosen.name()).addValue("reason", why).addValue("by", staff.id().value())
                .addValue("now", Rows.timestamp(calls.now())));
        Application decided = applications.require(applicationId);
        if (chosen == ApplicationStatus.RETAINED && call.grants()) {
            grants.computeFor(decided, call);
        }
        byte[] pdf = DecisionLetters.pdf(letter(decided, call));
        mails.toMembers(decided, call, "programme-decision", "programmes.review.mail.decision", why,
                List.of(new MailAttachment(fileName(decided), "application/pdf", pdf, null)));
    }

    static String fileName(Application application) {
        return "decision-" + application.id() + ".pdf";
    }

    DecisionLetters.Letter letter(Application application, Call call) {
        String organisation = applicants.find(application.organisationId()).map(Applicants.Applicant::name).orElse("");
        Long grant = call.grants() ? grants.find(application.id()).map(Grants.Grant::awardedCents).orElse(null) : null;
        Integer days = call.accompanies() ? call.accompanimentDays() : null;
        return new DecisionLetters.Letter(organisation, application.title(), call.title(), application.status(),
                application.decisionReason(), grant, days, application.decidedAt().atZone(Clocks.PARIS).toLocalDate());
    }

    /** The letter of a decided application, for staff and the organisation's members. */
    Optional<byte[]> letterFor(AgoraUser user, long applicationId) {
        Application application = applications.readable(user, applicationId);
        if (!Rows.isStaff(user) && !applications.isMember(user, application)) {
            throw ProgrammeRefused.notFound();
        }
        if (!ApplicationStatus.DECISIONS.contains(application.status()) || application.decidedAt() == null) {
            return Optional.empty();
        }
        return Optional.of(DecisionLetters.pdf(letter(application, calls.require(application.callId()))));
    }
}
