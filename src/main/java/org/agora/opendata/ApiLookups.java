package org.agora.opendata;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.agora.accounts.AccountId;
import org.agora.accounts.PublicAuthors;
import org.agora.processes.ProcessCatalog;
import org.agora.processes.ProcessId;
import org.agora.processes.PublicProcess;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What every API list needs around its items, fetched once per page: processes, territory names, public names. */
@Component
class ApiLookups {

    private final ProcessCatalog processes;
    private final TerritoryDirectory territories;
    private final PublicAuthors authors;
    private final String baseUrl;

    ApiLookups(ProcessCatalog processes, TerritoryDirectory territories, PublicAuthors authors,
               @Value("${agora.base-url}") String baseUrl) {
        this.processes = processes;
        this.territories = territories;
        this.authors = authors;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String url(String path) {
        return baseUrl + path;
    }

    TerritoryDirectory territories() {
        return territories;
    }

    Map<ProcessId, PublicProcess> publicProcesses() {
        return processes.allPublic().stream().collect(Collectors.toMap(PublicProcess::id, process -> process,
                (one, other) -> one, java.util.LinkedHashMap::new));
    }

    /** The public process with this slug, for a filter; a 400 naming the parameter when there is none. */
    PublicProcess processFilter(String slug) {
        return processes.allPublic().stream().filter(process -> process.slug().equals(slug)).findFirst()
                .orElseThrow(() -> ApiException.badParameter("process", "no public process has the slug '" + slug + "'."));
    }

    Map<Long, ApiSchemas.TerritoryRef> territoryRefs(Collection<Long> ids) {
        Map<Long, ApiSchemas.TerritoryRef> refs = new HashMap<>();
        territories.findAll(Set.copyOf(ids)).forEach((id, view) -> refs.put(id, ref(view)));
        return refs;
    }

    static ApiSchemas.TerritoryRef ref(TerritoryView view) {
        return new ApiSchemas.TerritoryRef(view.id(), view.name());
    }

    Map<AccountId, String> publicNames(Collection<AccountId> accounts) {
        return accounts.isEmpty() ? Map.of() : authors.publicNames(accounts);
    }
}
