package org.agora.accountability;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** What the charter and strategy pages share: the 404 of an unknown item and the 400 of a refused form. */
final class CharterPages {

    private CharterPages() {
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** Shows the form again with what was typed and a message per refused field, answered with 400. */
    static String rejected(CharterInvalid invalid, String formName, Map<String, String> form, String view, Model model,
                           HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", invalid.problems());
        model.addAttribute(formName, form);
        return view;
    }
}
