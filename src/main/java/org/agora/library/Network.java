package org.agora.library;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import static org.agora.library.Initiatives.instant;

/** The regional network's tables: its members and the requests to join. */
@Repository("libraryNetwork")
class Network {

    record Member(long id, Long organisationId, Long initiativeId, String contactName, String contactRole,
                  Instant addedAt) {
    }

    enum RequestStatus { PENDING, ACCEPTED, REFUSED }

    record Request(long id, Long organisationId, String organisationName, String organisationKind, long territoryId,
                   String contactName, String contactEmail, String message, long requestedBy, RequestStatus status,
                   String decisionNote, Instant createdAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    Network(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Member> members() {
        return jdbc.query("SELECT * FROM library_network_member ORDER BY added_at, id", new MapSqlParameterSource(),
                (rs, row) -> new Member(rs.getLong("id"), rs.getObject("organisation_id", Long.class),
                        rs.getObject("initiative_id", Long.class), rs.getString("contact_name"),
                        rs.getString("contact_role"), instant(rs, "added_at")));
    }

    /** Adds a member; false when the organisation or initiative already is one (a unique constraint decides). */
    boolean add(Long organisationId, Long initiativeId, String contactName, String contactRole, Long by, Instant now) {
        String column = organisationId != null ? "organisation_id" : "initiative_id";
        Long value = organisationId != null ? organisationId : initiativeId;
        Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM library_network_member WHERE " + column + " = :value",
                new MapSqlParameterSource("value", value), Integer.class);
        if (already != null && already > 0) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO library_network_member (organisation_id, initiative_id, contact_name, contact_role, "
                    + "added_by, added_at) VALUES (:organisation, :initiative, :name, :role, :by, :now)",
                    new MapSqlParameterSource("organisation", organisationId).addValue("initiative", initiativeId)
                            .addValue("name", contactName).addValue("role", contactRole).addValue("by", by)
                            .addValue("now", Timestamp.from(now)));
            return true;
        } catch (org.springframework.dao.DuplicateKeyException addedMeanwhile) {
            return false;
        }
    }

    void remove(long memberId) {
        jdbc.update("DELETE FROM library_network_member WHERE id = :id", new MapSqlParameterSource("id", memberId));
    }

    long request(Long organisationId, String organisationName, String kind, long territoryId, String contactName,
                 String contactEmail, String message, long requestedBy, Instant now) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update("INSERT INTO library_network_request (organisation_id, organisation_name, organisation_kind, "
                + "territory_id, contact_name, contact_email, message, requested_by, status, created_at) VALUES "
                + "(:organisation, :name, :kind, :territory, :contactName, :contactEmail, :message, :by, 'PENDING', :now)",
                new MapSqlParameterSource("organisation", organisationId).addValue("name", organisationName)
                        .addValue("kind", kind).addValue("territory", territoryId).addValue("contactName", contactName)
                        .addValue("contactEmail", contactEmail).addValue("message", message)
                        .addValue("by", requestedBy).addValue("now", Timestamp.from(now)), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    List<Request> requests(RequestStatus status) {
        return jdbc.query("SELECT * FROM library_network_request WHERE status = :status ORDER BY created_at, id",
                new MapSqlParameterSource("status", status.name()), Network::request);
    }

    List<Request> requestsBy(long accountId) {
        return jdbc.query("SELECT * FROM library_network_request WHERE requested_by = :by ORDER BY created_at DESC, id DESC",
                new MapSqlParameterSource("by", accountId), Network::request);
    }

    Optional<Request> findRequest(long id) {
        return jdbc.query("SELECT * FROM library_network_request WHERE id = :id", new MapSqlParameterSource("id", id),
                Network::request).stream().findFirst();
    }

    /** Decides a pending request; false when it was decided already. */
    boolean decide(long id, RequestStatus status, Long organisationId, String note, long by, Instant now) {
        return jdbc.update("UPDATE library_network_request SET status = :status, organisation_id = COALESCE(:organisation, "
                + "organisation_id), decision_note = :note, decided_by = :by, decided_at = :now WHERE id = :id AND "
                + "status = 'PENDING'", new MapSqlParameterSource("id", id).addValue("status", status.name())
                .addValue("organisation", organisationId).addValue("note", note).addValue("by", by)
                .addValue("now", Timestamp.from(now))) == 1;
    }

    private static Request request(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Request(rs.getLong("id"), rs.getObject("organisation_id", Long.class), rs.getString("organisation_name"),
                rs.getString("organisation_kind"), rs.getLong("territory_id"), rs.getString("contact_name"),
                rs.getString("contact_email"), rs.getString("message"), rs.getLong("requested_by"),
                RequestStatus.valueOf(rs.getString("status")), rs.getString("decision_note"), instant(rs, "created_at"));
    }
}
