package org.agora.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.proposals.ProposalCatalog;
import org.agora.shared.Clocks;
import org.agora.shared.ResourceRef;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public meeting pages: the list, a meeting, a series, calendars, and registering. */
@Controller
class MeetingController {

    static final int PAGE_SIZE = 20;
    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar; charset=utf-8");

    private final Meetings meetings;
    private final Registrations registrations;
    private final MeetingRegistrations seats;
    private final MeetingManagement management;
    private final MeetingViews views;
    private final MeetingLinks links;
    private final TerritoryDirectory territories;
    private final Clock clock;
    private final ProposalCatalog proposals;
    private final MeetingEncounters encounters;

    MeetingController(Meetings meetings, Registrations registrations, MeetingRegistrations seats,
                      MeetingManagement management, MeetingViews views, MeetingLinks links,
                      TerritoryDirectory territories, Clock clock, ProposalCatalog proposals,
                      MeetingEncounters encounters) {
        this.proposals = proposals;
        this.encounters = encounters;
        this.meetings = meetings;
        this.registrations = registrations;
        this.seats = seats;
        this.management = management;
        this.views = views;
        this.links = links;
        this.territories = territories;
        this.clock = clock;
    }

    // ---- Lists -----------------------------------------------------------------------------------------------------

    @GetMapping("/meetings")
    String list(@RequestParam Map<String, String> query, @AuthenticationPrincipal AgoraUser user, Model model,
                HttpServletResponse response) {
        model.addAttribute("manageLink", MeetingManagement.mayOpenAdministration(user));
        boolean bad = false;
        Long territoryId = positive(query.get("territory"));
        bad |= present(query, "territory") && (territoryId == null || territories.find(territoryId).isEmpty());
        MeetingKind kind = parse(MeetingKind.class, query.get("kind"));
        bad |= present(query, "kind") && kind == null;
        Long seriesId = positive(query.get("series"));
        bad |= present(query, "series") && seriesId == null;
        Long processId = positive(query.get("process"));
        bad |= present(query, "process") && processId == null;
        LocalDate from = date(query.get("from"));
        bad |= present(query, "from") && from == null;
        LocalDate to = date(query.get("to"));
        bad |= present(query, "to") && to == null;
        boolean past = "true".equals(query.get("past"));
        Long page = present(query, "page") ? positive(query.get("page")) : Long.valueOf(1);
        bad |= page == null || page > 10_000;
        int chosenPage = page == null ? 1 : (int) Math.min(page, 10_000);
        Set<Long> within = territoryId == null || bad && territories.find(territoryId).isEmpty()
                ? null : territories.selfAndDescendants(territoryId);
        Meetings.Filter filter = new Meetings.Filter(within, kind, seriesId, processId,
                from == null ? null : from.atStartOfDay(Clocks.PARIS).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(Clocks.PARIS).toInstant(), past);
        Meetings.Page results = meetings.listPublic(filter, clock.instant(), chosenPage - 1, PAGE_SIZE);
        if (bad) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("badFilter", true);
        }
        model.addAttribute("meetings", views.cards(results.meetings()));
        model.addAttribute("total", results.total());
        model.addAttribute("totalPages", (int) ((results.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("page", chosenPage);
        model.addAttribute("territories", territories.scopes());
        model.addAttribute("territoryId", territoryId);
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("seriesList", meetings.allSeries());
        model.addAttribute("seriesId", seriesId);
        model.addAttribute("processId", processId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("past", past ? "true" : null);
        return "meetings/list";
    }

    @GetMapping("/meetings/series/{slug:[a-z0-9-]{1,120}}")
    String series(@PathVariable String slug, Model model) {
        Series series = meetings.seriesBySlug(slug).orElseThrow(MeetingRefused::notFound);
        List<Meeting> list = meetings.publicOfSeries(series.id());
        model.addAttribute("series", series);
        model.addAttribute("meetings", views.cards(list));
        if (series.kind().coversLivingAreas()) {
            List<TerritoryView> areas = territories.scopes().stream()
                    .filter(scope -> scope.kind() == TerritoryKind.LIVING_AREA).toList();
            List<TerritoryView> covered = new ArrayList<>();
            List<TerritoryView> notYet = new ArrayList<>();
            for (TerritoryView area : areas) {
                boolean has = list.stream().anyMatch(meeting -> meeting.status() != MeetingStatus.CANCELLED
                        && (territories.isWithin(meeting.territoryId(), area.id())
                        || meeting.communeId() != null && territories.isWithin(meeting.communeId(), area.id())));
                (has ? covered : notYet).add(area);
            }
            model.addAttribute("covered", covered);
            model.addAttribute("notYet", notYet);
        }
        return "meetings/series";
    }

    @GetMapping("/meetings/series/{slug:[a-z0-9-]{1,120}}.ics")
    ResponseEntity<byte[]> seriesCalendar(@PathVariable String slug) {
        Series series = meetings.seriesBySlug(slug).orElseThrow(MeetingRefused::notFound);
        return calendar(links.calendar(series.title(), meetings.publicOfSeries(series.id())), series.slug());
    }

    @GetMapping("/meetings/calendar.ics")
    ResponseEntity<byte[]> processCalendar(@RequestParam String process) {
        Long processId = positive(process);
        if (processId == null) {
            throw MeetingRefused.notFound();
        }
        return calendar(links.calendar("Agora", meetings.publicOfProcess(processId)), "process-" + processId);
    }

    // ---- One meeting -----------------------------------------------------------------------------------------------

    @GetMapping("/meetings/{id:\\d{1,18}}")
    String show(@PathVariable long id, @RequestParam(required = false) String invitation,
                @AuthenticationPrincipal AgoraUser user, Model model) {
        Meeting meeting = visible(id, user);
        Optional<Registration> mine = user == null ? Optional.empty()
                : registrations.findByAccount(id, user.id().value()).filter(registration -> registration.status().active());
        boolean manager = management.mayManage(user, meeting.kind(), meeting.territoryId());
        boolean confirmed = mine.filter(registration -> registration.status() == RegistrationStatus.CONFIRMED).isPresent();
        model.addAttribute("meeting", views.card(meeting));
        model.addAttribute("registration", mine.orElse(null));
        model.addAttribute("waitingPosition", mine.map(seats::waitingPosition).orElse(null));
        model.addAttribute("onlineUrl", meeting.format().hasLink() && (confirmed || manager) ? meeting.onlineUrl() : null);
        model.addAttribute("manager", manager);
        model.addAttribute("closedReason", meeting.registrationClosedReason(clock.instant()));
        model.addAttribute("invitation", meeting.invitationOnly() && Tokens.same(meeting.invitationToken(), invitation)
                ? invitation : null);
        model.addAttribute("collected", proposals.collectedAt(new ResourceRef("meeting", id)).stream()
                .filter(proposal -> !proposal.hidden()).toList());
        model.addAttribute("organisationsMet", encounters.of(id));
        return "meetings/show";
    }

    @GetMapping("/meetings/{id:\\d{1,18}}.ics")
    ResponseEntity<byte[]> meetingCalendar(@PathVariable long id, @AuthenticationPrincipal AgoraUser user) {
        Meeting meeting = visible(id, user);
        return calendar(links.calendar(meeting.title(), List.of(meeting)), "meeting-" + id);
    }

    @GetMapping("/meetings/{id:\\d{1,18}}/register")
    String registerForm(@PathVariable long id, @RequestParam(required = false) String invitation,
                        @AuthenticationPrincipal AgoraUser user, Model model) {
        Meeting meeting = registrable(id, user, invitation);
        if (user != null) {
            Optional<Registration> existing = registrations.findByAccount(id, user.id().value())
                    .filter(registration -> registration.status().active());
            if (existing.isPresent()) {
                return "redirect:/meetings/" + id;
            }
        }
        return registerPage(model, meeting, invitation, Map.of(), Map.of(), "", "", "");
    }

    @PostMapping("/meetings/{id:\\d{1,18}}/register")
    String register(@PathVariable long id, @RequestParam MultiValueMap<String, String> form,
                    @AuthenticationPrincipal AgoraUser user, Model model, RedirectAttributes redirect,
                    HttpServletResponse response, Locale locale) {
        String invitation = form.getFirst("invitation");
        Meeting meeting = registrable(id, user, invitation);
        String name = clean(form.getFirst("name"));
        String email = clean(form.getFirst("email"));
        String needs = clean(form.getFirst("accessibilityNeeds"));
        Map<String, String> problems = new LinkedHashMap<>();
        Registrant registrant;
        if (user != null) {
            registrant = new Registrant(user.id().value(), user.pseudonym(), user.email(), user.language());
        } else {
            if (name.isEmpty() || name.length() > 200) {
                problems.put("name", "meetings.register.name.required");
            }
            if (!email.matches("[^@\\s]{1,64}@[^@\\s]{1,185}\\.[^@\\s]{2,}")) {
                problems.put("email", "meetings.register.email.invalid");
            }
            registrant = new Registrant(null, name, email, locale.getLanguage().equals("en") ? "en" : "fr");
        }
        Map<String, List<String>> answers = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.matches("q\\d{1,18}")) {
                answers.put(key, values);
            }
        });
        if (problems.isEmpty()) {
            try {
                RegistrationOutcome outcome = seats.register(id, registrant, answers, needs, invitation);
                if (user == null) {
                    // The same page whether or not the address was registered already: it tells nobody who is.
                    return "redirect:/meetings/" + id + "/registered";
                }
                redirect.addFlashAttribute("flash", outcome.existing() ? "meetings.flash.already"
                        : "meetings.flash." + outcome.registration().status().name().toLowerCase(Locale.ROOT));
                return "redirect:/meetings/" + id;
            } catch (InvalidAnswers invalid) {
                problems.putAll(invalid.problems());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Map<String, List<String>> given = new LinkedHashMap<>(answers);
        return registerPage(model, meeting, invitation, problems, given, name, email, needs);
    }

    @GetMapping("/meetings/{id:\\d{1,18}}/registered")
    String registered(@PathVariable long id, Model model) {
        Meeting meeting = meetings.find(id).orElseThrow(MeetingRefused::notFound);
        model.addAttribute("meeting", views.card(meeting));
        return "meetings/registered";
    }

    @GetMapping(value = "/meetings/{id:\\d{1,18}}/registration/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qrCode(@PathVariable long id, @AuthenticationPrincipal AgoraUser user) {
        if (user == null) {
            throw MeetingRefused.notFound();
        }
        Meeting meeting = meetings.find(id).orElseThrow(MeetingRefused::notFound);
        Registration registration = registrations.findByAccount(id, user.id().value())
                .filter(found -> found.status() == RegistrationStatus.CONFIRMED).orElseThrow(MeetingRefused::notFound);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCodes.png(links.checkIn(meeting, registration), 480));
    }

    // ---- Mail links ------------------------------------------------------------------------------------------------

    @GetMapping("/meetings/registrations/confirm")
    String confirmPage(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "meetings/confirm";
    }

    @PostMapping("/meetings/registrations/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, RedirectAttributes redirect) {
        Registration registration = seats.confirmGuest(token);
        redirect.addFlashAttribute("flash", "meetings.flash." + registration.status().name().toLowerCase(Locale.ROOT));
        return "redirect:/meetings/" + registration.meetingId();
    }

    @GetMapping("/meetings/registrations/cancel")
    String cancelPage(@RequestParam(defaultValue = "") String token, Model model) {
        Registration registration = seats.byCancelToken(token)
                .orElseThrow(() -> new MeetingRefused("meetings.cancel.invalid", org.springframework.http.HttpStatus.NOT_FOUND));
        model.addAttribute("token", token);
        model.addAttribute("meeting", views.card(meetings.find(registration.meetingId()).orElseThrow()));
        model.addAttribute("registration", registration);
        return "meetings/cancel";
    }

    @PostMapping("/meetings/registrations/cancel")
    String cancel(@RequestParam(defaultValue = "") String token, RedirectAttributes redirect) {
        Registration registration = seats.cancelByToken(token);
        redirect.addFlashAttribute("flash", "meetings.flash.cancelled");
        return "redirect:/meetings/" + registration.meetingId();
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------------

    /** Drafts are seen only by those who manage them; a meeting by invitation is reachable by its link. */
    private Meeting visible(long id, AgoraUser user) {
        Meeting meeting = meetings.find(id).orElseThrow(MeetingRefused::notFound);
        if (meeting.status() == MeetingStatus.DRAFT && !management.mayManage(user, meeting.kind(), meeting.territoryId())) {
            throw MeetingRefused.notFound();
        }
        return meeting;
    }

    private Meeting registrable(long id, AgoraUser user, String invitation) {
        Meeting meeting = visible(id, user);
        MeetingRegistrations.requireInvitation(meeting, invitation);
        String closed = meeting.registrationClosedReason(clock.instant());
        if (closed != null) {
            throw MeetingRefused.conflict(closed);
        }
        return meeting;
    }

    private String registerPage(Model model, Meeting meeting, String invitation, Map<String, String> problems,
                                Map<String, List<String>> answers, String name, String email, String needs) {
        model.addAttribute("meeting", views.card(meeting));
        model.addAttribute("questions", meetings.questions(meeting.id()));
        model.addAttribute("invitation", invitation);
        model.addAttribute("problems", problems);
        model.addAttribute("answers", answers);
        model.addAttribute("name", name);
        model.addAttribute("email", email);
        model.addAttribute("accessibilityNeeds", needs);
        return "meetings/register";
    }

    private static ResponseEntity<byte[]> calendar(byte[] body, String name) {
        return ResponseEntity.ok().contentType(CALENDAR)
                .header("Content-Disposition", "inline; filename=\"" + name + ".ics\"").body(body);
    }

    private static boolean present(Map<String, String> query, String name) {
        return query.get(name) != null && !query.get(name).isBlank();
    }

    static Long positive(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(text.strip());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }
}
