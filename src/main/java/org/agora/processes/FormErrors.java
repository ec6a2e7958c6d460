package org.agora.processes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A form's errors as the template shows them: one message per field (next to it) and the same list, linked to the
 * fields, for the summary at the top. Validation annotations carry message keys; binding failures (a number that is
 * not one) get a generic message rather than Spring's technical one.
 */
record FormErrors(Map<String, String> byField, List<Link> summary) {

    static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    static FormErrors of(BindingResult result, MessageSource messages, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            String key = error.isBindingFailure() || error.getDefaultMessage() == null
                    || !error.getDefaultMessage().startsWith("processes.") ? "processes.form.invalid" : error.getDefaultMessage();
            byField.putIfAbsent(error.getField(), messages.getMessage(key, null, locale));
        }
        List<Link> summary = new ArrayList<>();
        byField.forEach((field, message) -> summary.add(new Link(anchor(field), message)));
        return new FormErrors(byField, summary);
    }

    /** "phases[2].startsOn" → "phase-2-startsOn", the id the form gives that input. */
    static String anchor(String field) {
        return field.startsWith("phases[") ? field.replaceFirst("phases\\[(\\d+)]\\.", "phase-$1-") : field;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    record Link(String anchor, String message) {
    }
}
