package org.agora.panels;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.agora.shared.Clocks;

/**
 * The panel form as typed (every field a string, so that a wrong number comes back with a message, not a 400 page).
 * Times are local to Europe/Paris ("2027-01-15T09:00", the datetime-local format). Quotas are the quota file's text.
 */
record PanelForm(String name, String purpose, String territoryId, String size, String householdColumns,
                 String processId, String meetingIds, String opensAt, String closesAt, String retentionDays,
                 String quotas) {

    static final int MAX_SIZE = 500;

    /** The values once checked. {@code householdColumns} and {@code meetingIds} normalised ("a,b"), null when empty. */
    record Checked(String name, String purpose, long territoryId, int size, String householdColumns, Long processId,
                   String meetingIds, Instant opensAt, Instant closesAt, int retentionDays) {
    }

    static PanelForm empty(Long territoryId) {
        return new PanelForm("", "", territoryId == null ? "" : territoryId.toString(), "20", "", "", "", "", "", "365", "");
    }

    /** Field name → message key of what is wrong; the order of the form. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (strip(name).isEmpty() || strip(name).length() > 200) {
            problems.put("name", "panels.error.name");
        }
        if (strip(purpose).isEmpty() || strip(purpose).length() > 4000) {
            problems.put("purpose", "panels.error.purpose");
        }
        if (number(territoryId, 1, Long.MAX_VALUE) == null) {
            problems.put("territoryId", "panels.error.territory");
        }
        if (number(size, 1, MAX_SIZE) == null) {
            problems.put("size", "panels.error.size");
        }
        if (!strip(householdColumns).matches("[\\p{L}\\p{N}_ .,-]{0,300}")) {
            problems.put("householdColumns", "panels.error.householdColumns");
        }
        if (!strip(processId).isEmpty() && number(processId, 1, Long.MAX_VALUE) == null) {
            problems.put("processId", "panels.error.process");
        }
        if (!strip(meetingIds).matches("[0-9 ,]{0,300}")) {
            problems.put("meetingIds", "panels.error.meetings");
        }
        Instant opens = time(opensAt);
        Instant closes = time(closesAt);
        if (!strip(opensAt).isEmpty() && opens == null) {
            problems.put("opensAt", "panels.error.time");
        }
        if (!strip(closesAt).isEmpty() && closes == null) {
            problems.put("closesAt", "panels.error.time");
        } else if (opens != null && closes != null && !closes.isAfter(opens)) {
            problems.put("closesAt", "panels.error.closesBeforeOpens");
        }
        if (number(retentionDays, 0, 3650) == null) {
            problems.put("retentionDays", "panels.error.retention");
        }
        return problems;
    }

    /** The checked values; call only when {@link #problems()} is empty. */
    Checked check() {
        String columns = Arrays.stream(strip(householdColumns).split(",")).map(String::strip)
                .filter(part -> !part.isEmpty()).distinct().collect(Collectors.joining(","));
        String meetings = Arrays.stream(strip(meetingIds).split("[ ,]+")).filter(part -> !part.isEmpty())
                .map(Long::valueOf).distinct().map(String::valueOf).collect(Collectors.joining(","));
        return new Checked(strip(name), strip(purpose), number(territoryId, 1, Long.MAX_VALUE),
                number(size, 1, MAX_SIZE).intValue(), columns.isEmpty() ? null : columns,
                strip(processId).isEmpty() ? null : number(processId, 1, Long.MAX_VALUE),
                meetings.isEmpty() ? null : meetings, time(opensAt), time(closesAt),
                number(retentionDays, 0, 3650).intValue());
    }

    List<Long> meetingIdList() {
        return Arrays.stream(strip(meetingIds).split("[ ,]+")).filter(part -> part.matches("[0-9]{1,18}"))
                .map(Long::valueOf).distinct().toList();
    }

    static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    static Long number(String value, long min, long max) {
        try {
            long parsed = Long.parseLong(strip(value));
            return parsed < min || parsed > max ? null : parsed;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static Instant time(String value) {
        if (strip(value).isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(strip(value)).atZone(Clocks.PARIS).toInstant();
        } catch (DateTimeParseException wrong) {
            return null;
        }
    }

    /** The datetime-local text of an instant, in Europe/Paris. */
    static String local(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, Clocks.PARIS).withSecond(0).withNano(0).toString();
    }
}
