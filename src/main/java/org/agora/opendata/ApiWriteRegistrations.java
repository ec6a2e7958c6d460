package org.agora.opendata;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.agora.accounts.TokenHolder;
import org.agora.accounts.TokenScope;
import org.agora.meetings.MeetingSignUps;
import org.agora.opendata.ApiTokenResolver.RequiresScope;
import org.agora.shared.Refusal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registering to meetings with a personal access token; seats and the waiting list are the meetings module's. */
@RestController
@Tag(name = "Writing")
class ApiWriteRegistrations implements ApiEndpoint {

    private final MeetingSignUps signUps;

    ApiWriteRegistrations(MeetingSignUps signUps) {
        this.signUps = signUps;
    }

    @Schema(name = "RegistrationRequest")
    record Request(
            @Schema(description = "Answers to the meeting's own questions, by field name (q<question id>)")
            Map<String, List<String>> answers,
            @Schema(maxLength = 1000, description = "Accessibility needs the organisers should know") String accessibilityNeeds,
            @Schema(description = "The invitation token of a meeting by invitation") String invitation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RegistrationState")
    record State(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long meetingId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"CONFIRMED", "WAITING", "CANCELLED", "NONE"})
            String status,
            @Schema(description = "With status WAITING: the place in the waiting list, from 1") Integer waitingPosition,
            @Schema(description = "With status CONFIRMED: the short code shown at the door") String code,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "True when the request changed nothing")
            boolean unchanged) {
    }

    @PutMapping(value = "/api/v1/meetings/{id}/registration", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "registerToMeeting", summary = "Register to a meeting",
            description = "Needs the scope registrations:write. Idempotent: an existing registration is returned unchanged. "
                    + "A seat is given while there is one and nobody waits; otherwise a place in the waiting list.",
            security = @SecurityRequirement(name = ApiTokenConfiguration.SCHEME, scopes = "registrations:write"))
    @ApiResponse(responseCode = "200", description = "The registration, confirmed or waiting")
    @ApiResponse(responseCode = "400", description = "Unreadable JSON", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "403", description = "The token lacks registrations:write", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such meeting", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "409", description = "Registrations closed, meeting past or cancelled, invitation required", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "422", description = "Invalid answers, listed in errors", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    State register(@PathVariable long id, @RequestBody(required = false) Request request,
                   @RequiresScope(TokenScope.REGISTRATIONS_WRITE) TokenHolder caller) {
        Request given = request == null ? new Request(null, null, null) : request;
        return view(signUps.register(meetingId(id), caller.user(), given.answers(), given.accessibilityNeeds(),
                given.invitation()));
    }

    @DeleteMapping(value = "/api/v1/meetings/{id}/registration", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "cancelMeetingRegistration", summary = "Cancel one's registration to a meeting",
            description = "Needs the scope registrations:write. Idempotent. The seat freed goes to the waiting list.",
            security = @SecurityRequirement(name = ApiTokenConfiguration.SCHEME, scopes = "registrations:write"))
    @ApiResponse(responseCode = "200", description = "The registration, now cancelled (or NONE when there was none)")
    @ApiResponse(responseCode = "400", description = "The id is not a number", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "403", description = "The token lacks registrations:write", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such meeting", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    @ApiResponse(responseCode = "409", description = "The meeting is over", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ApiWriteProblems.Problem.class)))
    State cancel(@PathVariable long id, @RequiresScope(TokenScope.REGISTRATIONS_WRITE) TokenHolder caller) {
        return view(signUps.cancel(meetingId(id), caller.user()));
    }

    private static long meetingId(long id) {
        if (id <= 0) {
            throw Refusal.notFound();
        }
        return id;
    }

    private static State view(MeetingSignUps.SignUp signUp) {
        return new State(signUp.meetingId(), signUp.status(), signUp.waitingPosition(), signUp.code(), signUp.unchanged());
    }
}
