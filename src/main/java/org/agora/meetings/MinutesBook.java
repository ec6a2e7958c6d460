package org.agora.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.agora.accounts.AgoraUser;
import org.agora.proposals.ProposalCatalog;
import org.agora.shared.ResourceRef;
import org.agora.shared.FileFormat;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.agora.meetings.Meetings.instant;
import static org.agora.meetings.Meetings.timestamp;

/**
 * A meeting's minutes (compte rendu): a plain text in paragraphs and attached files, written by staff or the area's
 * facilitators, public once published with the attendance figures and the proposals the meeting produced.
 */
@Service
class MinutesBook {

    static final int MAX_TEXT = 50_000;
    static final int MAX_BYTES = 8 * 1024 * 1024;
    static final int MAX_ATTACHMENTS = 10;
    static final String ODT = "application/vnd.oasis.opendocument.text";

    record Minutes(long meetingId, String text, Instant publishedAt, Instant updatedAt) {

        public boolean published() {
            return publishedAt != null;
        }

        /** The text cut into paragraphs at blank lines; line breaks inside a paragraph are kept by the page's style. */
        public List<String> paragraphs() {
            return Arrays.stream(text.split("\\R\\s*\\R")).map(String::strip).filter(part -> !part.isEmpty()).toList();
        }
    }

    record Attachment(long id, String fileName, String contentType, int size) {

        public long kilobytes() {
            return Math.max(1, Math.round(size / 1024.0));
        }
    }

    record File(String fileName, String contentType, byte[] data) {

        boolean inline() {
            return contentType.startsWith("image/");
        }
    }

    /** A file as it was sent: the name the browser gave (shown, never trusted) and at most one byte more than allowed. */
    record Upload(String fileName, byte[] bytes) {
    }

    private final Attendance attendance;
    private final ProposalCatalog proposals;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    MinutesBook(Attendance attendance, ProposalCatalog proposals, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.proposals = proposals;
        this.attendance = attendance;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Minutes> find(long meetingId) {
        return jdbc.query("SELECT * FROM meeting_minutes WHERE meeting_id = :meeting", new MapSqlParameterSource("meeting",
                meetingId), (rs, row) -> new Minutes(rs.getLong("meeting_id"), rs.getString("text"),
                instant(rs, "published_at"), instant(rs, "updated_at"))).stream().findFirst();
    }

    /** Ids of the public meetings whose minutes are published, for the sitemap. */
    List<Long> published() {
        return jdbc.queryForList("SELECT n.meeting_id FROM meeting_minutes n JOIN meeting m ON m.id = n.meeting_id WHERE "
                + "n.published_at IS NOT NULL AND m.status <> 'DRAFT' AND m.invitation_only = FALSE ORDER BY n.meeting_id",
                new MapSqlParameterSource(), Long.class);
    }

    List<Attachment> attachments(long meetingId) {
        return jdbc.query("SELECT id, file_name, content_type, size_bytes FROM meeting_minutes_attachment WHERE "
                + "meeting_id = :meeting ORDER BY id", new MapSqlParameterSource("meeting", meetingId),
                (rs, row) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
    }

    Optional<File> file(long meetingId, long attachmentId) {
        return jdbc.query("SELECT file_name, content_type, data FROM meeting_minutes_attachment WHERE id = :id AND "
                + "meeting_id = :meeting", new MapSqlParameterSource("id", attachmentId).addValue("meeting", meetingId),
                (rs, row) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3))).stream().findFirst();
    }

    static Optional<String> textProblem(String text) {
        return text == null || text.isBlank() || text.length() > MAX_TEXT
                ? Optional.of("meetings.minutes.text.length") : Optional.empty();
    }

    /** Writes the text; published minutes stay published with the new text. */
    @Transactional
    void write(AgoraUser user, long meetingId, String text) {
        attendance.onSite(user, meetingId);
        MapSqlParameterSource params = new MapSqlParameterSource("meeting", meetingId).addValue("text", text.strip())
                .addValue("now", timestamp(clock.instant())).addValue("by", user.id().value());
        if (jdbc.update("UPDATE meeting_minutes SET text = :text, updated_at = :now, updated_by = :by WHERE "
                + "meeting_id = :meeting", params) == 0) {
            jdbc.update("INSERT INTO meeting_minutes (meeting_id, text, updated_at, updated_by) VALUES (:meeting, :text, "
                    + ":now, :by)", params);
        }
    }

    /** Publishes the minutes once the meeting has begun (publishing twice changes nothing), or withdraws them. */
    @Transactional
    void publish(AgoraUser user, long meetingId, boolean publish) {
        Meeting meeting = attendance.onSite(user, meetingId);
        if (find(meetingId).isEmpty()) {
            throw MeetingRefused.conflict("meetings.minutes.refused.empty");
        }
        if (publish && meeting.startsAt().isAfter(clock.instant())) {
            throw MeetingRefused.conflict("meetings.minutes.refused.not-begun");
        }
        jdbc.update("UPDATE meeting_minutes SET published_at = " + (publish ? "COALESCE(published_at, :now)" : "NULL")
                + " WHERE meeting_id = :meeting", new MapSqlParameterSource("meeting", meetingId)
                .addValue("now", timestamp(clock.instant())));
    }

    /** The format of an accepted file, recognised from its first bytes: PDF, PNG, JPEG, WebP or OpenDocument text. */
    static Optional<String> contentType(byte[] bytes) {
        Optional<FileFormat> format = FileFormat.detect(bytes);
        if (format.isPresent()) {
            return Optional.of(format.get().mediaType());
        }
        // An OpenDocument file is a zip whose first entry, stored uncompressed, is "mimetype" holding its type.
        byte[] signature = ("mimetype" + ODT).getBytes(StandardCharsets.US_ASCII);
        if (bytes.length >= 30 + signature.length && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4
                && Arrays.equals(bytes, 30, 30 + signature.length, signature, 0, signature.length)) {
            return Optional.of(ODT);
        }
        return Optional.empty();
    }

    static String extension(String contentType) {
        return switch (contentType) {
            case ODT -> "odt";
            case "application/pdf" -> "pdf";
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            default -> "webp";
        };
    }

    /** Checks and stores a file; the message key of the problem when it is refused. */
    @Transactional
    Optional<String> attach(AgoraUser user, long meetingId, Upload upload) {
        attendance.onSite(user, meetingId);
        if (upload == null || upload.bytes().length == 0) {
            return Optional.of("meetings.minutes.file.missing");
        }
        if (upload.bytes().length > MAX_BYTES) {
            return Optional.of("meetings.minutes.file.size");
        }
        Optional<String> type = contentType(upload.bytes());
        if (type.isEmpty()) {
            return Optional.of("meetings.minutes.file.type");
        }
        if (attachments(meetingId).size() >= MAX_ATTACHMENTS) {
            return Optional.of("meetings.minutes.file.count");
        }
        jdbc.update("INSERT INTO meeting_minutes_attachment (meeting_id, content_type, file_name, size_bytes, data, "
                + "added_at) VALUES (:meeting, :type, :name, :size, :data, :now)", new MapSqlParameterSource("meeting",
                meetingId).addValue("type", type.get()).addValue("name", safeName(upload.fileName(), extension(type.get())))
                .addValue("size", upload.bytes().length).addValue("data", upload.bytes())
                .addValue("now", timestamp(clock.instant())));
        return Optional.empty();
    }

    @Transactional
    void remove(AgoraUser user, long meetingId, long attachmentId) {
        attendance.onSite(user, meetingId);
        jdbc.update("DELETE FROM meeting_minutes_attachment WHERE id = :id AND meeting_id = :meeting",
                new MapSqlParameterSource("id", attachmentId).addValue("meeting", meetingId));
    }

    /** The name reduced to safe characters, with the extension of its real format. */
    static String safeName(String fileName, String extension) {
        String base = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        base = (dot > 0 ? base.substring(0, dot) : base).replaceAll("[^\\p{L}\\p{N} ._-]", "_").strip();
        if (base.isEmpty()) {
            base = "compte-rendu";
        }
        return (base.length() > 150 ? base.substring(0, 150) : base) + "." + extension;
    }

    /** The public proposals collected on paper at this meeting, hidden ones left out, in publication order. */
    List<ProducedProposal> proposalsProducedBy(long meetingId) {
        return proposals.collectedAt(new ResourceRef("meeting", meetingId)).stream()
                .filter(proposal -> !proposal.hidden())
                .map(proposal -> new ProducedProposal(proposal.title(), proposal.path())).toList();
    }

    /** A proposal shown on the minutes: its title and the address of its page. */
    record ProducedProposal(String title, String path) {
    }
}
