package org.agora.opendata;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details ({@code application/problem+json}: type, title, status, detail, instance, and
 * {@code parameter} for a bad parameter) whatever the client asked for, since an error must reach it. Never a stack
 * trace: an unexpected error is logged here and answered with a generic 500.
 */
@Component
class ApiProblemWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblemWriter.class);
    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    record Problem(HttpStatus status, String slug, String detail, String parameter) {
    }

    private final JsonMapper json;
    private final String baseUrl;

    ApiProblemWriter(JsonMapper json, @Value("${agora.base-url}") String baseUrl) {
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The problem an exception raised while serving an API request stands for. */
    Problem problemOf(Exception exception) {
        if (exception instanceof ApiException api) {
            return new Problem(api.status(), api.status() == HttpStatus.NOT_FOUND ? "not-found" : "bad-parameter",
                    api.getMessage(), api.parameter());
        }
        if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
            return new Problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Parameter '" + mismatch.getName()
                    + "': '" + mismatch.getValue() + "' is not a valid value.", mismatch.getName());
        }
        if (exception instanceof MissingServletRequestParameterException missing) {
            return new Problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Parameter '" + missing.getParameterName()
                    + "' is required.", missing.getParameterName());
        }
        if (exception instanceof TypeMismatchException mismatch) {
            return new Problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Parameter '" + mismatch.getPropertyName()
                    + "' has an invalid value.", mismatch.getPropertyName());
        }
        if (exception instanceof NoResourceFoundException) {
            return new Problem(HttpStatus.NOT_FOUND, "not-found", "No API resource at this address.", null);
        }
        if (exception instanceof HttpRequestMethodNotSupportedException method) {
            return new Problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method " + method.getMethod()
                    + " is not allowed here; allowed: " + String.join(", ", method.getSupportedMethods() == null
                    ? new String[0] : method.getSupportedMethods()) + ".", null);
        }
        if (exception instanceof HttpMediaTypeNotAcceptableException) {
            return new Problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                    "The API answers in application/json only.", null);
        }
        if (exception instanceof HttpMediaTypeNotSupportedException) {
            return new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "The API reads application/json only.", null);
        }
        if (exception instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            return new Problem(status, "client-error", response.getBody().getDetail(), null);
        }
        LOG.error("Unexpected error while serving an API request", exception);
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "server-error",
                "An unexpected error occurred; it has been logged.", null);
    }

    void write(HttpServletRequest request, HttpServletResponse response, Exception exception) throws IOException {
        Problem problem = problemOf(exception);
        if (exception instanceof HttpRequestMethodNotSupportedException method && method.getSupportedMethods() != null) {
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", method.getSupportedMethods()));
        }
        write(request, response, problem);
    }

    void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", baseUrl + "/api#problem-" + problem.slug());
        body.put("title", problem.status().getReasonPhrase());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", URI.create(request.getRequestURI()).toString());
        if (problem.parameter() != null) {
            body.put("parameter", problem.parameter());
        }
        response.resetBuffer();
        response.setStatus(problem.status().value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
        response.flushBuffer();
    }
}
