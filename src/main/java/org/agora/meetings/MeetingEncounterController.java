package org.agora.meetings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationDraft;
import org.agora.organisations.OrganisationId;
import org.agora.organisations.OrganisationKind;
import org.agora.organisations.OrganisationRefused;
import org.agora.organisations.OrganisationView;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisations met at a meeting, on its management side: search the registry (within the meeting's territory or
 * anywhere) and add one, or create one on the spot; remove an encounter.
 */
@Controller
@RequestMapping("/admin/meetings/{id:\\d{1,18}}/organisations")
class MeetingEncounterController {

    static final int RESULTS = 20;

    private final MeetingManagement management;
    private final MeetingEncounters encounters;
    private final MeetingViews views;
    private final OrganisationDirectory organisations;
    private final TerritoryDirectory territories;

    MeetingEncounterController(MeetingManagement management, MeetingEncounters encounters, MeetingViews views,
                               OrganisationDirectory organisations, TerritoryDirectory territories) {
        this.management = management;
        this.encounters = encounters;
        this.views = views;
        this.organisations = organisations;
        this.territories = territories;
    }

    /** The organisation typed in to be created, as typed. */
    record NewOrganisation(String name, String kind, String territory, String siren, String note) {
    }

    @GetMapping
    String page(@PathVariable long id, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "territory") String where, @AuthenticationPrincipal AgoraUser user,
                Model model, HttpServletResponse response) {
        Meeting meeting = management.managed(user, id);
        String query = q.strip();
        List<OrganisationView> results = List.of();
        if (query.length() > 100) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("searchError", "meetings.encounters.search.length");
        } else if (!query.isEmpty()) {
            results = "anywhere".equals(where) ? organisations.searchAnywhere(query, RESULTS)
                    : organisations.search(query, meeting.territoryId(), RESULTS);
        }
        model.addAttribute("q", query);
        model.addAttribute("where", "anywhere".equals(where) ? "anywhere" : "territory");
        model.addAttribute("results", results);
        model.addAttribute("searched", !query.isEmpty() && query.length() <= 100);
        return page(model, meeting, new NewOrganisation(query, "", Long.toString(defaultTerritory(meeting)), "", ""), Map.of());
    }

    @PostMapping
    String add(@PathVariable long id, @RequestParam(defaultValue = "") String organisation,
               @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal AgoraUser user,
               RedirectAttributes redirect) {
        Long organisationId = MeetingController.positive(organisation);
        if (organisationId == null) {
            throw new MeetingRefused("meetings.encounters.organisation.unknown", org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        boolean added = encounters.record(user, id, new OrganisationId(organisationId), note);
        redirect.addFlashAttribute("flash", added ? "meetings.encounters.flash.added" : "meetings.encounters.flash.already");
        return "redirect:/admin/meetings/" + id + "/organisations";
    }

    @PostMapping("/new")
    String create(@PathVariable long id, NewOrganisation form, @AuthenticationPrincipal AgoraUser user, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        Meeting meeting = management.managed(user, id);
        Map<String, String> problems = new LinkedHashMap<>();
        OrganisationKind kind = kind(form.kind());
        Long territoryId = MeetingController.positive(form.territory());
        if (territoryId == null || territories.find(territoryId).isEmpty()) {
            problems.put("territory", "organisations.error.territory");
        }
        String note = form.note() == null ? "" : form.note().strip();
        if (note.length() > MeetingEncounters.NOTE_MAX) {
            problems.put("note", "meetings.encounters.note.length");
        }
        if (problems.isEmpty()) {
            try {
                OrganisationId created = organisations.create(user, new OrganisationDraft(form.name(), kind, territoryId,
                        blankToNull(form.siren()), null));
                encounters.record(user, id, created, note);
                redirect.addFlashAttribute("flash", "meetings.encounters.flash.added");
                return "redirect:/admin/meetings/" + id + "/organisations";
            } catch (OrganisationRefused refused) {
                refused.problems().forEach((field, key) -> problems.put("scopeId".equals(field) ? "territory" : field, key));
            }
        } else if (kind == null) {
            problems.put("kind", "organisations.error.kind");
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("q", "");
        model.addAttribute("where", "territory");
        model.addAttribute("results", List.of());
        model.addAttribute("searched", false);
        return page(model, meeting, form, problems);
    }

    @PostMapping("/{encounterId:\\d{1,18}}/remove")
    String remove(@PathVariable long id, @PathVariable long encounterId, @AuthenticationPrincipal AgoraUser user,
                  RedirectAttributes redirect) {
        encounters.remove(user, id, encounterId);
        redirect.addFlashAttribute("flash", "meetings.encounters.flash.removed");
        return "redirect:/admin/meetings/" + id + "/organisations";
    }

    private String page(Model model, Meeting meeting, NewOrganisation form, Map<String, String> problems) {
        model.addAttribute("meeting", views.card(meeting));
        model.addAttribute("encounters", encounters.of(meeting.id()));
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("kinds", OrganisationKind.values());
        List<TerritoryView> choices = new ArrayList<>(territories.scopes());
        if (meeting.communeId() != null) {
            territories.find(meeting.communeId()).ifPresent(commune -> choices.addFirst(commune));
        }
        model.addAttribute("territories", choices);
        model.addAttribute("noteMax", MeetingEncounters.NOTE_MAX);
        return "meetings/admin-organisations";
    }

    /** The commune of the meeting when it has one (an organisation is usually local), else its territory. */
    private static long defaultTerritory(Meeting meeting) {
        return meeting.communeId() != null ? meeting.communeId() : meeting.territoryId();
    }

    private static OrganisationKind kind(String name) {
        try {
            return name == null || name.isBlank() ? null : OrganisationKind.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
