package org.agora.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The days the dated figures cover, both included, in Europe/Paris: a preset ({@code all}, {@code 30d}, {@code year})
 * or dates chosen by the visitor ({@code custom}). It travels in the query string so that a page can be shared.
 */
record FigurePeriod(String preset, LocalDate from, LocalDate to) {

    static final LocalDate BEGINNING = LocalDate.of(1970, 1, 1);

    /** The preset name in the URL, and the projection's preset it matches (none for custom). */
    FiguresProjection.Preset projectionPreset() {
        return switch (preset) {
            case "all" -> FiguresProjection.Preset.ALL;
            case "30d" -> FiguresProjection.Preset.DAYS30;
            case "year" -> FiguresProjection.Preset.YEAR;
            default -> null;
        };
    }

    boolean isAllTime() {
        return "all".equals(preset);
    }

    static FigurePeriod allTime(LocalDate today) {
        return new FigurePeriod("all", BEGINNING, today);
    }

    /**
     * The period asked for: dates win over a preset; no dates and no preset is all time.
     *
     * @throws Invalid with the message key of what is wrong
     */
    static FigurePeriod parse(String preset, String from, String to, LocalDate today) {
        boolean dated = from != null && !from.isBlank() || to != null && !to.isBlank();
        if (dated || "custom".equals(preset)) {
            LocalDate start = date(from, BEGINNING, "statistics.period.error.from");
            LocalDate end = date(to, today, "statistics.period.error.to");
            if (end.isBefore(start)) {
                throw new Invalid("statistics.period.error.order");
            }
            return new FigurePeriod("custom", start, end);
        }
        if (preset == null || preset.isBlank() || preset.equals("all")) {
            return allTime(today);
        }
        return switch (preset) {
            case "30d" -> new FigurePeriod("30d", FiguresProjection.start(FiguresProjection.Preset.DAYS30, today), today);
            case "year" -> new FigurePeriod("year", FiguresProjection.start(FiguresProjection.Preset.YEAR, today), today);
            default -> throw new Invalid("statistics.period.error.preset");
        };
    }

    private static LocalDate date(String text, LocalDate otherwise, String error) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.isBefore(BEGINNING) || date.getYear() > 9999) {
                throw new Invalid(error);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new Invalid(error);
        }
    }

    /** A period that cannot be read; {@code key} is the message telling the visitor why. */
    static final class Invalid extends RuntimeException {

        final String key;

        Invalid(String key) {
            super(key);
            this.key = key;
        }
    }
}
