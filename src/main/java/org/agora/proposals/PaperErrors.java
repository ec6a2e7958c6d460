package org.agora.proposals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * The bulk form's problems as its fragment shows them: by field id ("label", "items-2-title"...), next to each field,
 * and summarised at the top with the block number, each linked to its field.
 */
public record PaperErrors(Map<String, String> byField, List<Link> summary) {

    public static final PaperErrors NONE = new PaperErrors(Map.of(), List.of());

    public record Link(String anchor, String message) {
    }

    /** {@code blocks} maps the API's item numbers back to the form's block numbers ({@link PaperForm#blockNumbers()}). */
    public static PaperErrors of(List<PaperContributions.PaperProblem> problems, List<Integer> blocks,
                                 MessageSource messages, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        Map<String, String> summary = new LinkedHashMap<>();
        for (PaperContributions.PaperProblem problem : problems) {
            String message = messages.getMessage(problem.key(), null, locale);
            if (problem.item() == 0) {
                String anchor = "items".equals(problem.field()) ? "items-1-title" : problem.field();
                byField.putIfAbsent(anchor, message);
                summary.putIfAbsent(anchor, message);
            } else {
                int block = blocks.isEmpty() ? problem.item() : blocks.get(problem.item() - 1);
                String anchor = "items-" + block + "-" + problem.field();
                byField.putIfAbsent(anchor, message);
                summary.putIfAbsent(anchor, messages.getMessage("proposals.paper.errors.item",
                        new Object[] {block, messages.getMessage("proposals.paper.field." + problem.field(), null, locale), message}, locale));
            }
        }
        return new PaperErrors(byField, summary.entrySet().stream().map(entry -> new Link(entry.getKey(), entry.getValue())).toList());
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }
}
