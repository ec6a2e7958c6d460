package org.agora.meetings;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refusal from the rules becomes a page with its message and its 4xx status. */
@ControllerAdvice(basePackageClasses = MeetingErrors.class)
class MeetingErrors {

    @ExceptionHandler(MeetingRefused.class)
    String refused(MeetingRefused refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("message", refused.key());
        model.addAttribute("status", refused.status().value());
        return "meetings/refused";
    }
}
