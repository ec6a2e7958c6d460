package org.agora.opendata;

import java.util.ArrayList;
import java.util.List;

import org.agora.shared.PublicPages;
import org.springframework.stereotype.Component;

/** The open data page and each dataset's schema page, for the sitemap. */
@Component
class OpenDataPages implements PublicPages {

    private final OpenDataBuilds builds;

    OpenDataPages(OpenDataBuilds builds) {
        this.builds = builds;
    }

    @Override
    public List<String> publicPaths() {
        List<String> paths = new ArrayList<>(List.of("/donnees"));
        builds.datasets().forEach(dataset -> paths.add("/donnees/" + dataset.name()));
        return paths;
    }
}
