package org.agora.opendata;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.agora.accounts.TokenHolder;
import org.agora.accounts.TokenScope;
import org.agora.opendata.ApiTokenResolver.RequiresScope;
import org.agora.proposals.ProposalId;
import org.agora.proposals.ProposalWrites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Submitting proposals and supporting them with a personal access token; the rules are the proposals module's. */
@RestController
@Tag(name = "Writing", description = "Writes on behalf of a person, with their personal access token")
class ApiWriteProposals implements ApiEndpoint {

    private final ProposalWrites proposals;
    private final String baseUrl;

    ApiWriteProposals(ProposalWrites proposals, @Value("${agora.base-url}") String baseUrl) {
        this.proposals = proposals;
        this.baseUrl = baseUrl;
    }

    @Schema(name = "ProposalSubmission")
    record Submission(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 10, maxLength = 150) String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 15, maxLength = 5000) String body,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A territory within the process's scope")
            Long territoryId,
            @Schema(description = "One of the process's themes; required when the process has themes") String theme) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProposalCreated")
    record Created(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-000042") String reference,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String process,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The proposal's public page") String url) {
    }

    @Schema(name = "SupportStatus")
    record Support(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long proposalId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean supported,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long supportsCount) {
    }

    @PostMapping(value = "/api/v1/processes/{slug}/proposals", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "submitProposal", summary = "Submit and publish a proposal in a process",
            description = "Needs the scope proposals:write. The process must take proposals now; the author must not be "
                    + "blocked by moderation.",
            security = @SecurityRequirement(name = ApiTokenConfiguration.SCHEME, scopes = "proposals:write"))
    @ApiResponse(responseCode = "201", description = "Published; Location is its API address")
    @ApiResponse(responseCode = "400", description = "Unreadable JSON", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "403", description = "The token lacks proposals:write", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such process", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "409", description = "The process does not take proposals now, or the author is blocked", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    ResponseEntity<Created> submit(@PathVariable String slug, @RequestBody Submission submission,
                                   @RequiresScope(TokenScope.PROPOSALS_WRITE) TokenHolder caller) {
        ProposalWrites.Submitted submitted = proposals.submit(slug, caller.user(), new ProposalWrites.NewProposal(
                submission.title(), submission.body(), submission.territoryId(), submission.theme()));
        return ResponseEntity.created(URI.create("/api/v1/proposals/" + submitted.id().value()))
                .body(new Created(submitted.id().value(), submitted.reference(), submitted.processSlug(), submitted.title(),
                        baseUrl + "/processes/" + submitted.processSlug() + "/proposals/" + submitted.reference()));
    }

    @PutMapping(value = "/api/v1/proposals/{id}/support", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "supportProposal", summary = "Support a proposal",
            description = "Needs the scope supports:write. Idempotent: supporting again changes nothing. The process must "
                    + "take supports and its limit per person must not be reached.",
            security = @SecurityRequirement(name = ApiTokenConfiguration.SCHEME, scopes = "supports:write"))
    @ApiResponse(responseCode = "200", description = "The proposal is supported by the token's holder")
    @ApiResponse(responseCode = "400", description = "The id is not a number", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "403", description = "The token lacks supports:write", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such proposal", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "409", description = "Supports closed, limit reached, proposal withdrawn, merged or hidden", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    Support support(@PathVariable long id, @RequiresScope(TokenScope.SUPPORTS_WRITE) TokenHolder caller) {
        return view(proposals.support(proposalId(id), caller.user()));
    }

    @DeleteMapping("/api/v1/proposals/{id}/support")
    @Operation(operationId = "withdrawSupport", summary = "Take one's support of a proposal back",
            description = "Needs the scope supports:write. Idempotent: taking back a support never given changes nothing.",
            security = @SecurityRequirement(name = ApiTokenConfiguration.SCHEME, scopes = "supports:write"))
    @ApiResponse(responseCode = "204", description = "The proposal is not supported by the token's holder")
    @ApiResponse(responseCode = "400", description = "The id is not a number", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "403", description = "The token lacks supports:write", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such proposal", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "409", description = "Supports are closed in the process", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    ResponseEntity<Void> withdrawSupport(@PathVariable long id, @RequiresScope(TokenScope.SUPPORTS_WRITE) TokenHolder caller) {
        proposals.withdrawSupport(proposalId(id), caller.user());
        return ResponseEntity.noContent().build();
    }

    static ProposalId proposalId(long id) {
        if (id <= 0) {
            throw org.agora.shared.Refusal.notFound();
        }
        return new ProposalId(id);
    }

    private static Support view(ProposalWrites.SupportState state) {
        return new Support(state.id().value(), state.supported(), state.supportsCount());
    }
}
