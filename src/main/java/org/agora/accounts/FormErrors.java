package org.agora.accounts;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.validation.BindingResult;

/** How accounts' controllers answer refused input: messages next to the fields and a 400 status. */
final class FormErrors {

    private FormErrors() {
    }

    static void report(FieldProblem problem, BindingResult errors) {
        if (errors.getFieldType(problem.field()) != null) {
            errors.rejectValue(problem.field(), problem.messageKey());
        } else {
            errors.reject(problem.messageKey());
        }
    }

    static String reject(HttpServletResponse response, String view) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return view;
    }
}
