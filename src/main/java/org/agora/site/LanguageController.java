package org.agora.site;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.LocaleResolver;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The visible language switch: remembers the choice in a cookie and goes back to the page the person was on. */
@Controller
class LanguageController {

    private final LocaleResolver localeResolver;

    LanguageController(LocaleResolver localeResolver) {
        this.localeResolver = localeResolver;
    }

    @GetMapping("/language/{language}")
    String switchTo(@PathVariable String language, @RequestParam(required = false) String back,
                    HttpServletRequest request, HttpServletResponse response) {
        if (!SiteLocales.SUPPORTED.contains(language)) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        localeResolver.setLocale(request, response, Locale.of(language));
        return "redirect:" + SiteLocales.safeLocalPath(back);
    }
}
