package org.agora.proposals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.validation.Validator;

import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessFeature;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.agora.shared.Clocks;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Staff import contributions from a CSV file into a process (docs/imports.md, decision 0029): the file is uploaded
 * and kept in the database, its columns are mapped to fields, a dry run checks every row and reports every problem
 * with its line and column, then a commit checks again and stores everything in one transaction, or nothing. Each
 * proposal is published at once, without an author account, and keeps its provenance (batch, line, external id,
 * original date, author as the source named them, address of the original).
 */
@Service
@Transactional
class ContributionImports {

    static final int MAX_ROWS = 50_000;
    static final int MAX_BYTES = 20 * 1024 * 1024;
    static final int SAMPLE_ROWS = 5;
    static final Duration UPLOAD_KEPT = Duration.ofDays(1);
    private static final int INSERT_BATCH = 500;
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+", Pattern.CASE_INSENSITIVE);

    /** A file uploaded for import and not yet imported; {@code mapping} and {@code sourceName} are set by a dry run. */
    record Upload(long id, long processId, long uploadedBy, Instant uploadedAt, String fileName, String sha256,
                  long bytes, String sourceName, String mapping, boolean authorLabelPublic) {
    }

    /** The header and first rows of a file, or the key of why it cannot be read. */
    record Sample(List<String> headers, List<List<String>> rows, String problemKey) {
    }

    /** A problem of the file: its line (header = 1), the column as named in the file (or null), a message and its arguments. */
    record Problem(int line, String column, String key, List<Object> args) {

        Problem(int line, String column, String key) {
            this(line, column, key, List.of());
        }
    }

    /** What a dry run found: the proposals that would be created, every problem, earlier imports of the same file. */
    record Report(int rows, List<Problem> problems, List<Batch> sameFile) {

        boolean valid() {
            return problems.isEmpty() && rows > 0;
        }
    }

    /** An import done: who (account id) and when, from which source and file, and how many proposals it created. */
    record Batch(long id, String sourceName, String fileName, String sha256, long importedBy, Instant importedAt,
                 int rowCount) {
    }

    /** The mapping staff kept for a process. */
    record SavedMapping(Map<String, ContributionImportMapping.Field> byHeader, String sourceName, boolean authorLabelPublic) {
    }

    /** A refusal with the message key to show. */
    static class Refused extends RuntimeException {

        private final String key;

        Refused(String key) {
            super(key, null, false, false);
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    /** The file broke a rule at commit: nothing was stored. */
    static class InvalidImport extends RuntimeException {

        private final List<Problem> problems;

        InvalidImport(List<Problem> problems) {
            super("Invalid import", null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }

    /** One row as it will be stored. */
    private record Item(int line, String title, String body, long territoryId, String theme, LocalDate originalDate,
                        String externalId, String authorLabel, String sourceUrl) {
    }

    private final JdbcTemplate jdbc;
    private final ProcessRules processes;
    private final ProposalManagement management;
    private final PaperContributions paper;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContributionImports(JdbcTemplate jdbc, ProcessRules processes, ProposalManagement management,
                        PaperContributions paper, Validator validator, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.management = management;
        this.paper = paper;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    // ---- Who and where -----------------------------------------------------------------------------------------------

    /** Staff of the process (or an administrator) only; the process must take proposals. */
    @Transactional(readOnly = true)
    ProcessSettings importable(String slug, AgoraUser user) {
        ProcessSettings process = management.publicProcess(slug);
        if (user == null || !processes.managedBy(user, process.id())) {
            throw new AccessDeniedException("Not staff of " + slug);
        }
        return process;
    }

    static boolean receives(ProcessSettings process) {
        return process.uses(ProcessFeature.PROPOSALS);
    }

    // ---- Upload ----------------------------------------------------------------------------------------------------

    /** Keeps the file for the next steps (reading at most one byte past the limit) and returns its upload id. */
    long upload(ProcessSettings process, AgoraUser user, String fileName, InputStream in) throws IOException {
        jdbc.update("DELETE FROM contribution_import_upload WHERE uploaded_at < ?",
                Timestamp.from(clock.instant().minus(UPLOAD_KEPT)));
        byte[] data = in.readNBytes(MAX_BYTES + 1);
        if (data.length > MAX_BYTES) {
            throw new Refused("proposals.import.file.tooLarge");
        }
        if (data.length == 0) {
            throw new Refused("proposals.import.file.missing");
        }
        String name = fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        Map<String, Object> row = new HashMap<>();
        row.put("process_id", process.id().value());
        row.put("uploaded_by", user.id().value());
        row.put("uploaded_at", Timestamp.from(clock.instant()));
        row.put("file_name", name);
        row.put("file_sha256", sha256(data));
        row.put("byte_count", (long) data.length);
        row.put("data", data);
        row.put("author_label_public", false);
        return insert("contribution_import_upload", row);
    }

    /** An upload of this process by this person, or 404: an upload is seen only by whom made it. */
    @Transactional(readOnly = true)
    Upload upload(ProcessSettings process, AgoraUser user, long uploadId) {
        return jdbc.query("SELECT id, process_id, uploaded_by, uploaded_at, file_name, file_sha256, byte_count, source_name, "
                                + "mapping, author_label_public FROM contribution_import_upload WHERE id = ? AND process_id = ? "
                                + "AND uploaded_by = ?",
                        (rs, index) -> new Upload(rs.getLong("id"), rs.getLong("process_id"), rs.getLong("uploaded_by"),
                                rs.getTimestamp("uploaded_at").toInstant(), rs.getString("file_name"),
                                rs.getString("file_sha256"), rs.getLong("byte_count"), rs.getString("source_name"),
                                rs.getString("mapping"), rs.getBoolean("author_label_public")),
                        uploadId, process.id().value(), user.id().value())
                .stream().findFirst().orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private byte[] data(Upload upload) {
        return jdbc.queryForObject("SELECT data FROM contribution_import_upload WHERE id = ?",
                (rs, index) -> rs.getBytes(1), upload.id());
    }

    // ---- Mapping ---------------------------------------------------------------------------------------------------

    /** The header and the first rows, to map the columns. */
    @Transactional(readOnly = true)
    Sample sample(Upload upload) {
        List<String> headers = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        String problem = read(data(upload), (header, line, record) -> {
            if (headers.isEmpty()) {
                headers.addAll(header);
            }
            if (record != null) {
                rows.add(record.toList());
            }
            return rows.size() < SAMPLE_ROWS;
        });
        return new Sample(headers, rows, problem);
    }

    /** The mapping to offer: what was kept for this process, completed by suggestions from the header's names. */
    @Transactional(readOnly = true)
    ContributionImportMapping suggestion(Upload upload, List<String> headers) {
        if (upload.mapping() != null) {
            return ContributionImportMapping.suggest(headers, ContributionImportMapping.parse(upload.mapping()));
        }
        return ContributionImportMapping.suggest(headers, saved(upload.processId()).map(SavedMapping::byHeader).orElse(Map.of()));
    }

    @Transactional(readOnly = true)
    Optional<SavedMapping> saved(long processId) {
        return jdbc.query("SELECT mapping, source_name, author_label_public FROM contribution_import_mapping WHERE process_id = ?",
                (rs, index) -> new SavedMapping(ContributionImportMapping.parse(rs.getString("mapping")),
                        rs.getString("source_name"), rs.getBoolean("author_label_public")), processId).stream().findFirst();
    }

    // ---- Dry run and commit ----------------------------------------------------------------------------------------

    /**
     * Checks every row with this mapping without storing any proposal, and remembers the mapping, source name and
     * choice about authors on the upload for the commit (and, if asked, for the process's next files).
     */
    Report dryRun(ProcessSettings process, AgoraUser user, Upload upload, List<String> headers,
                  ContributionImportMapping mapping, String sourceName, boolean authorLabelPublic, boolean keepMapping) {
        String mappingText = mapping.serialize(headers);
        jdbc.update("UPDATE contribution_import_upload SET source_name = ?, mapping = ?, author_label_public = ? WHERE id = ?",
                sourceName, mappingText, authorLabelPublic, upload.id());
        if (keepMapping) {
            if (jdbc.update("UPDATE contribution_import_mapping SET mapping = ?, source_name = ?, author_label_public = ?, "
                            + "saved_by = ?, saved_at = ? WHERE process_id = ?", mappingText, sourceName, authorLabelPublic,
                    user.id().value(), Timestamp.from(clock.instant()), process.id().value()) == 0) {
                jdbc.update("INSERT INTO contribution_import_mapping (process_id, mapping, source_name, author_label_public, "
                                + "saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?)", process.id().value(), mappingText,
                        sourceName, authorLabelPublic, user.id().value(), Timestamp.from(clock.instant()));
            }
        }
        Checked checked = check(process, data(upload), mapping, null);
        return new Report(checked.rows, checked.problems, sameFile(process, upload.sha256()));
    }

    /**
     * Checks the file again with the mapping of its dry run and stores every proposal, or none: throws
     * {@link InvalidImport} with every problem. A concurrent import of the same external ids fails on the database's
     * unique constraint and stores nothing either.
     */
    Batch commit(ProcessSettings process, AgoraUser user, Upload upload) {
        if (upload.mapping() == null || upload.sourceName() == null) {
            throw new Refused("proposals.import.checkFirst");
        }
        if (!receives(process)) {
            throw new Refused("proposals.import.refused");
        }
        byte[] data = data(upload);
        List<String> headers = sample(upload).headers();
        ContributionImportMapping mapping = ContributionImportMapping.suggest(headers,
                ContributionImportMapping.parse(upload.mapping()));
        Checked checked = check(process, data, mapping, null);
        if (!checked.problems.isEmpty() || checked.rows == 0) {
            throw new InvalidImport(checked.problems.isEmpty() ? List.of(new Problem(2, null, "proposals.import.noRows"))
                    : checked.problems);
        }
        Instant now = clock.instant();
        Map<String, Object> batchRow = new HashMap<>();
        batchRow.put("process_id", process.id().value());
        batchRow.put("source_name", upload.sourceName());
        batchRow.put("file_name", upload.fileName());
        batchRow.put("file_sha256", upload.sha256());
        batchRow.put("imported_by", user.id().value());
        batchRow.put("imported_at", Timestamp.from(now));
        batchRow.put("row_count", checked.rows);
        long batchId = insert("contribution_import", batchRow);
        List<String> references = management.nextReferences(checked.rows);
        List<Object[]> pending = new ArrayList<>();
        int[] stored = {0};
        Timestamp at = Timestamp.from(now);
        Consumer<Item> store = item -> {
            pending.add(new Object[] {process.id().value(), user.id().value(), references.get(stored[0]++), item.title(),
                    item.body(), item.territoryId(), item.theme(), at, at, at, batchId, item.line(), item.externalId(),
                    item.originalDate() == null ? null : java.sql.Date.valueOf(item.originalDate()), item.authorLabel(),
                    upload.authorLabelPublic() && item.authorLabel() != null, item.sourceUrl()});
            if (pending.size() == INSERT_BATCH) {
                insert(pending);
            }
        };
        Checked again = check(process, data, mapping, store);
        insert(pending);
        if (!again.problems.isEmpty() || stored[0] != checked.rows) {
            throw new IllegalStateException("The file read differently twice");
        }
        jdbc.update("DELETE FROM contribution_import_upload WHERE id = ?", upload.id());
        events.publishEvent(new ContributionImportCommitted(new ContributionImportId(batchId), process.id(), checked.rows));
        return new Batch(batchId, upload.sourceName(), upload.fileName(), upload.sha256(), user.id().value(), now, checked.rows);
    }

    private void insert(List<Object[]> pending) {
        if (pending.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO proposal (process_id, author_id, status, reference, title, body, territory_id, theme, "
                + "created_at, published_at, recorded_at, provenance, import_batch_id, import_line, external_id, "
                + "original_date, author_label, author_label_public, source_url, version) "
                + "VALUES (?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?, ?, ?, 'IMPORTED', ?, ?, ?, ?, ?, ?, ?, 0)", pending);
        pending.clear();
    }

    /** Every problem of the file with the mapping of its last dry run (for the downloadable list). */
    @Transactional(readOnly = true)
    List<Problem> recheck(ProcessSettings process, Upload upload) {
        if (upload.mapping() == null) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        List<String> headers = sample(upload).headers();
        return check(process, data(upload), ContributionImportMapping.suggest(headers,
                ContributionImportMapping.parse(upload.mapping())), null).problems;
    }

    /** The imports of this process, latest first. */
    @Transactional(readOnly = true)
    List<Batch> batches(ProcessSettings process) {
        return jdbc.query("SELECT id, source_name, file_name, file_sha256, imported_by, imported_at, row_count "
                + "FROM contribution_import WHERE process_id = ? ORDER BY imported_at DESC, id DESC", this::batch, process.id().value());
    }

    private List<Batch> sameFile(ProcessSettings process, String sha256) {
        return jdbc.query("SELECT id, source_name, file_name, file_sha256, imported_by, imported_at, row_count "
                + "FROM contribution_import WHERE process_id = ? AND file_sha256 = ? ORDER BY imported_at", this::batch,
                process.id().value(), sha256);
    }

    private Batch batch(java.sql.ResultSet rs, int index) throws java.sql.SQLException {
        return new Batch(rs.getLong("id"), rs.getString("source_name"), rs.getString("file_name"),
                rs.getString("file_sha256"), rs.getLong("imported_by"), rs.getTimestamp("imported_at").toInstant(),
                rs.getInt("row_count"));
    }

    // ---- Reading and checking --------------------------------------------------------------------------------------

    /** Receives the header, then each non-blank row with its line (header = 1); returns false to stop. */
    private interface RowReader {
        boolean row(List<String> header, int line, CSVRecord record);
    }

    /** Reads the file as a stream; returns the key of a problem of the file as a whole, or null. */
    private static String read(byte[] data, RowReader reader) {
        List<String> header = null;
        try (CSVParser parser = ContributionImportCsv.open(new ByteArrayInputStream(data))) {
            for (CSVRecord record : parser) {
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = record.stream().map(String::strip).toList();
                    if (!reader.row(header, 1, null)) {
                        return null;
                    }
                    continue;
                }
                if (!reader.row(header, (int) record.getRecordNumber(), record)) {
                    return null;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return ContributionImportCsv.notUtf8(unreadable) ? "proposals.import.file.encoding" : "proposals.import.file.malformed";
        }
        return header == null ? "proposals.import.file.empty" : null;
    }

    private record Checked(int rows, List<Problem> problems) {
    }

    /**
     * Checks every row; hands each valid row to {@code store} (when given) as long as no problem was found. Territory
     * and scope answers are cached by the text typed, so a large file asks the database once per distinct value.
     */
    private Checked check(ProcessSettings process, byte[] data, ContributionImportMapping mapping, Consumer<Item> store) {
        List<Problem> problems = new ArrayList<>();
        Set<String> imported = new HashSet<>(jdbc.queryForList(
                "SELECT external_id FROM proposal WHERE process_id = ? AND external_id IS NOT NULL", String.class,
                process.id().value()));
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Optional<Long>> territories = new HashMap<>();
        Map<String, List<ProposalProblem>> scopes = new HashMap<>();
        int[] rows = {0};
        List<Problem> mappingProblems = mapping.problems().stream().map(problem -> new Problem(1, null,
                problem.key(), List.of(problem.field().param()))).toList();
        if (!mappingProblems.isEmpty()) {
            return new Checked(0, mappingProblems);
        }
        String fileProblem = read(data, (header, line, record) -> {
            if (record == null) {
                return true;
            }
            if (rows[0] == MAX_ROWS) {
                problems.add(new Problem(line, null, "proposals.import.file.tooManyRows", List.of(MAX_ROWS)));
                return false;
            }
            rows[0]++;
            Map<ContributionImportMapping.Field, String> values = new HashMap<>();
            Map<ContributionImportMapping.Field, String> columns = new HashMap<>();
            for (ContributionImportMapping.Field field : ContributionImportMapping.Field.values()) {
                mapping.columnOf(field).ifPresent(index -> {
                    values.put(field, index < record.size() ? record.get(index).strip() : "");
                    columns.put(field, index < header.size() ? header.get(index) : "#" + (index + 1));
                });
            }
            int before = problems.size();
            Item item = checkRow(process, line, values, columns, problems, imported, seen, territories, scopes);
            if (store != null && item != null && problems.size() == before && problems.isEmpty()) {
                store.accept(item);
            }
            return true;
        });
        if (fileProblem != null) {
            problems.add(0, new Problem(fileProblem.endsWith("empty") ? 1 : rows[0] + 2, null, fileProblem));
        } else if (rows[0] == 0 && problems.isEmpty()) {
            problems.add(new Problem(2, null, "proposals.import.noRows"));
        }
        return new Checked(rows[0], problems);
    }

    private Item checkRow(ProcessSettings process, int line, Map<ContributionImportMapping.Field, String> values,
                          Map<ContributionImportMapping.Field, String> columns, List<Problem> problems,
                          Set<String> imported, Map<String, Integer> seen, Map<String, Optional<Long>> territories,
                          Map<String, List<ProposalProblem>> scopes) {
        int before = problems.size();
        String territoryText = values.getOrDefault(ContributionImportMapping.Field.TERRITORY, "");
        Long territoryId = process.territoryId();
        if (!territoryText.isEmpty()) {
            territoryId = territories.computeIfAbsent(territoryText, text -> paper.territoryNamed(process, text)).orElse(null);
            if (territoryId == null) {
                problems.add(new Problem(line, columns.get(ContributionImportMapping.Field.TERRITORY),
                        "proposals.import.territory.unknown", List.of(territoryText)));
            }
        }
        String theme = values.getOrDefault(ContributionImportMapping.Field.THEME, "");
        ProposalForm form = new ProposalForm(values.get(ContributionImportMapping.Field.TITLE),
                values.get(ContributionImportMapping.Field.BODY), Long.toString(territoryId == null ? process.territoryId() : territoryId), theme);
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        validator.validate(form).stream()
                .sorted(java.util.Comparator.comparing(violation -> violation.getConstraintDescriptor().getAnnotation()
                        instanceof jakarta.validation.constraints.NotBlank ? 0 : 1))
                .forEach(violation -> byField.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage()));
        if (territoryId != null && !byField.containsKey("theme")) {
            scopes.computeIfAbsent(territoryId + "\n" + form.theme(), key -> management.scopeProblems(process, form))
                    .forEach(problem -> byField.putIfAbsent(problem.field(), problem.key()));
        }
        byField.forEach((field, key) -> problems.add(new Problem(line, columns.get(switch (field) {
            case "title" -> ContributionImportMapping.Field.TITLE;
            case "body" -> ContributionImportMapping.Field.BODY;
            case "theme" -> ContributionImportMapping.Field.THEME;
            default -> ContributionImportMapping.Field.TERRITORY;
        }), key)));
        LocalDate originalDate = null;
        String dateText = values.getOrDefault(ContributionImportMapping.Field.ORIGINAL_DATE, "");
        if (!dateText.isEmpty()) {
            originalDate = parseDate(dateText).orElse(null);
            String column = columns.get(ContributionImportMapping.Field.ORIGINAL_DATE);
            if (originalDate == null) {
                problems.add(new Problem(line, column, "proposals.import.date.invalid", List.of(dateText)));
            } else if (originalDate.isAfter(LocalDate.now(clock.withZone(Clocks.PARIS)))) {
                problems.add(new Problem(line, column, "proposals.import.date.future", List.of(dateText)));
            }
        }
        String externalId = values.getOrDefault(ContributionImportMapping.Field.EXTERNAL_ID, "");
        if (!externalId.isEmpty()) {
            String column = columns.get(ContributionImportMapping.Field.EXTERNAL_ID);
            Integer firstLine = seen.putIfAbsent(externalId, line);
            if (externalId.length() > 200) {
                problems.add(new Problem(line, column, "proposals.import.externalId.length"));
            } else if (firstLine != null) {
                problems.add(new Problem(line, column, "proposals.import.externalId.twice", List.of(externalId, firstLine)));
            } else if (imported.contains(externalId)) {
                problems.add(new Problem(line, column, "proposals.import.externalId.imported", List.of(externalId)));
            }
        }
        String author = values.getOrDefault(ContributionImportMapping.Field.AUTHOR_LABEL, "");
        if (author.length() > 200) {
            problems.add(new Problem(line, columns.get(ContributionImportMapping.Field.AUTHOR_LABEL), "proposals.import.author.length"));
        }
        String url = values.getOrDefault(ContributionImportMapping.Field.SOURCE_URL, "");
        if (!url.isEmpty() && (url.length() > 500 || !URL.matcher(url).matches())) {
            problems.add(new Problem(line, columns.get(ContributionImportMapping.Field.SOURCE_URL), "proposals.import.url.invalid"));
        }
        if (problems.size() != before) {
            return null;
        }
        return new Item(line, form.title(), form.body(), territoryId, form.theme().isEmpty() ? null : form.theme(),
                originalDate, externalId.isEmpty() ? null : externalId, author.isEmpty() ? null : author,
                url.isEmpty() ? null : url);
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"));
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]"), DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    /**
     * A date as sources write it: ISO (2025-03-12), French (12/03/2025, 12.03.2025, 12-03-2025), with a time
     * (2025-03-12 14:22:01, 12/03/2025 14:22), with an offset or UTC (2025-03-12T14:22:01Z, 2025-03-12 14:22:01 UTC,
     * Decidim's exports); an instant is taken as the date it was in Paris.
     */
    static Optional<LocalDate> parseDate(String text) {
        String value = text.strip();
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException notIso) {
            // next format
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(value, format));
            } catch (DateTimeParseException notThis) {
                // next format
            }
        }
        String utc = value.replaceFirst("(?i)\\s*UTC$", "Z").replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
        try {
            return Optional.of(OffsetDateTime.parse(utc).atZoneSameInstant(Clocks.PARIS).toLocalDate());
        } catch (DateTimeParseException notOffset) {
            // next format
        }
        try {
            return Optional.of(OffsetDateTime.parse(utc, DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss] xx"))
                    .atZoneSameInstant(Clocks.PARIS).toLocalDate());
        } catch (DateTimeParseException notOffset) {
            // next format
        }
        try {
            return Optional.of(ZonedDateTime.parse(utc).withZoneSameInstant(Clocks.PARIS).toLocalDate());
        } catch (DateTimeParseException notZoned) {
            // next format
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(value, format).toLocalDate());
            } catch (DateTimeParseException notThis) {
                // next format
            }
        }
        return Optional.empty();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Inserts one row and returns its generated id (no table meta-data lookup: the same on every database and schema). */
    private long insert(String table, Map<String, Object> row) {
        List<String> columns = List.copyOf(row.keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"});
            for (int index = 0; index < columns.size(); index++) {
                statement.setObject(index + 1, row.get(columns.get(index)));
            }
            return statement;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }
}
