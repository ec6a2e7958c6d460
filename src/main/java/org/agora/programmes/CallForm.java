package org.agora.programmes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.agora.shared.Clocks;

/**
 * The call form as typed by staff. Dates are Paris wall-clock times ({@code datetime-local}), stored as the instants
 * they designate in Paris on that day (summer or winter time); a time that does not exist on a spring-forward night is
 * read as the one an hour later.
 */
record CallForm(String kind, String title, String description, Long territoryId, List<String> eligible, String opensAt,
                String closesAt, String requiredDocuments, String selections, String rate, String cap, String days) {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    record Checked(CallKind kind, String title, String description, long territoryId, Set<ApplicantKind> eligible,
                   Instant opensAt, Instant closesAt, List<String> requiredDocuments, int selections, int ratePercent,
                   long capCents, int days) {
    }

    static CallForm blank(long territoryId) {
        return new CallForm("PROJECTS", "", "", territoryId, Arrays.stream(ApplicantKind.values()).map(Enum::name).toList(),
                "", "", "", "5", "60", "20000", "5");
    }

    static CallForm of(Call call) {
        return new CallForm(call.kind().name(), call.title(), call.description(), call.territoryId(),
                call.eligible().stream().map(Enum::name).toList(), LOCAL.format(call.opensInParis()),
                LOCAL.format(call.closesInParis()), String.join("\n", call.requiredDocuments()),
                Integer.toString(call.selections()), Integer.toString(call.ratePercent()), Money.typed(call.capCents()),
                Integer.toString(call.accompanimentDays()));
    }

    static Optional<Instant> parisInstant(String typed) {
        try {
            return Optional.of(LocalDateTime.parse(Rows.strip(typed), LOCAL).atZone(Clocks.PARIS).toInstant());
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> integer(String typed, int min, int max) {
        String plain = Rows.strip(typed);
        if (!plain.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(plain);
        return value < min || value > max ? Optional.empty() : Optional.of(value);
    }

    /** The problems of the form, field name to message key; empty when {@link #check()} may be called. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (kindValue().isEmpty()) {
            problems.put("kind", "programmes.call.error.kind");
        }
        String name = Rows.strip(title);
        if (name.isEmpty() || name.length() > 200) {
            problems.put("title", "programmes.call.error.title");
        }
        if (Rows.strip(description).isEmpty() || Rows.strip(description).length() > 10_000) {
            problems.put("description", "programmes.call.error.description");
        }
        if (territoryId == null) {
            problems.put("territoryId", "programmes.call.error.territory");
        }
        if (eligibleKinds().isEmpty()) {
            problems.put("eligible", "programmes.call.error.eligible");
        }
        Optional<Instant> opens = parisInstant(opensAt);
        Optional<Instant> closes = parisInstant(closesAt);
        if (opens.isEmpty()) {
            problems.put("opensAt", "programmes.call.error.date");
        }
        if (closes.isEmpty()) {
            problems.put("closesAt", "programmes.call.error.date");
        } else if (opens.isPresent() && !closes.get().isAfter(opens.get())) {
            problems.put("closesAt", "programmes.call.error.closesBeforeOpening");
        }
        if (Rows.strip(requiredDocuments).length() > 2000) {
            problems.put("requiredDocuments", "programmes.call.error.documents");
        }
        if (integer(selections, 0, 1000).isEmpty()) {
            problems.put("selections", "programmes.call.error.selections");
        }
        if (integer(rate, 0, 100).isEmpty()) {
            problems.put("rate", "programmes.call.error.rate");
        }
        if (Money.parseEuros(cap).isEmpty()) {
            problems.put("cap", "programmes.call.error.amount");
        }
        if (integer(days, 0, 365).isEmpty()) {
            problems.put("days", "programmes.call.error.days");
        }
        return problems;
    }

    Checked check() {
        return new Checked(kindValue().orElseThrow(), Rows.strip(title), Rows.strip(description), territoryId,
                eligibleKinds(), parisInstant(opensAt).orElseThrow(), parisInstant(closesAt).orElseThrow(),
                Rows.strip(requiredDocuments).lines().map(String::strip).filter(line -> !line.isEmpty()).toList(),
                integer(selections, 0, 1000).orElseThrow(), integer(rate, 0, 100).orElseThrow(),
                Money.parseEuros(cap).orElseThrow(), integer(days, 0, 365).orElseThrow());
    }

    private Optional<CallKind> kindValue() {
        return Arrays.stream(CallKind.values()).filter(value -> value.name().equals(kind)).findFirst();
    }

    Set<ApplicantKind> eligibleKinds() {
        Set<ApplicantKind> kinds = EnumSet.noneOf(ApplicantKind.class);
        if (eligible != null) {
            for (ApplicantKind value : ApplicantKind.values()) {
                if (eligible.contains(value.name())) {
                    kinds.add(value);
                }
            }
        }
        return kinds;
    }

    public boolean eligibleIncludes(String kindName) {
        return eligible != null && eligible.contains(kindName);
    }
}
