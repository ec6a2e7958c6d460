package org.agora.newsletter;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class ArchivePaths implements NewsletterArchive {

    private final Editions editions;

    ArchivePaths(Editions editions) {
        this.editions = editions;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> publicPaths() {
        List<String> paths = new ArrayList<>(List.of("/newsletter", "/newsletter/archives"));
        editions.findSent().forEach(edition -> paths.add("/newsletter/archives/" + edition.getId()));
        return paths;
    }
}
