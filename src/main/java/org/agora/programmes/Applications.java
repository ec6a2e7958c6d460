package org.agora.programmes;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.accounts.AgoraUser;
import org.agora.shared.Clocks;
import org.agora.shared.FileFormat;
import org.agora.territories.TerritoryDirectory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applications: an applicant organisation's members write a draft, attach files, submit before the call closes (the
 * server's clock decides), may withdraw; staff may ask for completion, which reopens editing until resubmitted. Each
 * application has a message thread between its members and staff.
 */
@Service
class Applications {

    static final int MAX_BYTES = 8 * 1024 * 1024;
    static final int MAX_FILES = 20;
    static final String ODT = "application/vnd.oasis.opendocument.text";

    record StoredFile(long id, String slot, Long reportId, String fileName, String contentType, int size) {

        public long kilobytes() {
            return Math.max(1, Math.round(size / 1024.0));
        }
    }

    record FileContent(String fileName, String contentType, byte[] data) {
    }

    /** A file as it was sent: the name the browser gave (shown, never trusted) and at most one byte more than allowed. */
    record Upload(String fileName, byte[] bytes) {
    }

    record Message(long id, long authorId, boolean fromStaff, String text, Instant sentAt) {

        public ZonedDateTime sentInParis() {
            return sentAt.atZone(Clocks.PARIS);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Calls calls;
    private final Applicants applicants;
    private final TerritoryDirectory territories;
    private final ProgrammeMails mails;
    private final TransactionTemplate transactions;

    Applications(NamedParameterJdbcTemplate jdbc, Calls calls, Applicants applicants, TerritoryDirectory territories,
                 ProgrammeMails mails, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.applicants = applicants;
        this.territories = territories;
        this.mails = mails;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    static Application application(ResultSet rs, int row) throws SQLException {
        return new Application(rs.getLong("id"), rs.getLong("call_id"), rs.getLong("organisation_id"),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getString("title"),
                Rows.nullableLong(rs, "eligible_cost_cents"), rs.getString("completion_request"),
                rs.getString("decision_reason"), Rows.instant(rs, "decided_at"), Rows.instant(rs, "completed_at"),
                rs.getLong("created_by"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                Rows.instant(rs, "submitted_at"));
    }

    Optional<Application> find(long id) {
        return jdbc.query("SELECT * FROM programme_application WHERE id = :id", Map.of("id", id),
                Applications::application).stream().findFirst();
    }

    Application require(long id) {
        return find(id).orElseThrow(ProgrammeRefused::notFound);
    }

    List<Application> ofCall(long callId) {
        return jdbc.query("SELECT * FROM programme_application WHERE call_id = :call ORDER BY id", Map.of("call", callId),
                Applications::application);
    }

    List<Application> ofOrganisations(List<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM programme_application WHERE organisation_id IN (:ids) ORDER BY id DESC",
                Map.of("ids", organisationIds), Applications::application);
    }

    /** Retained applications, the most recent decision first. */
    List<Application> retained() {
        return jdbc.query("SELECT * FROM programme_application WHERE status = 'RETAINED' ORDER BY decided_at DESC, id DESC",
                Map.of(), Applications::application);
    }

    // ----- Who may do what ------------------------------------------------------------------------------------------

    boolean isMember(AgoraUser user, Application application) {
        return applicants.isMember(user, application.organisationId());
    }

    boolean isReviewer(AgoraUser user, Application application) {
        return user != null && Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM programme_reviewer WHERE "
                + "application_id = :application AND account_id = :account", Map.of("application", application.id(),
                "account", user.id().value()), Boolean.class));
    }

    /** Staff, the organisation's members and its assigned reviewers read an application; nobody else learns it exists. */
    Application readable(AgoraUser user, long id) {
        Application application = require(id);
        if (Rows.isStaff(user) || isMember(user, application) || isReviewer(user, application)) {
            return application;
        }
        throw ProgrammeRefused.notFound();
    }

    /** The organisation's members (and staff, to help) act on it as applicants. */
    private Application asMember(AgoraUser user, long id) {
        Rows.requireSignedIn(user);
        Application application = require(id);
        if (!isMember(user, application)) {
            throw Rows.isStaff(user) || isReviewer(user, application) ? ProgrammeRefused.forbidden()
                    : ProgrammeRefused.notFound();
        }
        return application;
    }

    // ----- Starting, writing, submitting -----------------------------------------------------------------------------

    /**
     * Starts the organisation's draft for this call, or returns the one it already has (one per organisation and call:
     * a unique constraint, so two members starting at once get the same application).
     */
    long start(AgoraUser user, long callId, long organisationId) {
        Rows.requireSignedIn(user);
        Call call = calls.require(callId);
        Applicants.Applicant applicant = applicants.find(organisationId).orElseThrow(ProgrammeRefused::notFound);
        if (!applicants.isMember(user, organisationId)) {
            throw ProgrammeRefused.forbidden();
        }
        Optional<Long> existing = existing(callId, organisationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!call.openAt(calls.now())) {
            throw ProgrammeRefused.conflict(call.closedAt(calls.now()) ? "programmes.application.refused.deadline"
                    : "programmes.application.refused.notOpen");
        }
        if (!call.eligible().contains(applicant.kind())) {
            throw ProgrammeRefused.conflict("programmes.application.refused.kind");
        }
        if (!territories.isWithin(applicant.territoryId(), call.territoryId())) {
            throw ProgrammeRefused.conflict("programmes.application.refused.territory");
        }
        try {
            return transactions.execute(status -> {
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.update("INSERT INTO programme_application (call_id, organisation_id, status, title, created_by, "
                        + "created_at, updated_at) VALUES (:call, :organisation, 'DRAFT', :title, :by, :now, :now)",
                        new MapSqlParameterSource("call", callId).addValue("organisation", organisationId)
                                .addValue("title", applicant.name() + " — " + call.title())
                                .addValue("by", user.id().value()).addValue("now", Rows.timestamp(calls.now())),
                        key, new String[] {"id"});
                return key.getKey().longValue();
            });
        } catch (DuplicateKeyException startedMeanwhile) {
            return existing(callId, organisationId).orElseThrow(() -> startedMeanwhile);
        }
    }

    private Optional<Long> existing(long callId, long organisationId) {
        return jdbc.queryForList("SELECT id FROM programme_application WHERE call_id = :call AND organisation_id = "
                + ":organisation", Map.of("call", callId, "organisation", organisationId), Long.class).stream().findFirst();
    }

    Map<Long, String> answers(long applicationId) {
        Map<Long, String> answers = new LinkedHashMap<>();
        jdbc.query("SELECT field_id, answer FROM programme_answer WHERE application_id = :id", Map.of("id", applicationId),
                rs -> {
                    answers.put(rs.getLong(1), rs.getString(2));
                });
        return answers;
    }

    /** The stored form of a typed answer, or the message key of its problem; blank answers are stored as absent. */
    static Optional<String> problem(CallField field, String typed) {
        String value = Rows.strip(typed);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return switch (field.kind()) {
            case TEXT -> value.length() > 500 ? Optional.of("programmes.application.error.text") : Optional.empty();
            case LONG_TEXT -> value.length() > 10_000 ? Optional.of("programmes.application.error.longText") : Optional.empty();
            case NUMBER -> value.matches("\\d{1,12}([.,]\\d{1,4})?") ? Optional.empty()
                    : Optional.of("programmes.application.error.number");
            case AMOUNT -> Money.parseEuros(value).isPresent() ? Optional.empty()
                    : Optional.of("programmes.application.error.amount");
            case DATE -> {
                try {
                    LocalDate.parse(value);
                    yield Optional.empty();
                } catch (DateTimeParseException e) {
                    yield Optional.of("programmes.application.error.date");
                }
            }
            case CHOICE -> field.choices().contains(value) ? Optional.empty()
                    : Optional.of("programmes.application.error.choice");
            case FILE -> Optional.empty();
        };
    }

    static String stored(CallField field, String typed) {
        String value = Rows.strip(typed);
        return field.kind() == FieldKind.AMOUNT ? Long.toString(Money.parseEuros(value).orElseThrow()) : value;
    }

    /** What the form shows for a stored answer. */
    static String shown(CallField field, String stored) {
        if (stored == null) {
            return "";
        }
        return field.kind() == FieldKind.AMOUNT ? Money.typed(Long.parseLong(stored)) : stored;
    }

    /**
     * Saves the draft as it is: every valid answer is kept, the invalid ones are returned (field name to message key)
     * and left as they were stored.
     */
    @Transactional
    Map<String, String> save(AgoraUser user, long id, String title, String eligibleCost, Map<String, String> typed) {
        Application application = asMember(user, id);
        if (!application.editable()) {
            throw ProgrammeRefused.conflict("programmes.application.refused.notEditable");
        }
        Call call = calls.require(application.callId());
        Map<String, String> problems = new LinkedHashMap<>();
        String newTitle = Rows.strip(title);
        if (newTitle.isEmpty() || newTitle.length() > 200) {
            problems.put("title", "programmes.application.error.title");
            newTitle = application.title();
        }
        Long cost = application.eligibleCostCents();
        if (call.grants() && eligibleCost != null) {
            if (Rows.strip(eligibleCost).isEmpty()) {
                cost = null;
            } else {
                Optional<Long> parsed = Money.parseEuros(eligibleCost);
                if (parsed.isEmpty()) {
                    problems.put("eligibleCost", "programmes.application.error.amount");
                } else {
                    cost = parsed.get();
                }
            }
        }
        for (CallField field : calls.fields(call.id())) {
            if (field.file() || !typed.containsKey(field.name())) {
                continue;
            }
            Optional<String> problem = problem(field, typed.get(field.name()));
            if (problem.isPresent()) {
                problems.put(field.name(), problem.get());
                continue;
            }
            jdbc.update("DELETE FROM programme_answer WHERE application_id = :id AND field_id = :field",
                    Map.of("id", id, "field", field.id()));
            if (!Rows.strip(typed.get(field.name())).isEmpty()) {
                jdbc.update("INSERT INTO programme_answer (application_id, field_id, answer) VALUES (:id, :field, :value)",
                        Map.of("id", id, "field", field.id(), "value", stored(field, typed.get(field.name()))));
            }
        }
        jdbc.update("UPDATE programme_application SET title = :title, eligible_cost_cents = :cost, updated_at = :now "
                + "WHERE id = :id", new MapSqlParameterSource("id", id).addValue("title", newTitle)
                .addValue("cost", cost).addValue("now", Rows.timestamp(calls.now())));
        return problems;
    }

    /** What is still missing before submitting: field names (or document slots) to message keys. */
    Map<String, String> missing(Application application, Call call) {
        Map<String, String> missing = new LinkedHashMap<>();
        Map<Long, String> answers = answers(application.id());
        List<StoredFile> files = files(application.id());
        if (call.grants() && application.eligibleCostCents() == null) {
            missing.put("eligibleCost", "programmes.application.missing.cost");
        }
        for (CallField field : calls.fields(call.id())) {
            boolean given = field.file() ? files.stream().anyMatch(file -> file.slot().equals(field.name()))
                    : answers.containsKey(field.id());
            if (field.required() && !given) {
                missing.put(field.name(), "programmes.application.missing.field");
            }
        }
        for (int i = 0; i < call.requiredDocuments().size(); i++) {
            String slot = "doc-" + i;
            if (files.stream().noneMatch(file -> file.slot().equals(slot))) {
                missing.put(slot, "programmes.application.missing.document");
            }
        }
        return missing;
    }

    /**
     * Submits before the call closes, by the server's clock: a call closing at 12:00 in Paris closes at 12:00 Paris
     * time whatever the offset that day. Submitting twice (two tabs, two members at once) submits once.
     */
    @Transactional
    void submit(AgoraUser user, long id) {
        Application application = asMember(user, id);
        Call call = calls.require(application.callId());
        if (application.status() == ApplicationStatus.SUBMITTED) {
            return;
        }
        if (!application.editable()) {
            throw ProgrammeRefused.conflict("programmes.application.refused.notEditable");
        }
        Instant now = calls.now();
        boolean resubmission = application.status() == ApplicationStatus.COMPLETION_REQUESTED;
        if (!resubmission && call.closedAt(now)) {
            throw ProgrammeRefused.conflict("programmes.application.refused.deadline");
        }
        if (!missing(application, call).isEmpty()) {
            throw ProgrammeRefused.conflict("programmes.application.refused.incomplete");
        }
        int changed = jdbc.update("UPDATE programme_application SET status = 'SUBMITTED', submitted_at = :now, "
                + "updated_at = :now WHERE id = :id AND status IN ('DRAFT', 'COMPLETION_REQUESTED')",
                new MapSqlParameterSource("id", id).addValue("now", Rows.timestamp(now)));
        if (changed == 1) {
            mails.toMembers(application, call, "programme-received", resubmission
                    ? "programmes.application.mail.completed" : "programmes.application.mail.received", null, List.of());
        }
    }

    @Transactional
    void withdraw(AgoraUser user, long id) {
        Application application = asMember(user, id);
        if (application.status() == ApplicationStatus.WITHDRAWN) {
            return;
        }
        if (application.status() == ApplicationStatus.RETAINED || application.status() == ApplicationStatus.NOT_RETAINED) {
            throw ProgrammeRefused.conflict("programmes.application.refused.decided");
        }
        jdbc.update("UPDATE programme_application SET status = 'WITHDRAWN', updated_at = :now WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("now", Rows.timestamp(calls.now())));
    }

    /** Staff ask for a completion: the application goes back to its members, who resubmit it (after the deadline too). */
    @Transactional
    void askCompletion(AgoraUser staff, long id, String message) {
        Rows.requireStaff(staff);
        Application application = require(id);
        String text = Rows.strip(message);
        if (text.isEmpty() || text.length() > 4000) {
            throw ProgrammeRefused.invalid("programmes.application.error.message");
        }
        if (application.status() != ApplicationStatus.SUBMITTED) {
            throw ProgrammeRefused.conflict("programmes.application.refused.notSubmitted");
        }
        jdbc.update("UPDATE programme_application SET status = 'COMPLETION_REQUESTED', completion_request = :text, "
                + "updated_at = :now WHERE id = :id", new MapSqlParameterSource("id", id).addValue("text", text)
                .addValue("now", Rows.timestamp(calls.now())));
        insertMessage(id, staff.id().value(), true, text);
        mails.toMembers(application, calls.require(application.callId()), "programme-completion",
                "programmes.application.mail.completion", text, List.of());
    }

    // ----- Messages -------------------------------------------------------------------------------------------------

    List<Message> messages(long applicationId) {
        return jdbc.query("SELECT * FROM programme_message WHERE application_id = :id ORDER BY id",
                Map.of("id", applicationId), (rs, row) -> new Message(rs.getLong("id"), rs.getLong("author_id"),
                        rs.getBoolean("from_staff"), rs.getString("text"), Rows.instant(rs, "sent_at")));
    }

    /** A message of the thread; the other side is told by mail (members when staff write, the call's staff otherwise). */
    @Transactional
    void post(AgoraUser user, long id, String message) {
        Rows.requireSignedIn(user);
        Application application = require(id);
        boolean staff = Rows.isStaff(user);
        if (!staff && !isMember(user, application)) {
            throw ProgrammeRefused.notFound();
        }
        String text = Rows.strip(message);
        if (text.isEmpty() || text.length() > 4000) {
            throw ProgrammeRefused.invalid("programmes.application.error.message");
        }
        insertMessage(id, user.id().value(), staff, text);
        Call call = calls.require(application.callId());
        if (staff) {
            mails.toMembers(application, call, "programme-message", "programmes.application.mail.message", text, List.of());
        } else {
            Long creator = jdbc.queryForObject("SELECT created_by FROM programme_call WHERE id = :id",
                    Map.of("id", call.id()), Long.class);
            mails.toAccount(creator, application, call, "programme-message", "programmes.application.mail.message",
                    text, application.adminPath());
        }
    }

    private void insertMessage(long applicationId, long authorId, boolean staff, String text) {
        jdbc.update("INSERT INTO programme_message (application_id, author_id, from_staff, text, sent_at) VALUES (:id, "
                + ":author, :staff, :text, :now)", new MapSqlParameterSource("id", applicationId).addValue("author", authorId)
                .addValue("staff", staff).addValue("text", text).addValue("now", Rows.timestamp(calls.now())));
    }

    // ----- Files ----------------------------------------------------------------------------------------------------

    List<StoredFile> files(long applicationId) {
        return jdbc.query("SELECT id, slot, report_id, file_name, content_type, size_bytes FROM programme_file WHERE "
                + "application_id = :id ORDER BY id", Map.of("id", applicationId), (rs, row) -> new StoredFile(
                rs.getLong(1), rs.getString(2), Rows.nullableLong(rs, "report_id"), rs.getString(4), rs.getString(5),
                rs.getInt(6)));
    }

    Optional<FileContent> file(long applicationId, long fileId) {
        return jdbc.query("SELECT file_name, content_type, data FROM programme_file WHERE id = :id AND application_id = "
                + ":application", Map.of("id", fileId, "application", applicationId), (rs, row) -> new FileContent(
                rs.getString(1), rs.getString(2), rs.getBytes(3))).stream().findFirst();
    }

    /** PDF, PNG, JPEG, WebP or OpenDocument text, recognised from the first bytes. */
    static Optional<String> contentType(byte[] bytes) {
        Optional<FileFormat> format = FileFormat.detect(bytes);
        if (format.isPresent()) {
            return Optional.of(format.get().mediaType());
        }
        byte[] signature = ("mimetype" + ODT).getBytes(StandardCharsets.US_ASCII);
        if (bytes.length >= 30 + signature.length && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4
                && Arrays.equals(bytes, 30, 30 + signature.length, signature, 0, signature.length)) {
            return Optional.of(ODT);
        }
        return Optional.empty();
    }

    static String safeName(String fileName, String contentType) {
        String extension = switch (contentType) {
            case ODT -> "odt";
            case "application/pdf" -> "pdf";
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            default -> "webp";
        };
        String base = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        base = (dot > 0 ? base.substring(0, dot) : base).replaceAll("[^\\p{L}\\p{N} ._-]", "_").strip();
        if (base.isEmpty()) {
            base = "piece";
        }
        return (base.length() > 150 ? base.substring(0, 150) : base) + "." + extension;
    }

    /** The message key of the problem of an upload, if any. */
    static Optional<String> uploadProblem(Upload upload) {
        if (upload == null || upload.bytes().length == 0) {
            return Optional.of("programmes.application.file.missing");
        }
        if (upload.bytes().length > MAX_BYTES) {
            return Optional.of("programmes.application.file.size");
        }
        return contentType(upload.bytes()).isEmpty() ? Optional.of("programmes.application.file.type") : Optional.empty();
    }

    /** Attaches a file to a slot of the form ({@code field-<id>} or {@code doc-<n>}); the problem's key when refused. */
    @Transactional
    Optional<String> attach(AgoraUser user, long id, String slot, Upload upload) {
        Application application = asMember(user, id);
        if (!application.editable()) {
            throw ProgrammeRefused.conflict("programmes.application.refused.notEditable");
        }
        Call call = calls.require(application.callId());
        boolean known = calls.fields(call.id()).stream().anyMatch(field -> field.file() && field.name().equals(slot))
                || (slot != null && slot.matches("doc-\\d{1,2}")
                && Integer.parseInt(slot.substring(4)) < call.requiredDocuments().size());
        if (!known) {
            return Optional.of("programmes.application.file.slot");
        }
        return store(user, id, slot, null, upload);
    }

    Optional<String> store(AgoraUser user, long id, String slot, Long reportId, Upload upload) {
        Optional<String> problem = uploadProblem(upload);
        if (problem.isPresent()) {
            return problem;
        }
        if (files(id).size() >= MAX_FILES) {
            return Optional.of("programmes.application.file.count");
        }
        String type = contentType(upload.bytes()).orElseThrow();
        jdbc.update("INSERT INTO programme_file (application_id, slot, report_id, content_type, file_name, size_bytes, "
                + "data, added_by, added_at) VALUES (:id, :slot, :report, :type, :name, :size, :data, :by, :now)",
                new MapSqlParameterSource("id", id).addValue("slot", slot).addValue("report", reportId)
                        .addValue("type", type).addValue("name", safeName(upload.fileName(), type))
                        .addValue("size", upload.bytes().length).addValue("data", upload.bytes())
                        .addValue("by", user.id().value()).addValue("now", Rows.timestamp(calls.now())));
        return Optional.empty();
    }

    @Transactional
    void removeFile(AgoraUser user, long id, long fileId) {
        Application application = asMember(user, id);
        if (!application.editable()) {
            throw ProgrammeRefused.conflict("programmes.application.refused.notEditable");
        }
        jdbc.update("DELETE FROM programme_file WHERE id = :file AND application_id = :id AND report_id IS NULL",
                Map.of("file", fileId, "id", id));
    }
}
