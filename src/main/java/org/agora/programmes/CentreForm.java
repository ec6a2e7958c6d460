package org.agora.programmes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A centre as staff type it. The commune is typed by name or postal code. Opening hours are one short text per
 * weekday (Monday first, empty when closed). Coordinates are optional decimal degrees, both or neither.
 * {@link #problems()} maps each wrong field to its message key.
 */
record CentreForm(String name, String address, String commune, String contactName, String contactEmail,
                  String contactPhone, String hoursMonday, String hoursTuesday, String hoursWednesday,
                  String hoursThursday, String hoursFriday, String hoursSaturday, String hoursSunday,
                  String latitude, String longitude, String status) {

    static final List<String> DAYS = List.of("hoursMonday", "hoursTuesday", "hoursWednesday", "hoursThursday",
            "hoursFriday", "hoursSaturday", "hoursSunday");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ().-]{6,30}");

    static CentreForm empty() {
        return new CentreForm("", "", "", "", "", "", "", "", "", "", "", "", "", "", "", CentreStatus.ACTIVE.name());
    }

    public List<String> hours() {
        return List.of(strip(hoursMonday), strip(hoursTuesday), strip(hoursWednesday), strip(hoursThursday),
                strip(hoursFriday), strip(hoursSaturday), strip(hoursSunday));
    }

    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (strip(name).isEmpty() || strip(name).length() > 200) {
            problems.put("name", "programmes.centre.error.name");
        }
        if (strip(address).isEmpty() || strip(address).length() > 300) {
            problems.put("address", "programmes.centre.error.address");
        }
        if (strip(commune).isEmpty()) {
            problems.put("commune", "programmes.centre.error.commune");
        }
        if (strip(contactName).isEmpty() || strip(contactName).length() > 120) {
            problems.put("contactName", "programmes.centre.error.contactName");
        }
        if (!EMAIL.matcher(strip(contactEmail)).matches() || strip(contactEmail).length() > 254) {
            problems.put("contactEmail", "programmes.centre.error.contactEmail");
        }
        if (!PHONE.matcher(strip(contactPhone)).matches()) {
            problems.put("contactPhone", "programmes.centre.error.contactPhone");
        }
        List<String> hours = hours();
        for (int day = 0; day < 7; day++) {
            if (hours.get(day).length() > 80) {
                problems.put(DAYS.get(day), "programmes.centre.error.hours");
            }
        }
        boolean noLatitude = strip(latitude).isEmpty();
        boolean noLongitude = strip(longitude).isEmpty();
        if (noLatitude != noLongitude) {
            problems.put(noLatitude ? "latitude" : "longitude", "programmes.centre.error.coordinatesBoth");
        }
        if (!noLatitude && degrees(latitude, 90) == null) {
            problems.put("latitude", "programmes.centre.error.latitude");
        }
        if (!noLongitude && degrees(longitude, 180) == null) {
            problems.put("longitude", "programmes.centre.error.longitude");
        }
        if (chosenStatus() == null) {
            problems.put("status", "programmes.centre.error.status");
        }
        return problems;
    }

    CentreStatus chosenStatus() {
        try {
            return status == null ? null : CentreStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    Checked check(long communeId, Long departementId) {
        if (!problems().isEmpty()) {
            throw new IllegalStateException("Check problems() first");
        }
        return new Checked(oneLine(name), oneLine(address), communeId, departementId, oneLine(contactName),
                strip(contactEmail), oneLine(contactPhone), new ArrayList<>(hours()), degrees(latitude, 90),
                degrees(longitude, 180), chosenStatus());
    }

    /** Decimal degrees with a point or a comma, within ±{@code limit}, to five decimals (about a metre); null if not. */
    static BigDecimal degrees(String typed, int limit) {
        String value = strip(typed).replace(',', '.');
        if (value.isEmpty() || !value.matches("-?\\d{1,3}(\\.\\d{1,8})?")) {
            return null;
        }
        BigDecimal degrees = new BigDecimal(value).setScale(5, RoundingMode.HALF_UP);
        return degrees.abs().compareTo(BigDecimal.valueOf(limit)) > 0 ? null : degrees;
    }

    static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String oneLine(String value) {
        return strip(value).replaceAll("\\s+", " ");
    }

    record Checked(String name, String address, long communeId, Long departementId, String contactName,
                   String contactEmail, String contactPhone, List<String> hours, BigDecimal latitude,
                   BigDecimal longitude, CentreStatus status) {
    }
}
