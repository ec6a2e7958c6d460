package org.agora.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.agora.accountability.AnswerListing;
import org.agora.accounts.AccountId;
import org.agora.processes.ProcessId;
import org.agora.processes.PublicProcess;
import org.agora.proposals.ProposalId;
import org.agora.proposals.ProposalListing;
import org.agora.shared.ResourceRef;
import org.agora.shared.ResultPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.agora.comments.CommentListing;

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiProposalsController implements ApiEndpoint {

    private final ProposalListing proposals;
    private final AnswerListing answers;
    private final CommentListing comments;
    private final ApiLookups lookups;

    ApiProposalsController(ProposalListing proposals, AnswerListing answers, CommentListing comments, ApiLookups lookups) {
        this.proposals = proposals;
        this.answers = answers;
        this.comments = comments;
        this.lookups = lookups;
    }

    @Tag(name = "Proposals")
    @Operation(operationId = "listProposals", summary = "List the public proposals",
            description = "Published and withdrawn proposals of public processes, with their status, territory, counts "
                    + "and published answer. Filters combine; dates bound the publication time.")
    @GetMapping("/proposals")
    ResponseEntity<ApiPage<ApiSchemas.Proposal>> list(
            @Parameter(description = "Only the proposals of this process (its slug).", example = "budget-participatif-2026")
            @RequestParam(required = false) String process,
            @Parameter(description = "Only the proposals of this territory or of a territory below it (its id).", example = "12")
            @RequestParam(required = false) Long territory,
            @Parameter(description = "published, withdrawn or answered.", schema = @Schema(allowableValues = {"published", "withdrawn", "answered"}))
            @RequestParam(required = false) String status,
            @Parameter(description = "Published at or after: a date (midnight, Paris time) or a date-time with offset.", example = "2026-01-01")
            @RequestParam(required = false) String since,
            @Parameter(description = "Published before: a date (midnight, Paris time) or a date-time with offset.", example = "2026-07-01")
            @RequestParam(required = false) String until,
            @Parameter(description = "recent (default: latest published first) or supports (most supported first).",
                    schema = @Schema(allowableValues = {"recent", "supports"}))
            @RequestParam(required = false) String sort,
            @Parameter(description = "Page number, from 0.", example = "0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Items per page, 1 to 100 (default 20).", example = "20") @RequestParam(required = false) Integer size,
            HttpServletRequest request) {
        ApiPaging.Window window = ApiPaging.window(page, size);
        ProcessId processId = process == null || process.isBlank() ? null : lookups.processFilter(process.strip()).id();
        Instant from = ApiPaging.instant("since", since);
        Instant to = ApiPaging.instant("until", until);
        ApiPaging.ordered("since", from, "until", to);
        ProposalListing.Query query = new ProposalListing.Query(processId,
                ApiPaging.territoryAndBelow(lookups.territories(), territory), status(status), from, to, sort(sort),
                window.offset(), window.size());
        return ApiPaging.respond(request, window, views(proposals.list(query)));
    }

    @Tag(name = "Proposals")
    @Operation(operationId = "getProposal", summary = "One public proposal, by its id")
    @GetMapping("/proposals/{id}")
    ApiSchemas.Proposal one(@Parameter(description = "The proposal's id.", example = "1234") @PathVariable long id) {
        return proposals.find(new ProposalId(id)).map(found -> views(new ResultPage<>(List.of(found), 1, true)).items().getFirst())
                .orElseThrow(() -> ApiException.notFound("No public proposal has the id " + id + "."));
    }

    @Tag(name = "Proposals")
    @Operation(operationId = "listProposalComments", summary = "The published comments on a proposal",
            description = "Oldest first, so that a reply follows what it answers. Hidden and deleted comments are left out.")
    @GetMapping("/proposals/{id}/comments")
    ResponseEntity<ApiPage<ApiSchemas.Comment>> comments(
            @Parameter(description = "The proposal's id.", example = "1234") @PathVariable long id,
            @Parameter(description = "Page number, from 0.", example = "0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Items per page, 1 to 100 (default 20).", example = "20") @RequestParam(required = false) Integer size,
            HttpServletRequest request) {
        ApiPaging.Window window = ApiPaging.window(page, size);
        ProposalListing.Listed proposal = proposals.find(new ProposalId(id))
                .orElseThrow(() -> ApiException.notFound("No public proposal has the id " + id + "."));
        ResultPage<CommentListing.Listed> slice = proposal.hiddenReason() != null ? new ResultPage<>(List.of(), 0, true)
                : comments.publishedOn(new ResourceRef(ProposalListing.COMMENT_TYPE, id), window.offset(), window.size());
        Map<AccountId, String> names = lookups.publicNames(slice.items().stream().map(CommentListing.Listed::author).toList());
        return ApiPaging.respond(request, window, slice.map(comment -> new ApiSchemas.Comment(comment.id(),
                comment.parentId(), comment.depth(), comment.stance(), comment.body(), comment.postedAt(),
                comment.editedAt(), names.get(comment.author()))));
    }

    @Tag(name = "Answers")
    @Operation(operationId = "listAnswers", summary = "List the published answers to proposals",
            description = "Latest first: the destination each proposal went to and the public answer.")
    @GetMapping("/answers")
    ResponseEntity<ApiPage<ApiSchemas.Answer>> answers(
            @Parameter(description = "Only the answers of this process (its slug).", example = "budget-participatif-2026")
            @RequestParam(required = false) String process,
            @Parameter(description = "Published at or after (date or date-time).", example = "2026-01-01")
            @RequestParam(required = false) String since,
            @Parameter(description = "Published before (date or date-time).", example = "2026-07-01")
            @RequestParam(required = false) String until,
            @Parameter(description = "Page number, from 0.", example = "0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Items per page, 1 to 100 (default 20).", example = "20") @RequestParam(required = false) Integer size,
            HttpServletRequest request) {
        ApiPaging.Window window = ApiPaging.window(page, size);
        ProcessId processId = process == null || process.isBlank() ? null : lookups.processFilter(process.strip()).id();
        Instant from = ApiPaging.instant("since", since);
        Instant to = ApiPaging.instant("until", until);
        ApiPaging.ordered("since", from, "until", to);
        Map<ProcessId, PublicProcess> processes = lookups.publicProcesses();
        ResultPage<AnswerListing.PublishedAnswer> slice = answers.answers(processId, from, to, window.offset(), window.size());
        return ApiPaging.respond(request, window, slice.map(answer -> answer(answer, processes)));
    }

    private ResultPage<ApiSchemas.Proposal> views(ResultPage<ProposalListing.Listed> slice) {
        Map<ProcessId, PublicProcess> processes = lookups.publicProcesses();
        var territories = lookups.territoryRefs(slice.items().stream().map(ProposalListing.Listed::territoryId).toList());
        Map<AccountId, String> names = lookups.publicNames(slice.items().stream().map(ProposalListing.Listed::author).toList());
        Map<ProposalId, AnswerListing.PublishedAnswer> published = answers.answersTo(
                slice.items().stream().map(ProposalListing.Listed::id).toList());
        return slice.map(proposal -> {
            PublicProcess process = processes.get(proposal.process());
            String slug = process == null ? null : process.slug();
            AnswerListing.PublishedAnswer answer = published.get(proposal.id());
            return new ApiSchemas.Proposal(proposal.id().value(), proposal.reference(), slug, proposal.title(),
                    proposal.body(), territories.get(proposal.territoryId()), proposal.theme(),
                    proposal.withdrawn() ? "WITHDRAWN" : "PUBLISHED", proposal.hiddenReason() != null,
                    proposal.hiddenReason(), proposal.publishedAt(), answer == null ? null : answer(answer, processes),
                    proposal.supports(), proposal.comments(), proposal.paper(), names.get(proposal.author()),
                    lookups.url("/processes/" + slug + "/proposals/" + proposal.reference()));
        });
    }

    private static ApiSchemas.Answer answer(AnswerListing.PublishedAnswer answer, Map<ProcessId, PublicProcess> processes) {
        PublicProcess process = processes.get(answer.process());
        return new ApiSchemas.Answer(answer.proposal().value(), process == null ? null : process.slug(),
                answer.destination(), answer.destinationKind().name(), answer.text(), answer.publishedAt());
    }

    private static ProposalListing.Status status(String value) {
        return value == null || value.isBlank() ? null : parse(ProposalListing.Status.values(), "status", value);
    }

    private static ProposalListing.Sort sort(String value) {
        return value == null || value.isBlank() ? ProposalListing.Sort.RECENT : parse(ProposalListing.Sort.values(), "sort", value);
    }

    static <E extends Enum<E>> E parse(E[] values, String parameter, String value) {
        List<String> names = new ArrayList<>();
        for (E candidate : values) {
            String name = candidate.name().toLowerCase(Locale.ROOT);
            if (name.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return candidate;
            }
            names.add(name);
        }
        throw ApiException.badParameter(parameter, "'" + value + "' is not one of " + String.join(", ", names) + ".");
    }
}
