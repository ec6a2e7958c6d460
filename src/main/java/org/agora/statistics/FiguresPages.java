package org.agora.statistics;

import java.util.ArrayList;
import java.util.List;

import org.agora.processes.ProcessCatalog;
import org.agora.shared.PublicPages;
import org.agora.territories.TerritoryDirectory;
import org.springframework.stereotype.Component;

/** The figures pages for the sitemap: the instance's, each public process's, each region's, département's and living area's. */
@Component
class FiguresPages implements PublicPages {

    private final ProcessCatalog processes;
    private final TerritoryDirectory territories;

    FiguresPages(ProcessCatalog processes, TerritoryDirectory territories) {
        this.processes = processes;
        this.territories = territories;
    }

    @Override
    public List<String> publicPaths() {
        List<String> paths = new ArrayList<>(List.of("/chiffres"));
        processes.allPublic().forEach(process -> paths.add("/chiffres?process=" + process.slug()));
        territories.scopes().forEach(territory -> paths.add("/chiffres?territory=" + territory.id()));
        return paths;
    }
}
