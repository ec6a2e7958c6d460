package org.agora.accountability;

import java.util.LinkedHashMap;
import java.util.Map;

/** A destination as the administrator types it; {@link #check()} gives the field errors (message keys) or the content. */
record DestinationForm(String labelFr, String labelEn, String description, String icon, String kind, Boolean reasonRequired) {

    static DestinationForm empty() {
        return new DestinationForm("", "", "", DestinationIcon.CHECK.name(), DestinationKind.OTHER.name(), false);
    }

    static DestinationForm of(Destination destination) {
        return new DestinationForm(destination.getLabelFr(), destination.getLabelEn() == null ? "" : destination.getLabelEn(),
                destination.getDescription(), destination.getIcon().name(), destination.getKind().name(),
                destination.isReasonRequired());
    }

    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (strip(labelFr).isEmpty() || strip(labelFr).length() > 100) {
            problems.put("labelFr", "accountability.destination.error.label");
        }
        if (strip(labelEn).length() > 100) {
            problems.put("labelEn", "accountability.destination.error.label");
        }
        if (strip(description).isEmpty() || strip(description).length() > 1000) {
            problems.put("description", "accountability.destination.error.description");
        }
        if (parse(DestinationIcon.class, icon) == null) {
            problems.put("icon", "accountability.destination.error.icon");
        }
        if (parse(DestinationKind.class, kind) == null) {
            problems.put("kind", "accountability.destination.error.kind");
        }
        return problems;
    }

    Checked check() {
        if (!problems().isEmpty()) {
            throw new IllegalStateException("Check problems() first");
        }
        return new Checked(strip(labelFr), strip(labelEn).isEmpty() ? null : strip(labelEn), strip(description),
                parse(DestinationIcon.class, icon), parse(DestinationKind.class, kind), Boolean.TRUE.equals(reasonRequired));
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    record Checked(String labelFr, String labelEn, String description, DestinationIcon icon, DestinationKind kind,
                   boolean reasonRequired) {
    }
}
