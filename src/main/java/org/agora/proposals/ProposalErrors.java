package org.agora.proposals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The proposal form's errors as the template shows them: one message per field, next to it, and the same messages
 * linked to their fields in a summary, in the order of the form. A missing value is reported as missing rather than
 * too short.
 */
record ProposalErrors(Map<String, String> byField, List<Link> summary) {

    static final ProposalErrors NONE = new ProposalErrors(Map.of(), List.of());

    private static final List<String> FORM_ORDER = List.of("title", "body", "territory", "theme", "attachment");

    static ProposalErrors of(BindingResult result, List<ProposalProblem> problems, MessageSource messages, Locale locale) {
        List<ProposalProblem> all = new ArrayList<>();
        result.getFieldErrors().stream()
                .sorted(Comparator.comparing((FieldError error) -> "NotBlank".equals(error.getCode()) ? 0 : 1))
                .forEach(error -> all.add(new ProposalProblem(error.getField(),
                        error.isBindingFailure() || error.getDefaultMessage() == null
                                || !error.getDefaultMessage().startsWith("proposals.")
                                ? "proposals.form.invalid" : error.getDefaultMessage())));
        all.addAll(problems);
        all.sort(Comparator.comparing(problem -> position(problem.field())));
        Map<String, String> byField = new LinkedHashMap<>();
        all.forEach(problem -> byField.putIfAbsent(problem.field(), messages.getMessage(problem.key(), null, locale)));
        List<Link> summary = new ArrayList<>();
        byField.forEach((field, message) -> summary.add(new Link(field, message)));
        return new ProposalErrors(byField, summary);
    }

    private static int position(String field) {
        int index = FORM_ORDER.indexOf(field);
        return index < 0 ? FORM_ORDER.size() : index;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    record Link(String anchor, String message) {
    }
}
