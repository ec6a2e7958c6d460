package org.agora.programmes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationId;
import org.agora.organisations.OrganisationView;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations that apply to calls (an organisation of the registry with its applicant kind) and the accounts
 * acting for them (members). Kept in this module: membership means "may write this organisation's applications",
 * nothing the registry itself needs (docs/decisions/0019).
 */
@Service
class Applicants {

    /** An applicant organisation with what the registry knows of it. */
    record Applicant(long organisationId, String name, ApplicantKind kind, long territoryId, String siren) {
    }

    record Member(long accountId, String email, String pseudonym) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final OrganisationDirectory organisations;
    private final AccountManagement accounts;
    private final Clock clock;

    Applicants(NamedParameterJdbcTemplate jdbc, OrganisationDirectory organisations, AccountManagement accounts,
               Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.accounts = accounts;
        this.clock = clock;
    }

    Optional<Applicant> find(long organisationId) {
        return jdbc.query("SELECT organisation_id, applicant_kind FROM programme_applicant WHERE organisation_id = :id",
                Map.of("id", organisationId), (rs, row) -> ApplicantKind.valueOf(rs.getString(2))).stream().findFirst()
                .flatMap(kind -> organisations.find(new OrganisationId(organisationId))
                        .map(view -> applicant(view, kind)));
    }

    private static Applicant applicant(OrganisationView view, ApplicantKind kind) {
        return new Applicant(view.id().value(), view.name(), kind, view.territoryId(), view.siren());
    }

    List<Applicant> all() {
        List<Applicant> all = new ArrayList<>();
        Map<Long, ApplicantKind> kinds = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT organisation_id, applicant_kind FROM programme_applicant ORDER BY organisation_id", Map.of(),
                rs -> {
                    kinds.put(rs.getLong(1), ApplicantKind.valueOf(rs.getString(2)));
                });
        kinds.forEach((id, kind) -> organisations.find(new OrganisationId(id))
                .ifPresent(view -> all.add(applicant(view, kind))));
        return all;
    }

    /** The applicant organisations this account acts for. */
    List<Applicant> of(AgoraUser user) {
        if (user == null) {
            return List.of();
        }
        return jdbc.queryForList("SELECT organisation_id FROM programme_member WHERE account_id = :account ORDER BY "
                + "organisation_id", Map.of("account", user.id().value()), Long.class).stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    boolean isMember(AgoraUser user, long organisationId) {
        return user != null && Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM programme_member WHERE "
                + "organisation_id = :organisation AND account_id = :account", Map.of("organisation", organisationId,
                "account", user.id().value()), Boolean.class));
    }

    List<Member> members(long organisationId) {
        List<Long> ids = jdbc.queryForList("SELECT account_id FROM programme_member WHERE organisation_id = :id ORDER BY "
                + "added_at, account_id", Map.of("id", organisationId), Long.class);
        List<Member> members = new ArrayList<>();
        for (long id : ids) {
            accounts.find(new AccountId(id)).ifPresent(user -> members.add(new Member(id, user.email(), user.pseudonym())));
        }
        return members;
    }

    /** Registers an organisation of the registry as an applicant of this kind (again: changes its kind). */
    @Transactional
    void register(AgoraUser staff, long organisationId, ApplicantKind kind) {
        Rows.requireStaff(staff);
        if (organisations.find(new OrganisationId(organisationId)).isEmpty()) {
            throw ProgrammeRefused.notFound();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("id", organisationId).addValue("kind", kind.name())
                .addValue("now", Rows.timestamp(clock.instant()));
        if (jdbc.update("UPDATE programme_applicant SET applicant_kind = :kind WHERE organisation_id = :id", params) == 0) {
            jdbc.update("INSERT INTO programme_applicant (organisation_id, applicant_kind, registered_at) VALUES (:id, "
                    + ":kind, :now)", params);
        }
    }

    /** Adds the account of this address as a member; false when no account has it. Adding twice changes nothing. */
    @Transactional
    boolean addMember(AgoraUser staff, long organisationId, String email) {
        Rows.requireStaff(staff);
        if (find(organisationId).isEmpty()) {
            throw ProgrammeRefused.notFound();
        }
        Optional<AccountId> account = accounts.findByEmail(Rows.strip(email));
        if (account.isEmpty()) {
            return false;
        }
        add(organisationId, account.get().value());
        return true;
    }

    /** Membership without the staff check, for the demo data. */
    void add(long organisationId, long accountId) {
        try {
            jdbc.update("INSERT INTO programme_member (organisation_id, account_id, added_at) SELECT :organisation, "
                    + ":account, :now WHERE NOT EXISTS (SELECT 1 FROM programme_member WHERE organisation_id = "
                    + ":organisation AND account_id = :account)", new MapSqlParameterSource("organisation", organisationId)
                    .addValue("account", accountId).addValue("now", Rows.timestamp(clock.instant())));
        } catch (DuplicateKeyException alreadyThere) {
            // Added meanwhile by another request: the membership exists, which is what was asked.
        }
    }

    @Transactional
    void removeMember(AgoraUser staff, long organisationId, long accountId) {
        Rows.requireStaff(staff);
        jdbc.update("DELETE FROM programme_member WHERE organisation_id = :organisation AND account_id = :account",
                Map.of("organisation", organisationId, "account", accountId));
    }

    List<OrganisationView> searchRegistry(String prefix) {
        return Rows.strip(prefix).isEmpty() ? List.of() : organisations.searchAnywhere(prefix, 20);
    }
}
