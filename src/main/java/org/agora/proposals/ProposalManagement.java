package org.agora.proposals;

import org.agora.shared.FileFormat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.agora.accounts.AgoraUser;
import org.agora.moderation.ParticipantBlocks;
import org.agora.processes.ProcessId;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** What authors do with their proposals: draft, preview, publish, edit within the window, withdraw. */
@Service
@Transactional
class ProposalManagement {

    private final Proposals proposals;
    private final ProposalAttachments attachments;
    private final ProcessRules processes;
    private final TerritoryDirectory territories;
    private final ParticipantBlocks blocks;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration editWindow;

    ProposalManagement(Proposals proposals, ProposalAttachments attachments, ProcessRules processes,
                       TerritoryDirectory territories, ParticipantBlocks blocks, JdbcTemplate jdbc,
                       ApplicationEventPublisher events, Clock clock,
                       @Value("${agora.proposals.edit-window:PT15M}") Duration editWindow) {
        this.proposals = proposals;
        this.attachments = attachments;
        this.processes = processes;
        this.territories = territories;
        this.blocks = blocks;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.editWindow = editWindow;
    }

    boolean editableNow(Proposal proposal) {
        return proposal.editableAt(clock.instant(), editWindow);
    }

    /** A participant blocked by moderation may read but not write. */
    void requireMayWrite(AgoraUser author) {
        if (blocks.isBlocked(author.id())) {
            throw new ProposalRefused("proposals.refused.blocked");
        }
    }

    /** Checks the form against the process and keeps it as the author's draft; returns the draft's id. */
    long draft(String slug, AgoraUser author, ProposalForm form, Upload upload) {
        requireMayWrite(author);
        ProcessSettings process = openProcess(slug);
        Checked checked = check(process, form, upload);
        Proposal draft = proposals.saveAndFlush(new Proposal(process.id().value(), author.id().value(),
                checked.content(), clock.instant()));
        attach(draft, upload, checked.format(), false);
        return draft.id();
    }

    /** A new upload replaces the attachment; without one, {@code removeAttachment} takes the current one away. */
    void reviseDraft(String slug, long draftId, AgoraUser author, ProposalForm form, Upload upload, boolean removeAttachment) {
        requireMayWrite(author);
        ProcessSettings process = openProcess(slug);
        Proposal draft = ownDraft(process, draftId, author);
        Checked checked = check(process, form, upload);
        draft.reviseDraft(checked.content());
        attach(draft, upload, checked.format(), removeAttachment);
    }

    /** Publishes the draft with the next reference of the year; returns that reference. */
    String publish(String slug, long draftId, AgoraUser author) {
        requireMayWrite(author);
        ProcessSettings process = openProcess(slug);
        Proposal draft = ownDraft(process, draftId, author);
        String reference = nextReference();
        draft.publish(reference, clock.instant());
        events.publishEvent(new ProposalPublished(draft.proposalId(), process.id(), author.id(), reference));
        return reference;
    }

    void edit(String slug, String reference, AgoraUser author, ProposalForm form, Upload upload, boolean removeAttachment) {
        requireMayWrite(author);
        ProcessSettings process = publicProcess(slug);
        Proposal proposal = own(process, reference, author);
        if (!proposal.editableAt(clock.instant(), editWindow)) {
            throw new ProposalRefused("proposals.edit.refused");
        }
        Checked checked = check(process, form, upload);
        proposal.edit(checked.content(), clock.instant(), editWindow);
        attach(proposal, upload, checked.format(), removeAttachment);
        events.publishEvent(new ProposalEdited(proposal.proposalId(), process.id()));
    }

    void withdraw(String slug, String reference, AgoraUser author) {
        ProcessSettings process = publicProcess(slug);
        Proposal proposal = own(process, reference, author);
        if (proposal.status() != ProposalStatus.PUBLISHED) {
            throw new ProposalRefused("proposals.withdraw.refused");
        }
        proposal.withdraw(clock.instant());
        events.publishEvent(new ProposalWithdrawn(proposal.proposalId(), process.id()));
    }

    @Transactional(readOnly = true)
    ProposalForm formOf(String slug, String reference, AgoraUser author) {
        ProcessSettings process = publicProcess(slug);
        Proposal proposal = own(process, reference, author);
        if (!proposal.editableAt(clock.instant(), editWindow)) {
            throw new ProposalRefused("proposals.edit.refused");
        }
        return formOf(proposal);
    }

    @Transactional(readOnly = true)
    ProposalForm draftForm(String slug, long draftId, AgoraUser author) {
        return formOf(ownDraft(publicProcess(slug), draftId, author));
    }

    /** The draft as its author previews it. */
    @Transactional(readOnly = true)
    Proposal draftOf(String slug, long draftId, AgoraUser author) {
        return ownDraft(publicProcess(slug), draftId, author);
    }

    /** The process where a new proposal may be written now, or the refusal to show. */
    @Transactional(readOnly = true)
    ProcessSettings openProcess(String slug) {
        ProcessSettings process = publicProcess(slug);
        if (!process.acceptsProposals()) {
            throw new ProposalRefused("proposals.create.refused");
        }
        return process;
    }

    ProcessSettings publicProcess(String slug) {
        return processes.bySlug(slug).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    /** Whether this person runs the process as staff, and so may merge its proposals. */
    boolean managedBy(AgoraUser user, ProcessSettings process) {
        return processes.managedBy(user, process.id());
    }

    Optional<ProcessSettings> process(long processId) {
        return processes.byId(new ProcessId(processId));
    }

    private static ProposalForm formOf(Proposal proposal) {
        return new ProposalForm(proposal.title(), proposal.body(), Long.toString(proposal.territoryId()),
                proposal.theme() == null ? "" : proposal.theme());
    }

    private Checked check(ProcessSettings process, ProposalForm form, Upload upload) {
        List<ProposalProblem> problems = new ArrayList<>(scopeProblems(process, form));
        String theme = form.theme().isEmpty() ? null : form.theme();
        FileFormat format = null;
        if (upload != null) {
            if (upload.bytes().length > AttachmentFormat.MAX_BYTES) {
                problems.add(new ProposalProblem("attachment", "proposals.form.attachment.tooLarge"));
            } else {
                format = AttachmentFormat.detect(upload.bytes()).orElse(null);
                if (format == null) {
                    problems.add(new ProposalProblem("attachment", "proposals.form.attachment.type"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidProposal(problems);
        }
        return new Checked(new Proposal.Content(form.title(), form.body(), form.territoryId(), theme), format);
    }

    /**
     * The rules a well-formed form (bean validation passed) may still break against its process: the territory lies
     * within the process's scope, the theme is one of its themes (required when it has some).
     */
    List<ProposalProblem> scopeProblems(ProcessSettings process, ProposalForm form) {
        List<ProposalProblem> problems = new ArrayList<>();
        if (!territories.isWithin(form.territoryId(), process.territoryId())) {
            problems.add(new ProposalProblem("territory", "proposals.form.territory.outside"));
        }
        String theme = form.theme().isEmpty() ? null : form.theme();
        if (process.themes().isEmpty()) {
            if (theme != null) {
                problems.add(new ProposalProblem("theme", "proposals.form.theme.invalid"));
            }
        } else if (theme == null) {
            problems.add(new ProposalProblem("theme", "proposals.form.theme.required"));
        } else if (!process.themes().contains(theme)) {
            problems.add(new ProposalProblem("theme", "proposals.form.theme.invalid"));
        }
        return problems;
    }

    private void attach(Proposal proposal, Upload upload, FileFormat format, boolean removeCurrent) {
        if (upload == null || format == null) {
            if (removeCurrent) {
                attachments.findById(proposal.id()).ifPresent(attachments::delete);
            }
            return;
        }
        String name = upload.safeName(format);
        attachments.findById(proposal.id()).ifPresentOrElse(stored -> stored.replace(format, name, upload.bytes()),
                () -> attachments.save(new ProposalAttachment(proposal.id(), format, name, upload.bytes())));
    }

    /**
     * The next reference of the current year (Paris). The UPDATE locks the year's counter row until the transaction
     * ends, so two publications never get the same number; the insert-if-absent creates the year's row once.
     */
    /** {@code count} consecutive references of this year, taken at once under the counter's row lock (imports). */
    List<String> nextReferences(int count) {
        int year = LocalDate.now(clock.withZone(Clocks.PARIS)).getYear();
        try {
            jdbc.update("INSERT INTO proposal_reference_counter (ref_year, last_number) VALUES (?, 0) ON CONFLICT DO NOTHING", year);
        } catch (DataIntegrityViolationException createdConcurrently) {
            // another transaction created the year's row first: the UPDATE below waits for it
        }
        jdbc.update("UPDATE proposal_reference_counter SET last_number = last_number + ? WHERE ref_year = ?", count, year);
        int last = jdbc.queryForObject("SELECT last_number FROM proposal_reference_counter WHERE ref_year = ?",
                Integer.class, year);
        List<String> references = new ArrayList<>(count);
        for (int number = last - count + 1; number <= last; number++) {
            references.add("%04d-%06d".formatted(year, number));
        }
        return references;
    }

    String nextReference() {
        int year = LocalDate.now(clock.withZone(Clocks.PARIS)).getYear();
        try {
            jdbc.update("INSERT INTO proposal_reference_counter (ref_year, last_number) VALUES (?, 0) ON CONFLICT DO NOTHING", year);
        } catch (DataIntegrityViolationException createdConcurrently) {
            // another transaction created the year's row first: the UPDATE below waits for it
        }
        jdbc.update("UPDATE proposal_reference_counter SET last_number = last_number + 1 WHERE ref_year = ?", year);
        Integer number = jdbc.queryForObject("SELECT last_number FROM proposal_reference_counter WHERE ref_year = ?",
                Integer.class, year);
        return "%04d-%06d".formatted(year, number);
    }

    private Proposal ownDraft(ProcessSettings process, long draftId, AgoraUser author) {
        Proposal draft = proposals.findById(draftId)
                .filter(found -> found.processId() == process.id().value() && found.status() == ProposalStatus.DRAFT)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (!draft.isAuthoredBy(author.id().value())) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        return draft;
    }

    private Proposal own(ProcessSettings process, String reference, AgoraUser author) {
        Proposal proposal = proposals.findByReference(reference)
                .filter(found -> found.processId() == process.id().value())
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (!proposal.isAuthoredBy(author.id().value())) {
            throw new AccessDeniedException("Not the author of " + reference);
        }
        return proposal;
    }

    private record Checked(Proposal.Content content, FileFormat format) {
    }
}
