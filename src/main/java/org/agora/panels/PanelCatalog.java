package org.agora.panels;

import org.agora.shared.PublicPages;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/** Read-only view of the public panels for other modules (the sitemap). */
@Service
public class PanelCatalog implements PublicPages {

    private final Panels panels;

    PanelCatalog(Panels panels) {
        this.panels = panels;
    }

    /** The panels list, each public panel's page and, once its lottery is published, its verification page. */
    public List<String> publicPaths() {
        List<String> paths = new ArrayList<>(List.of("/panels"));
        for (Panel panel : panels.publicPanels()) {
            paths.add("/panels/" + panel.slug());
            if (panel.lotterySha256() != null) {
                paths.add("/panels/" + panel.slug() + "/verification");
            }
        }
        return paths;
    }
}
