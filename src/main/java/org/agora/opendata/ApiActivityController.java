package org.agora.opendata;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.agora.accountability.AnswerListing;
import org.agora.meetings.MeetingListing;
import org.agora.panels.PanelListing;
import org.agora.processes.ProcessId;
import org.agora.processes.PublicProcess;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meetings, the strategy's work programmes and the citizens' panels. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiActivityController implements ApiEndpoint {

    private final MeetingListing meetings;
    private final AnswerListing strategy;
    private final PanelListing panels;
    private final ApiLookups lookups;

    ApiActivityController(MeetingListing meetings, AnswerListing strategy, PanelListing panels, ApiLookups lookups) {
        this.meetings = meetings;
        this.strategy = strategy;
        this.panels = panels;
        this.lookups = lookups;
    }

    @Tag(name = "Meetings")
    @Operation(operationId = "listMeetings", summary = "List the public meetings",
            description = "Published and cancelled meetings that are not by invitation, soonest first; dates bound the start time.")
    @GetMapping("/meetings")
    ResponseEntity<ApiPage<ApiSchemas.Meeting>> meetings(
            @Parameter(description = "Only the meetings of this process (its slug).", example = "budget-participatif-2026")
            @RequestParam(required = false) String process,
            @Parameter(description = "Only the meetings of this territory or of a territory below it (its id).", example = "12")
            @RequestParam(required = false) Long territory,
            @Parameter(description = "Starting at or after (date or date-time).", example = "2026-01-01")
            @RequestParam(required = false) String from,
            @Parameter(description = "Starting before (date or date-time).", example = "2026-12-31")
            @RequestParam(required = false) String to,
            @Parameter(description = "Page number, from 0.", example = "0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Items per page, 1 to 100 (default 20).", example = "20") @RequestParam(required = false) Integer size,
            HttpServletRequest request) {
        ApiPaging.Window window = ApiPaging.window(page, size);
        Long processId = process == null || process.isBlank() ? null : lookups.processFilter(process.strip()).id().value();
        Instant start = ApiPaging.instant("from", from);
        Instant end = ApiPaging.instant("to", to);
        ApiPaging.ordered("from", start, "to", end);
        var slice = meetings.list(new MeetingListing.Query(processId,
                ApiPaging.territoryAndBelow(lookups.territories(), territory), start, end, window.offset(), window.size()));
        Map<ProcessId, PublicProcess> processes = lookups.publicProcesses();
        var territories = lookups.territoryRefs(slice.items().stream().map(MeetingListing.Listed::territoryId).toList());
        return ApiPaging.respond(request, window, slice.map(meeting -> new ApiSchemas.Meeting(meeting.id().value(),
                meeting.title(), meeting.description(), meeting.kind().name(), meeting.format().name(),
                meeting.startsAt(), meeting.endsAt(), slug(processes, meeting.processId()),
                territories.get(meeting.territoryId()), meeting.address(), meeting.cancelled(), meeting.capacity(),
                meeting.registered(), lookups.url(meeting.path()))));
    }

    @Tag(name = "Work programmes")
    @Operation(operationId = "listWorkProgrammes", summary = "List the work programmes of the strategy and their progress",
            description = "In the order of the strategy (ambition, objective), with milestones and how many proposals fed each.")
    @GetMapping("/work-programmes")
    ResponseEntity<ApiPage<ApiSchemas.WorkProgramme>> workProgrammes(
            @Parameter(description = "Page number, from 0.", example = "0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Items per page, 1 to 100 (default 20).", example = "20") @RequestParam(required = false) Integer size,
            HttpServletRequest request) {
        ApiPaging.Window window = ApiPaging.window(page, size);
        return ApiPaging.respond(request, window, strategy.workProgrammes(window.offset(), window.size()).map(this::programme));
    }

    @Tag(name = "Work programmes")
    @Operation(operationId = "getWorkProgramme", summary = "One work programme, by its slug")
    @GetMapping("/work-programmes/{slug}")
    ApiSchemas.WorkProgramme workProgramme(@Parameter(description = "The work programme's slug.",
            example = "mobilites-du-quotidien") @PathVariable String slug) {
        return strategy.workProgramme(slug).map(this::programme)
                .orElseThrow(() -> ApiException.notFound("No work programme has the slug '" + slug + "'."));
    }

    @Tag(name = "Panels")
    @Operation(operationId = "listPanels", summary = "List the citizens' panels and their public draws",
            description = "Latest first. Members appear only as the pseudonymised numbers of the published lottery.")
    @GetMapping("/panels")
    ResponseEntity<ApiPage<ApiSchemas.Panel>> panels(
            @Parameter(description = "Page number, from 0.", example = "0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Items per page, 1 to 100 (default 20).", example = "20") @RequestParam(required = false) Integer size,
            HttpServletRequest request) {
        ApiPaging.Window window = ApiPaging.window(page, size);
        var slice = panels.publicPanels(window.offset(), window.size());
        Map<ProcessId, PublicProcess> processes = lookups.publicProcesses();
        var territories = lookups.territoryRefs(slice.items().stream().map(PanelListing.PublicPanel::territoryId).toList());
        return ApiPaging.respond(request, window, slice.map(panel -> panel(panel, processes, territories)));
    }

    @Tag(name = "Panels")
    @Operation(operationId = "getPanel", summary = "One citizens' panel, by its slug")
    @GetMapping("/panels/{slug}")
    ApiSchemas.Panel panel(@Parameter(description = "The panel's slug.", example = "panel-citoyen-du-loiret")
                           @PathVariable String slug) {
        PanelListing.PublicPanel panel = panels.publicPanel(slug)
                .orElseThrow(() -> ApiException.notFound("No public panel has the slug '" + slug + "'."));
        return panel(panel, lookups.publicProcesses(), lookups.territoryRefs(List.of(panel.territoryId())));
    }

    private ApiSchemas.Panel panel(PanelListing.PublicPanel panel, Map<ProcessId, PublicProcess> processes,
                                   Map<Long, ApiSchemas.TerritoryRef> territories) {
        PanelListing.Draw draw = panel.draw();
        return new ApiSchemas.Panel(panel.slug(), panel.name(), panel.purpose(), territories.get(panel.territoryId()),
                slug(processes, panel.processId()), panel.size(), panel.status(), panel.recruitmentOpensAt(),
                panel.recruitmentClosesAt(), draw == null ? null : new ApiSchemas.Draw(draw.lotterySize(),
                        draw.lotterySha256(), draw.lotteryPublishedAt(), draw.seed(), draw.index(), draw.drawnAt(),
                        draw.drawnMembers(), draw.members(), draw.replacements().stream().map(replacement ->
                        new ApiSchemas.Replacement(replacement.at(), replacement.dropped(), replacement.replacement(),
                                replacement.seed())).toList()),
                lookups.url("/panels/" + panel.slug()));
    }

    private ApiSchemas.WorkProgramme programme(AnswerListing.WorkProgramme programme) {
        return new ApiSchemas.WorkProgramme(programme.slug(), programme.title(), programme.description(),
                programme.ambition(), programme.objective(), programme.status(), programme.progress(),
                programme.milestones().stream().map(milestone -> new ApiSchemas.Milestone(milestone.title(),
                        milestone.plannedOn(), milestone.reachedOn())).toList(), programme.proposalsFed(),
                lookups.url("/chantiers/" + programme.slug()));
    }

    private static String slug(Map<ProcessId, PublicProcess> processes, Long processId) {
        PublicProcess process = processId == null ? null : processes.get(new ProcessId(processId));
        return process == null ? null : process.slug();
    }
}
