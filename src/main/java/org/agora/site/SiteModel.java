package org.agora.site;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Request facts every page's layout needs (the language switch returns to the current page). */
@ControllerAdvice
class SiteModel {

    @ModelAttribute("currentUri")
    String currentUri(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
