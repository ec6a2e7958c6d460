package org.agora.programmes;

import java.util.Map;

import org.agora.organisations.OrganisationsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When two organisations of the registry are merged, the removed one's applicant record, members and applications
 * move to the kept one, in the merging transaction. An application of the removed one to a call the kept one has also
 * applied to stays with the removed id (one application per organisation and call): staff settle it by hand.
 */
@Component
class ApplicantMerges {

    private final NamedParameterJdbcTemplate jdbc;

    ApplicantMerges(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(OrganisationsMerged merged) {
        Map<String, Long> ids = Map.of("kept", merged.kept().value(), "removed", merged.removed().value());
        jdbc.update("INSERT INTO programme_applicant (organisation_id, applicant_kind, registered_at) SELECT :kept, "
                + "applicant_kind, registered_at FROM programme_applicant WHERE organisation_id = :removed AND NOT EXISTS "
                + "(SELECT 1 FROM programme_applicant WHERE organisation_id = :kept)", ids);
        jdbc.update("INSERT INTO programme_member (organisation_id, account_id, added_at) SELECT :kept, m.account_id, "
                + "m.added_at FROM programme_member m WHERE m.organisation_id = :removed AND NOT EXISTS (SELECT 1 FROM "
                + "programme_member k WHERE k.organisation_id = :kept AND k.account_id = m.account_id)", ids);
        jdbc.update("DELETE FROM programme_member WHERE organisation_id = :removed", ids);
        jdbc.update("UPDATE programme_application SET organisation_id = :kept WHERE organisation_id = :removed AND call_id "
                + "NOT IN (SELECT call_id FROM programme_application WHERE organisation_id = :kept)", ids);
        jdbc.update("DELETE FROM programme_applicant WHERE organisation_id = :removed AND NOT EXISTS (SELECT 1 FROM "
                + "programme_application WHERE organisation_id = :removed)", ids);
    }
}
