package org.agora.opendata;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error of the API controllers as problem details. Errors raised before a controller is chosen (an unknown
 * address, a method or media type no controller takes) reach no controller advice: {@link Fallback} answers those,
 * for any request under {@code /api/}.
 */
@RestControllerAdvice(assignableTypes = ApiEndpoint.class)
class ApiProblems {

    private final ApiProblemWriter writer;

    ApiProblems(ApiProblemWriter writer) {
        this.writer = writer;
    }

    @ExceptionHandler(Exception.class)
    void problem(Exception exception, HttpServletRequest request, HttpServletResponse response) throws IOException {
        writer.write(request, response, exception);
    }

    /** Runs before Spring's own resolvers, only for requests under /api/ that no controller handled. */
    @org.springframework.stereotype.Component
    static class Fallback implements HandlerExceptionResolver, Ordered {

        private final ApiProblemWriter writer;

        Fallback(ApiProblemWriter writer) {
            this.writer = writer;
        }

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                             Exception exception) {
            // A controller's errors are its advices' (ApiWriteProblems first, then ApiProblems for the rest).
            if (handler instanceof HandlerMethod || !ApiSecurity.isApi(request)) {
                return null;
            }
            try {
                writer.write(request, response, exception);
            } catch (IOException e) {
                return null;
            }
            return new ModelAndView();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
