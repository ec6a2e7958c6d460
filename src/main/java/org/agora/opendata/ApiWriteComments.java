package org.agora.opendata;

import java.net.URI;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.agora.accounts.TokenHolder;
import org.agora.accounts.TokenScope;
import org.agora.comments.CommentWrites;
import org.agora.opendata.ApiTokenResolver.RequiresScope;
import org.agora.proposals.ProposalWrites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Commenting on proposals with a personal access token; the rules are the comments module's. */
@RestController
@Tag(name = "Writing")
class ApiWriteComments implements ApiEndpoint {

    private final CommentWrites comments;
    private final String baseUrl;

    ApiWriteComments(CommentWrites comments, @Value("${agora.base-url}") String baseUrl) {
        this.comments = comments;
        this.baseUrl = baseUrl;
    }

    @Schema(name = "CommentSubmission")
    record Submission(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 2, maxLength = 3000, description = "Plain text") String body,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"FOR", "AGAINST", "NEUTRAL"}) String stance,
            @Schema(description = "A published comment of the same proposal this one answers") Long parentId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CommentCreated")
    record Created(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long proposalId,
            Long parentId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"FOR", "AGAINST", "NEUTRAL"}) String stance,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String body,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant postedAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The comment on the proposal's public page") String url) {
    }

    @PostMapping(value = "/api/v1/proposals/{id}/comments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "commentProposal", summary = "Comment on a proposal, or answer one of its comments",
            description = "Needs the scope comments:write. The proposal must take comments; the author must not be blocked.",
            security = @SecurityRequirement(name = ApiTokenConfiguration.SCHEME, scopes = "comments:write"))
    @ApiResponse(responseCode = "201", description = "Published; Location is its place on the public page")
    @ApiResponse(responseCode = "400", description = "Unreadable JSON", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "403", description = "The token lacks comments:write", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such proposal", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "409", description = "Comments are closed, or the author is blocked", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "422", description = "Invalid fields, listed in errors", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    ResponseEntity<Created> comment(@PathVariable long id, @RequestBody Submission submission,
                                    @RequiresScope(TokenScope.COMMENTS_WRITE) TokenHolder caller) {
        CommentWrites.Posted posted = comments.post(caller.user(),
                ProposalWrites.commentTarget(ApiWriteProposals.proposalId(id)), submission.parentId(),
                submission.stance(), submission.body());
        URI url = URI.create(baseUrl + posted.anchor());
        return ResponseEntity.created(url).body(new Created(posted.id(), id, posted.parentId(), posted.stance(),
                posted.body(), posted.postedAt(), url.toString()));
    }
}
