package org.agora.processes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A form's errors as the template shows them: one message per field (next to it) and the same list, linked to the
 * fields, for the summary at the top, in the order of the form (validation reports fields in no useful order).
 * Validation annotations carry message keys; binding failures (a number that is not one) get a generic message rather
 * than Spring's technical one.
 */
record FormErrors(Map<String, String> byField, List<Link> summary) {

    static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    /** The fields in the order of the process form; a phase's fields come after "phases", row by row. */
    private static final List<String> FORM_ORDER = List.of("title", "slug", "summary", "description", "territoryId",
            "image", "imageAlt", "removeImage", "features", "themes", "supportLimit", "supportThreshold", "phases");
    private static final List<String> PHASE_ORDER = List.of("name", "description", "startsOn", "endsOn");
    private static final Pattern PHASE_FIELD = Pattern.compile("phases\\[(\\d+)]\\.(\\w+)");

    static FormErrors of(BindingResult result, MessageSource messages, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>(result.getFieldErrors());
        errors.sort(Comparator.comparing(FieldError::getField, FormErrors::compareInFormOrder));
        for (FieldError error : errors) {
            String key = error.isBindingFailure() || error.getDefaultMessage() == null
                    || !error.getDefaultMessage().startsWith("processes.") ? "processes.form.invalid" : error.getDefaultMessage();
            byField.putIfAbsent(error.getField(), messages.getMessage(key, null, locale));
        }
        List<Link> summary = new ArrayList<>();
        byField.forEach((field, message) -> summary.add(new Link(anchor(field), message)));
        return new FormErrors(byField, summary);
    }

    private static int compareInFormOrder(String one, String other) {
        return Arrays.compare(position(one), position(other));
    }

    /** Where a field stands in the form: unknown fields last, in the order they were reported (the sort is stable). */
    private static int[] position(String field) {
        Matcher phase = PHASE_FIELD.matcher(field);
        if (phase.matches()) {
            int part = PHASE_ORDER.indexOf(phase.group(2));
            return new int[] {FORM_ORDER.indexOf("phases"), Integer.parseInt(phase.group(1)), part < 0 ? PHASE_ORDER.size() : part};
        }
        int index = FORM_ORDER.indexOf(field);
        return new int[] {index < 0 ? FORM_ORDER.size() : index, -1, -1};
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
