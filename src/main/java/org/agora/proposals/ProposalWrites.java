package org.agora.proposals;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import org.agora.accounts.AgoraUser;
import org.agora.shared.Refusal;
import org.agora.shared.ResourceRef;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Proposals' writes for other modules (the API of the opendata module): the same rules as the web pages, applied by
 * {@link ProposalManagement} and {@link ProposalSupports}; every refusal comes back as a {@link Refusal} and changes
 * nothing.
 */
@Service
public class ProposalWrites {

    private final ProposalManagement management;
    private final ProposalSupports supports;
    private final Proposals proposals;
    private final Validator validator;
    private final JdbcTemplate jdbc;

    ProposalWrites(ProposalManagement management, ProposalSupports supports, Proposals proposals, Validator validator,
                   JdbcTemplate jdbc) {
        this.management = management;
        this.supports = supports;
        this.proposals = proposals;
        this.validator = validator;
        this.jdbc = jdbc;
    }

    /** What a new proposal says; {@code theme} is one of the process's themes, or null when it has none. */
    public record NewProposal(String title, String body, Long territoryId, String theme) {
    }

    /** A published proposal: its id, public reference and the process it belongs to. */
    public record Submitted(ProposalId id, String reference, String processSlug, String title) {
    }

    /** Whether the person supports the proposal now, and its number of supports. */
    public record SupportState(ProposalId id, boolean supported, long supportsCount) {
    }

    /** The resource comments on a proposal attach to. */
    public static ResourceRef commentTarget(ProposalId id) {
        return new ResourceRef(ProposalComments.TYPE, id.value());
    }

    /**
     * Writes and publishes a proposal in one step (no draft is left behind when a rule refuses it). Field errors name
     * the fields of {@link NewProposal}.
     */
    @Transactional
    public Submitted submit(String processSlug, AgoraUser author, NewProposal proposal) {
        ProposalForm form = new ProposalForm(proposal.title(), proposal.body(),
                proposal.territoryId() == null ? "" : proposal.territoryId().toString(), proposal.theme());
        Map<String, String> problems = new LinkedHashMap<>();
        for (ConstraintViolation<ProposalForm> violation : validator.validate(form)) {
            String field = apiField(violation.getPropertyPath().toString());
            boolean required = violation.getConstraintDescriptor().getAnnotation() instanceof NotBlank;
            if (required || !problems.containsKey(field)) {
                problems.put(field, violation.getMessage());
            }
        }
        try {
            var process = management.publicProcess(processSlug);
            if (!problems.isEmpty()) {
                // Every problem at once: the scope and theme rules too, when the territory is a number.
                if (!problems.containsKey("territoryId")) {
                    management.scopeProblems(process, form)
                            .forEach(problem -> problems.putIfAbsent(apiField(problem.field()), problem.key()));
                }
                throw Refusal.invalid(problems);
            }
            long draftId = management.draft(processSlug, author, form, null);
            String reference = management.publish(processSlug, draftId, author);
            return new Submitted(new ProposalId(draftId), reference, processSlug, form.title());
        } catch (InvalidProposal invalid) {
            invalid.problems().forEach(problem -> problems.putIfAbsent(apiField(problem.field()), problem.key()));
            throw Refusal.invalid(problems);
        } catch (ProposalRefused refused) {
            throw Refusal.conflict(refused.key());
        } catch (ResponseStatusException notFound) {
            throw refusal(notFound);
        }
    }

    /** Supports the proposal; supporting it again is a success that changes nothing. */
    public SupportState support(ProposalId id, AgoraUser supporter) {
        try {
            supports.support(id.value(), supporter.id());
        } catch (ProposalRefused refused) {
            throw Refusal.conflict(refused.key());
        } catch (ResponseStatusException notFound) {
            throw refusal(notFound);
        }
        return state(id, supporter);
    }

    /** Takes the person's support back; taking back one never given changes nothing. */
    public SupportState withdrawSupport(ProposalId id, AgoraUser supporter) {
        try {
            supports.withdrawSupport(id.value(), supporter.id());
        } catch (ProposalRefused refused) {
            throw Refusal.conflict(refused.key());
        } catch (ResponseStatusException notFound) {
            throw refusal(notFound);
        }
        return state(id, supporter);
    }

    /** Whether a proposal is published (or was: withdrawn, merged, answered), that is, visible to the public. */
    @Transactional(readOnly = true)
    public boolean exists(ProposalId id) {
        return proposals.findById(id.value()).filter(proposal -> proposal.status() != ProposalStatus.DRAFT).isPresent();
    }

    private SupportState state(ProposalId id, AgoraUser supporter) {
        Long count = jdbc.queryForObject("SELECT supports_count FROM proposal WHERE id = ?", Long.class, id.value());
        return new SupportState(id, supports.supported(id.value(), supporter.id()), count == null ? 0 : count);
    }

    private static Refusal refusal(ResponseStatusException exception) {
        if (exception.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
            return Refusal.notFound();
        }
        throw exception;
    }

    private static String apiField(String formField) {
        return "territory".equals(formField) ? "territoryId" : formField;
    }
}
