package org.agora.proposals;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.agora.accounts.AccountId;
import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessId;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Staff of a process merge a duplicate proposal into a kept one (docs/decisions/0011). Both rows are locked in id
 * order before their state is read, so that two opposite merges, or a merge and a support, are serialised: the second
 * sees the first's result. The duplicate's supports move to the kept proposal by insert-if-absent, so that the unique
 * constraint on (proposal, supporter) keeps counting each person once; the counts are then set to the rows stored.
 */
@Service
@Transactional
class ProposalMerging {

    static final int NOTE_MAX = 1000;
    static final int MAX_MERGED = 20;
    private static final Pattern REFERENCE = Pattern.compile("\\d{4}-\\d{6}");

    /**
     * What staff type: the references of one or more duplicates (separated by spaces or commas), the kept proposal's
     * reference, and an optional public note.
     */
    record MergeForm(String merged, String kept, String note) {

        MergeForm {
            merged = merged == null ? "" : merged.strip();
            kept = kept == null ? "" : kept.strip();
            note = note == null || note.isBlank() ? null : note.strip();
        }

        List<String> mergedReferences() {
            return merged.isEmpty() ? List.of() : List.of(merged.split("[\\s,;]+")).stream().distinct().toList();
        }
    }

    /**
     * What staff confirm: the proposals, their counts, and how many supports are given twice by the same person (they
     * count once after the merge).
     */
    record Preview(List<Candidate> merged, Candidate kept, int supportsAfter) {

        public int overlap() {
            return merged.stream().mapToInt(Candidate::supportsCount).sum() + kept.supportsCount() - supportsAfter;
        }
    }

    record Candidate(long id, String reference, String title, ProposalStatus status, boolean hidden, long authorId,
                     int supportsCount) {
    }

    private final ProcessRules processes;
    private final ProposalSupports supports;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProposalMerging(ProcessRules processes, ProposalSupports supports, JdbcTemplate jdbc,
                    ApplicationEventPublisher events, Clock clock) {
        this.processes = processes;
        this.supports = supports;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The process this person runs as staff; 404 for an unknown or non-public process, 403 for anyone else. */
    @Transactional(readOnly = true)
    ProcessSettings managedProcess(AgoraUser user, long processId) {
        ProcessSettings process = processes.byId(new ProcessId(processId))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (!processes.managedBy(user, process.id())) {
            throw new AccessDeniedException("Not staff of this process");
        }
        return process;
    }

    @Transactional(readOnly = true)
    Preview preview(AgoraUser user, long processId, MergeForm form) {
        ProcessSettings process = managedProcess(user, processId);
        List<Long> ids = ids(process, form);
        return checked(ids);
    }

    /** Merges each duplicate into the kept proposal, in one transaction; returns the kept proposal's reference. */
    String merge(AgoraUser user, long processId, MergeForm form) {
        ProcessSettings process = managedProcess(user, processId);
        List<Long> ids = ids(process, form);
        ids.stream().sorted().forEach(this::lock);
        Preview preview = checked(ids);
        long keptId = preview.kept().id();
        for (Candidate duplicate : preview.merged()) {
            long mergedId = duplicate.id();
            jdbc.update("UPDATE proposal_supporter SET supports = supports - 1 WHERE process_id = ? AND account_id IN ("
                    + "SELECT duplicate.account_id FROM proposal_support duplicate JOIN proposal_support kept "
                    + "ON kept.account_id = duplicate.account_id WHERE duplicate.proposal_id = ? AND kept.proposal_id = ?)",
                    processId, mergedId, keptId);
            jdbc.update("INSERT INTO proposal_support (proposal_id, account_id, process_id, created_at) "
                    + "SELECT ?, duplicate.account_id, duplicate.process_id, duplicate.created_at FROM proposal_support duplicate "
                    + "WHERE duplicate.proposal_id = ? AND NOT EXISTS (SELECT 1 FROM proposal_support kept "
                    + "WHERE kept.proposal_id = ? AND kept.account_id = duplicate.account_id)", keptId, mergedId, keptId);
            jdbc.update("DELETE FROM proposal_support WHERE proposal_id = ?", mergedId);
            jdbc.update("UPDATE proposal SET status = 'MERGED', merged_into = ?, merged_at = ?, merge_note = ?, "
                    + "supports_count = 0, version = version + 1 WHERE id = ?",
                    keptId, Timestamp.from(clock.instant()), form.note(), mergedId);
            // What was merged into the duplicate now points to the kept proposal: one hop, never a chain.
            jdbc.update("UPDATE proposal SET merged_into = ? WHERE merged_into = ?", keptId, mergedId);
        }
        jdbc.update("UPDATE proposal SET supports_count = (SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?) "
                + "WHERE id = ?", keptId, keptId);
        supports.markThreshold(keptId, process);
        for (Candidate duplicate : preview.merged()) {
            events.publishEvent(new ProposalMerged(new ProposalId(duplicate.id()), new ProposalId(keptId), process.id(),
                    new AccountId(duplicate.authorId()), new AccountId(preview.kept().authorId())));
        }
        return preview.kept().reference();
    }

    /** The proposals merged into this one, for its page: reference, title and the staff's note. */
    @Transactional(readOnly = true)
    List<MergedProposal> mergedInto(long keptId) {
        return jdbc.query("SELECT reference, title, merge_note FROM proposal WHERE merged_into = ? ORDER BY reference",
                (row, index) -> new MergedProposal(row.getString(1), row.getString(2), row.getString(3)), keptId);
    }

    record MergedProposal(String reference, String title, String note) {
    }

    /** The ids of the duplicates then, last, of the kept proposal; or the field problems (400). */
    private List<Long> ids(ProcessSettings process, MergeForm form) {
        List<ProposalProblem> problems = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        if (form.mergedReferences().isEmpty()) {
            problems.add(new ProposalProblem("merged", "proposals.merge.merged.missing"));
        }
        if (form.mergedReferences().size() > MAX_MERGED) {
            problems.add(new ProposalProblem("merged", "proposals.merge.merged.tooMany"));
        }
        for (String reference : form.mergedReferences()) {
            id(process, reference, "merged", problems).ifPresent(ids::add);
        }
        Optional<Long> kept = id(process, form.kept(), "kept", problems);
        if (problems.isEmpty() && ids.contains(kept.orElseThrow())) {
            problems.add(new ProposalProblem("kept", "proposals.merge.kept.same"));
        }
        if (form.note() != null && form.note().length() > NOTE_MAX) {
            problems.add(new ProposalProblem("note", "proposals.merge.note.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProposal(problems);
        }
        ids.add(kept.orElseThrow());
        return ids;
    }

    private Optional<Long> id(ProcessSettings process, String reference, String field, List<ProposalProblem> problems) {
        if (reference.isEmpty() && field.equals("kept")) {
            problems.add(new ProposalProblem(field, "proposals.merge." + field + ".missing"));
            return Optional.empty();
        }
        if (!REFERENCE.matcher(reference).matches()) {
            problems.add(new ProposalProblem(field, "proposals.merge.reference.invalid"));
            return Optional.empty();
        }
        Optional<Long> id = jdbc.queryForList("SELECT id FROM proposal WHERE reference = ? AND process_id = ?",
                Long.class, reference, process.id().value()).stream().findFirst();
        if (id.isEmpty()) {
            problems.add(new ProposalProblem(field, "proposals.merge.reference.unknown"));
        }
        return id;
    }

    private void lock(long id) {
        jdbc.queryForList("SELECT id FROM proposal WHERE id = ? FOR UPDATE", Long.class, id);
    }

    private Candidate candidate(long id) {
        return jdbc.queryForObject("SELECT id, reference, title, status, hidden_reason, author_id, supports_count "
                + "FROM proposal WHERE id = ?", (row, index) -> new Candidate(row.getLong(1), row.getString(2),
                row.getString(3), ProposalStatus.valueOf(row.getString(4)), row.getString(5) != null, row.getLong(6),
                row.getInt(7)), id);
    }

    /** All must be published and visible; otherwise a clear refusal, naming which one is not. */
    private Preview checked(List<Long> ids) {
        List<Candidate> merged = ids.subList(0, ids.size() - 1).stream().map(this::candidate).toList();
        Candidate kept = candidate(ids.getLast());
        merged.forEach(candidate -> refuseUnlessMergeable(candidate, "merged"));
        refuseUnlessMergeable(kept, "kept");
        Integer after = jdbc.queryForObject("SELECT COUNT(DISTINCT account_id) FROM proposal_support WHERE proposal_id IN ("
                + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")", Integer.class, ids.toArray());
        return new Preview(merged, kept, after == null ? 0 : after);
    }

    private static void refuseUnlessMergeable(Candidate candidate, String role) {
        String state = switch (candidate.status()) {
            case PUBLISHED -> candidate.hidden() ? "hidden" : null;
            case WITHDRAWN -> "withdrawn";
            case MERGED -> "merged";
            case DRAFT -> throw new IllegalStateException("A draft has no reference");
        };
        if (state != null) {
            throw new ProposalRefused("proposals.merge.refused." + role + "." + state);
        }
    }
}
