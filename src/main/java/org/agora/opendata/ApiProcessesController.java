package org.agora.opendata;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.agora.processes.PublicProcess;
import org.agora.shared.ResultPage;
import org.agora.territories.TerritoryView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiProcessesController implements ApiEndpoint {

    private final ApiLookups lookups;

    ApiProcessesController(ApiLookups lookups) {
        this.lookups = lookups;
    }

    @Tag(name = "Processes")
    @Operation(operationId = "listProcesses", summary = "List the public processes",
            description = "Published and closed processes, latest first, optionally those of a territory or below it.")
    @GetMapping("/processes")
    ResponseEntity<ApiPage<ApiSchemas.Process>> processes(
            @Parameter(description = "Only processes of this territory or of a territory below it.", example = "12")
            @RequestParam(required = false) Long territory,
            @Parameter(description = "Page number, from 0.", example = "0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Items per page, 1 to 100 (default 20).", example = "20") @RequestParam(required = false) Integer size,
            HttpServletRequest request) {
        ApiPaging.Window window = ApiPaging.window(page, size);
        Set<Long> within = ApiPaging.territoryAndBelow(lookups.territories(), territory);
        List<PublicProcess> all = lookups.publicProcesses().values().stream()
                .filter(process -> within == null || within.contains(process.territoryId())).toList();
        ResultPage<PublicProcess> slice = ResultPage.of(all, window.offset(), window.size());
        var territories = lookups.territoryRefs(slice.items().stream().map(PublicProcess::territoryId).toList());
        return ApiPaging.respond(request, window, slice.map(process -> view(process, territories.get(process.territoryId()))));
    }

    @Tag(name = "Processes")
    @Operation(operationId = "getProcess", summary = "One public process, by its slug")
    @GetMapping("/processes/{slug}")
    ApiSchemas.Process process(@Parameter(description = "The process's slug.", example = "budget-participatif-2026")
                               @PathVariable String slug) {
        PublicProcess process = lookups.publicProcesses().values().stream().filter(p -> p.slug().equals(slug)).findFirst()
                .orElseThrow(() -> ApiException.notFound("No public process has the slug '" + slug + "'."));
        return view(process, lookups.territoryRefs(List.of(process.territoryId())).get(process.territoryId()));
    }

    @Tag(name = "Territories")
    @Operation(operationId = "listTerritories", summary = "List the territories that scope processes",
            description = "The region(s), départements and living areas, tree-ordered (communes are reached by id).")
    @GetMapping("/territories")
    ResponseEntity<ApiPage<ApiSchemas.Territory>> territories(
            @Parameter(description = "Page number, from 0.", example = "0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Items per page, 1 to 100 (default 20).", example = "20") @RequestParam(required = false) Integer size,
            HttpServletRequest request) {
        ApiPaging.Window window = ApiPaging.window(page, size);
        return ApiPaging.respond(request, window, ResultPage.of(lookups.territories().scopes(), window.offset(),
                window.size()).map(ApiProcessesController::territory));
    }

    @Tag(name = "Territories")
    @Operation(operationId = "getTerritory", summary = "One territory, by its id")
    @GetMapping("/territories/{id}")
    ApiSchemas.Territory territory(@Parameter(description = "The territory's id.", example = "12") @PathVariable long id) {
        return lookups.territories().find(id).map(ApiProcessesController::territory)
                .orElseThrow(() -> ApiException.notFound("No territory has the id " + id + "."));
    }

    private static ApiSchemas.Territory territory(TerritoryView view) {
        return new ApiSchemas.Territory(view.id(), view.kind().name(), view.code(), view.name(), view.parentId(),
                view.postalCodes());
    }

    private ApiSchemas.Process view(PublicProcess process, ApiSchemas.TerritoryRef territory) {
        return new ApiSchemas.Process(process.slug(), process.title(), process.summary(), process.description(),
                territory, process.closed() ? "CLOSED" : "OPEN", process.publishedAt(), lookups.url(process.path()));
    }
}
