package org.agora.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleScope;
import org.agora.processes.ProcessCatalog;
import org.agora.processes.ProcessId;
import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meetings module's API for staff and facilitators: creating, changing, publishing and cancelling meetings,
 * their registration forms and series. Staff and administrators manage every meeting; a facilitator manages Fabrik
 * meetings within the territories of their role (docs/decisions/0013).
 */
@Service
public class MeetingManagement {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private final Meetings meetings;
    private final Registrations registrations;
    private final MeetingRegistrations seats;
    private final MeetingMails mails;
    private final TerritoryDirectory territories;
    private final ProcessCatalog processes;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MeetingManagement(Meetings meetings, Registrations registrations, MeetingRegistrations seats, MeetingMails mails,
                      TerritoryDirectory territories, ProcessCatalog processes, Clock clock,
                      ApplicationEventPublisher events) {
        this.events = events;
        this.processes = processes;
        this.meetings = meetings;
        this.registrations = registrations;
        this.seats = seats;
        this.mails = mails;
        this.territories = territories;
        this.clock = clock;
    }

    /** Problems of a form, field -> message key, and the details when there are none. */
    record Checked(MeetingDetails details, Map<String, String> problems) {
    }

    // ---- Rights ----------------------------------------------------------------------------------------------------

    static boolean isStaff(AgoraUser user) {
        return user != null && (user.holdsAnywhere(Role.STAFF) || user.isAdministrator());
    }

    /** Staff, administrators, and facilitators (who see only what they may manage). */
    static boolean mayOpenAdministration(AgoraUser user) {
        return isStaff(user) || user != null && user.holdsAnywhere(Role.FACILITATOR);
    }

    boolean mayManage(AgoraUser user, MeetingKind kind, long territoryId) {
        if (isStaff(user)) {
            return true;
        }
        if (user == null || kind != MeetingKind.FABRIK) {
            return false;
        }
        return user.scopesOf(Role.FACILITATOR).stream().anyMatch(scope -> scope.kind() == RoleScope.Kind.GLOBAL
                || scope.kind() == RoleScope.Kind.TERRITORY && territories.isWithin(territoryId, scope.id()));
    }

    Meeting managed(AgoraUser user, long meetingId) {
        Meeting meeting = meetings.find(meetingId).orElseThrow(MeetingRefused::notFound);
        if (!mayManage(user, meeting.kind(), meeting.territoryId())) {
            throw MeetingRefused.forbidden();
        }
        return meeting;
    }

    // ---- Meetings --------------------------------------------------------------------------------------------------

    Checked check(MeetingForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        MeetingKind kind = parse(MeetingKind.class, form.kind(), "kind", problems);
        MeetingFormat format = parse(MeetingFormat.class, form.format(), "format", problems);
        if (form.title().length() < 3 || form.title().length() > 200) {
            problems.put("title", "meetings.form.title.length");
        }
        if (form.description().isEmpty() || form.description().length() > 5000) {
            problems.put("description", "meetings.form.description.length");
        }
        Instant starts = instant(form.startsAt(), "startsAt", true, problems);
        Instant ends = instant(form.endsAt(), "endsAt", true, problems);
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            problems.put("endsAt", "meetings.form.endsAt.before");
        }
        Long seriesId = id(form.series(), "series", problems);
        if (seriesId != null && meetings.series(seriesId).isEmpty()) {
            problems.put("series", "meetings.form.series.unknown");
        }
        Long processId = id(form.process(), "process", problems);
        if (processId != null && processes.findPublic(new ProcessId(processId)).isEmpty()) {
            problems.put("process", "meetings.form.process.unknown");
        }
        Long territoryId = id(form.territory(), "territory", problems);
        if (territoryId == null && !problems.containsKey("territory")) {
            problems.put("territory", "meetings.form.territory.required");
        } else if (territoryId != null && territories.find(territoryId).isEmpty()) {
            problems.put("territory", "meetings.form.territory.unknown");
        }
        Long communeId = null;
        if (format != null && format.hasPlace()) {
            if (form.address().isEmpty() || form.address().length() > 300) {
                problems.put("address", "meetings.form.address.required");
            }
            communeId = commune(form.commune(), problems);
        }
        String link = null;
        if (format != null && format.hasLink()) {
            if (!form.onlineUrl().matches("https://[^\\s<>\"]{3,490}")) {
                problems.put("onlineUrl", "meetings.form.onlineUrl.invalid");
            }
            link = form.onlineUrl();
        }
        if (form.organiserName().isEmpty() || form.organiserName().length() > 200) {
            problems.put("organiserName", "meetings.form.organiserName.length");
        }
        Integer capacity = null;
        if (!form.capacity().isEmpty()) {
            try {
                capacity = Integer.parseInt(form.capacity());
                if (capacity < 1 || capacity > 100_000) {
                    problems.put("capacity", "meetings.form.capacity.invalid");
                }
            } catch (NumberFormatException e) {
                problems.put("capacity", "meetings.form.capacity.invalid");
            }
        }
        Instant opens = instant(form.registrationOpensAt(), "registrationOpensAt", false, problems);
        Instant closes = instant(form.registrationClosesAt(), "registrationClosesAt", false, problems);
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            problems.put("registrationClosesAt", "meetings.form.registrationClosesAt.before");
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        return new Checked(new MeetingDetails(seriesId, kind, format, form.title(), form.description(), starts, ends,
                processId, territoryId, communeId, format.hasPlace() ? form.address() : null, link, form.organiserName(),
                form.invitationOnly(), capacity, form.registrationEnabled(), opens, closes), Map.of());
    }

    @Transactional
    long create(AgoraUser user, MeetingDetails details) {
        requireMayManage(user, details);
        return meetings.insert(details, user.id().value(), Tokens.newToken(), clock.instant());
    }

    /** Changes a meeting; a capacity raised gives the new seats to the waiting list at once. */
    @Transactional
    void update(AgoraUser user, long meetingId, MeetingDetails details) {
        managed(user, meetingId);
        requireMayManage(user, details);
        meetings.lock(meetingId);
        Instant now = clock.instant();
        meetings.update(meetingId, details, now);
        seats.promoteWaiting(meetingId, now);
    }

    @Transactional
    void publish(AgoraUser user, long meetingId) {
        Meeting meeting = managed(user, meetingId);
        if (meeting.status() != MeetingStatus.DRAFT) {
            throw MeetingRefused.conflict("meetings.admin.refused.not-draft");
        }
        meetings.changeStatus(meetingId, MeetingStatus.PUBLISHED, clock.instant());
        events.publishEvent(new MeetingPublished(new MeetingId(meetingId), meeting.invitationOnly()));
    }

    /** Cancels a meeting; everyone registered (confirmed, waiting or pending) is told by mail. */
    @Transactional
    void cancel(AgoraUser user, long meetingId) {
        managed(user, meetingId);
        Meeting meeting = meetings.lock(meetingId).orElseThrow();
        if (meeting.status() == MeetingStatus.CANCELLED) {
            return;
        }
        meetings.changeStatus(meetingId, MeetingStatus.CANCELLED, clock.instant());
        Meeting cancelled = meetings.find(meetingId).orElseThrow();
        registrations.ofMeeting(meetingId).stream().filter(registration -> registration.status().active())
                .forEach(registration -> mails.cancelledByStaff(cancelled, registration));
    }

    @Transactional
    void addQuestion(AgoraUser user, long meetingId, QuestionKind kind, String label, boolean required, String options) {
        managed(user, meetingId);
        meetings.addQuestion(meetingId, kind, label, required, kind.hasOptions() ? Question.parseOptions(options) : List.of());
    }

    @Transactional
    void removeQuestion(AgoraUser user, long meetingId, long questionId) {
        managed(user, meetingId);
        meetings.removeQuestion(meetingId, questionId);
    }

    @Transactional
    void moveQuestion(AgoraUser user, long meetingId, long questionId, boolean up) {
        managed(user, meetingId);
        meetings.moveQuestion(meetingId, questionId, up);
    }

    // ---- Series ----------------------------------------------------------------------------------------------------

    /** Checks a series form: field -> message key. */
    static Map<String, String> checkSeries(SeriesForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            SeriesKind.valueOf(form.kind());
        } catch (IllegalArgumentException e) {
            problems.put("kind", "meetings.series.form.kind.invalid");
        }
        if (form.title().length() < 3 || form.title().length() > 200) {
            problems.put("title", "meetings.form.title.length");
        }
        if (form.description().isEmpty() || form.description().length() > 5000) {
            problems.put("description", "meetings.form.description.length");
        }
        if (!form.process().isEmpty() && MeetingController.positive(form.process()) == null) {
            problems.put("process", "meetings.form.process.unknown");
        }
        return problems;
    }

    @Transactional
    long createSeries(AgoraUser user, SeriesForm form) {
        requireStaff(user);
        String base = slug(form.title());
        String slug = base;
        for (int i = 2; meetings.slugTaken(slug); i++) {
            slug = base + "-" + i;
        }
        return meetings.insertSeries(slug, SeriesKind.valueOf(form.kind()), form.title(), form.description(),
                MeetingController.positive(form.process()));
    }

    @Transactional
    void updateSeries(AgoraUser user, long seriesId, SeriesForm form) {
        requireStaff(user);
        meetings.series(seriesId).orElseThrow(MeetingRefused::notFound);
        meetings.updateSeries(seriesId, SeriesKind.valueOf(form.kind()), form.title(), form.description(),
                MeetingController.positive(form.process()));
    }

    static void requireStaff(AgoraUser user) {
        if (!isStaff(user)) {
            throw MeetingRefused.forbidden();
        }
    }

    static String slug(String title) {
        String slug = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        slug = slug.length() > 100 ? slug.substring(0, 100).replaceAll("-$", "") : slug;
        return slug.isEmpty() ? "serie" : slug;
    }

    /** Territories where the person may manage meetings: null when everywhere. */
    java.util.Set<Long> managedTerritories(AgoraUser user) {
        if (isStaff(user) || user.holds(Role.FACILITATOR, RoleScope.GLOBAL)) {
            return null;
        }
        java.util.Set<Long> within = new java.util.HashSet<>();
        user.scopesOf(Role.FACILITATOR).stream().filter(scope -> scope.kind() == RoleScope.Kind.TERRITORY)
                .forEach(scope -> within.addAll(territories.selfAndDescendants(scope.id())));
        return within;
    }

    MeetingForm formOf(Meeting meeting) {
        return new MeetingForm(meeting.seriesId() == null ? "" : meeting.seriesId().toString(), meeting.kind().name(),
                meeting.format().name(), meeting.title(), meeting.description(), local(meeting.startsAt()),
                local(meeting.endsAt()), meeting.processId() == null ? "" : meeting.processId().toString(),
                Long.toString(meeting.territoryId()),
                meeting.communeId() == null ? "" : territories.find(meeting.communeId()).map(TerritoryView::label).orElse(""),
                meeting.address(), meeting.onlineUrl(), meeting.organiserName(), meeting.invitationOnly(),
                meeting.capacity() == null ? "" : meeting.capacity().toString(), meeting.registrationEnabled(),
                local(meeting.registrationOpensAt()), local(meeting.registrationClosesAt()));
    }

    private void requireMayManage(AgoraUser user, MeetingDetails details) {
        if (!mayManage(user, details.kind(), details.territoryId())) {
            throw MeetingRefused.forbidden();
        }
    }

    private Long commune(String typed, Map<String, String> problems) {
        if (typed.isEmpty()) {
            problems.put("commune", "meetings.form.commune.required");
            return null;
        }
        // The form shows a chosen commune as its label, "Orléans (45000, 45100)": search by the name before the codes.
        String query = typed.replaceFirst("\\s*\\([0-9, ]+\\)$", "");
        List<TerritoryView> matches = territories.searchCommunes(query.isEmpty() ? typed : query, 5);
        Optional<TerritoryView> exact = matches.stream().filter(match -> match.label().equalsIgnoreCase(typed)).findFirst();
        if (exact.isPresent()) {
            return exact.get().id();
        }
        if (matches.size() == 1 && matches.get(0).kind() == TerritoryKind.COMMUNE) {
            return matches.get(0).id();
        }
        problems.put("commune", matches.isEmpty() ? "meetings.form.commune.unknown" : "meetings.form.commune.ambiguous");
        return null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, String> problems) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.put(field, "meetings.form." + field + ".invalid");
            return null;
        }
    }

    private static Long id(String value, String field, Map<String, String> problems) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        problems.put(field, "meetings.form." + field + ".unknown");
        return null;
    }

    static Instant instant(String value, String field, boolean required, Map<String, String> problems) {
        if (value.isEmpty()) {
            if (required) {
                problems.put(field, "meetings.form.date.required");
            }
            return null;
        }
        try {
            return LocalDateTime.parse(value, LOCAL).atZone(Clocks.PARIS).toInstant();
        } catch (DateTimeParseException e) {
            problems.put(field, "meetings.form.date.invalid");
            return null;
        }
    }

    private static String local(Instant instant) {
        return instant == null ? "" : LOCAL.format(instant.atZone(Clocks.PARIS).toLocalDateTime().withSecond(0).withNano(0))
                .substring(0, 16);
    }
}
