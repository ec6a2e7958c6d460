package org.agora.opendata;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.media.Schema;

import org.agora.shared.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * How the write endpoints answer a refusal: an RFC 9457 problem ({@code application/problem+json}) with a stable
 * {@code code}, a {@code detail} in the request's language and, for invalid input, {@code errors} (field to message).
 * 401 and 403 carry the {@code WWW-Authenticate: Bearer} challenge of RFC 6750.
 */
@RestControllerAdvice(assignableTypes = {ApiWriteProposals.class, ApiWriteComments.class, ApiWriteRegistrations.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiWriteProblems {

    private final MessageSource messages;

    ApiWriteProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiTokenRejected.class)
    ResponseEntity<ProblemDetail> rejected(ApiTokenRejected rejected, HttpServletRequest request, Locale locale) {
        return switch (rejected.reason()) {
            case MISSING -> problem(HttpStatus.UNAUTHORIZED, "token-missing", request, locale)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"agora\"").build();
            case INVALID -> problem(HttpStatus.UNAUTHORIZED, "token-invalid", request, locale)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"agora\", error=\"invalid_token\"").build();
            case INSUFFICIENT_SCOPE -> problem(HttpStatus.FORBIDDEN, "insufficient-scope", request, locale,
                    rejected.needed().value())
                    .property("scope", rejected.needed().value())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"agora\", error=\"insufficient_scope\", scope=\""
                            + rejected.needed().value() + "\"").build();
        };
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal, HttpServletRequest request, Locale locale) {
        return switch (refusal.kind()) {
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "not-found", request, locale).build();
            case INVALID -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", request, locale)
                    .errors(refusal.fieldErrors(), locale).build();
            case CONFLICT -> {
                Builder builder = problem(HttpStatus.CONFLICT, "refused", request, locale);
                builder.body.setDetail(messages.getMessage(refusal.messageKey(), null, refusal.messageKey(), locale));
                builder.property("reason", refusal.messageKey());
                yield builder.build();
            }
        };
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException invalid, HttpServletRequest request, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.getBindingResult().getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(),
                messages.getMessage(error, locale)));
        Builder builder = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", request, locale);
        builder.body.setProperty("errors", errors);
        return builder.build();
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception unreadable, HttpServletRequest request, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "unreadable", request, locale).build();
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException unsupported, HttpServletRequest request,
                                            Locale locale) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type", request, locale).build();
    }

    private Builder problem(HttpStatus status, String code, HttpServletRequest request, Locale locale, Object... arguments) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setType(URI.create("tag:agora,2026:problem/" + code));
        body.setTitle(messages.getMessage("opendata.write.problem." + code + ".title", null, locale));
        body.setDetail(messages.getMessage("opendata.write.problem." + code + ".detail", arguments, locale));
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("code", code);
        return new Builder(status, body);
    }

    private final class Builder {
        private final HttpStatus status;
        private final ProblemDetail body;
        private final HttpHeaders headers = new HttpHeaders();

        Builder(HttpStatus status, ProblemDetail body) {
            this.status = status;
            this.body = body;
        }

        Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        Builder property(String name, Object value) {
            body.setProperty(name, value);
            return this;
        }

        Builder errors(Map<String, String> keys, Locale locale) {
            Map<String, String> errors = new LinkedHashMap<>();
            keys.forEach((field, key) -> errors.put(field, messages.getMessage(key, null, key, locale)));
            body.setProperty("errors", errors);
            return this;
        }

        ResponseEntity<ProblemDetail> build() {
            return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
        }
    }

    /** The problem body as the OpenAPI document describes it (RFC 9457 members and Agora's extensions). */
    @Schema(name = "WriteProblem", description = "An RFC 9457 problem, sent as application/problem+json.")
    record Problem(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Identifies the kind of problem") URI type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int status,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What happened, in the request's language") String detail,
            URI instance,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"token-missing", "token-invalid",
                    "insufficient-scope", "not-found", "invalid", "refused", "unreadable", "media-type"}) String code,
            @Schema(description = "With code invalid: the message of each refused field") Map<String, String> errors,
            @Schema(description = "With code insufficient-scope: the scope the operation needs") String scope,
            @Schema(description = "With code refused: the key of the rule that refused the request") String reason) {
    }
}
