package org.agora.meetings;

/**
 * What staff type to create or change a meeting; every value arrives as text so that a bad one is a field message.
 * Dates are local to Europe/Paris ({@code 2026-03-28T18:30}, as a datetime-local field sends them).
 */
record MeetingForm(String series, String kind, String format, String title, String description, String startsAt,
                   String endsAt, String process, String territory, String commune, String address, String onlineUrl,
                   String organiserName, Boolean invitationOnly, String capacity, Boolean registrationEnabled,
                   String registrationOpensAt, String registrationClosesAt) {

    static final String[] FIELDS = {"series", "kind", "format", "title", "description", "startsAt", "endsAt", "process",
            "territory", "commune", "address", "onlineUrl", "organiserName", "capacity", "registrationOpensAt",
            "registrationClosesAt"};

    MeetingForm {
        series = clean(series);
        kind = clean(kind);
        format = clean(format);
        title = clean(title);
        description = description == null ? "" : description.strip().replace("\r\n", "\n");
        startsAt = clean(startsAt);
        endsAt = clean(endsAt);
        process = clean(process);
        territory = clean(territory);
        commune = clean(commune);
        address = clean(address);
        onlineUrl = clean(onlineUrl);
        organiserName = clean(organiserName);
        capacity = clean(capacity);
        invitationOnly = Boolean.TRUE.equals(invitationOnly);
        registrationEnabled = Boolean.TRUE.equals(registrationEnabled);
        registrationOpensAt = clean(registrationOpensAt);
        registrationClosesAt = clean(registrationClosesAt);
    }

    static MeetingForm empty(String organiserName) {
        return new MeetingForm("", "SEMINAR", "IN_PERSON", "", "", "", "", "", "", "", "", "", organiserName, false, "",
                true, "", "");
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
