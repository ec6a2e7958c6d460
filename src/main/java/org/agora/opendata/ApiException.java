package org.agora.opendata;

import org.springframework.http.HttpStatus;

/** A request the API answers with a problem: a bad parameter (named) or an unknown resource. */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String parameter;

    private ApiException(HttpStatus status, String parameter, String detail) {
        super(detail);
        this.status = status;
        this.parameter = parameter;
    }

    static ApiException badParameter(String parameter, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, parameter, "Parameter '" + parameter + "': " + detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, null, detail);
    }

    HttpStatus status() {
        return status;
    }

    String parameter() {
        return parameter;
    }
}
