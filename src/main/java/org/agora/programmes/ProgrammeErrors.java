package org.agora.programmes;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refusal from the programmes' rules becomes a page with its message and its 4xx status. */
@ControllerAdvice(basePackageClasses = ProgrammeErrors.class)
class ProgrammeErrors {

    @ExceptionHandler(ProgrammeRefused.class)
    String refused(ProgrammeRefused refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("message", refused.key());
        model.addAttribute("status", refused.status().value());
        return "programmes/refused";
    }
}
