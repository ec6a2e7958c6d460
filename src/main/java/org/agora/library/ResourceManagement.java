package org.agora.library;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.agora.accounts.AgoraUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.agora.library.InitiativeManagement.isStaff;
import static org.agora.library.InitiativeManagement.requireStaff;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Staff manage the resources; everyone reads the published ones. */
@Service
class ResourceManagement {

    private final Resources resources;
    private final Clock clock;

    ResourceManagement(Resources resources, Clock clock) {
        this.resources = resources;
        this.clock = clock;
    }

    /** Creates a resource, published at once when {@code publish}. */
    @Transactional
    long create(AgoraUser staff, ResourceDraft draft, boolean publish) {
        requireStaff(staff);
        check(draft);
        Instant now = now();
        return resources.insert(draft, staff.id().value(), now, publish ? now : null);
    }

    @Transactional
    void update(AgoraUser staff, long id, ResourceDraft draft) {
        requireStaff(staff);
        require(id);
        check(draft);
        resources.update(id, draft, now());
    }

    /** Publishes (keeping the first publication date) or withdraws a resource. */
    @Transactional
    void publish(AgoraUser staff, long id, boolean publish) {
        requireStaff(staff);
        require(id);
        resources.publish(id, publish, now());
    }

    @Transactional
    void attach(AgoraUser staff, long id, LibraryFiles.Upload upload) {
        requireStaff(staff);
        require(id);
        LibraryFiles.Checked file = LibraryFiles.check(upload, "file");
        if (resources.files(id).size() >= LibraryFiles.MAX_FILES) {
            throw LibraryRefused.of("file", "library.file.count");
        }
        resources.attach(id, file.contentType(), file.fileName(), file.bytes(), now());
    }

    @Transactional
    void removeFile(AgoraUser staff, long id, long fileId) {
        requireStaff(staff);
        resources.removeFile(id, fileId);
    }

    /** The resource if this viewer may see it: published, or any to staff. */
    @Transactional(readOnly = true)
    Optional<ResourceView> visible(AgoraUser viewer, long id) {
        return resources.find(id).filter(resource -> resource.published() || isStaff(viewer));
    }

    @Transactional(readOnly = true)
    List<ResourceView> all(AgoraUser staff) {
        requireStaff(staff);
        return resources.all();
    }

    List<Resources.FileInfo> files(long id) {
        return resources.files(id);
    }

    @Transactional(readOnly = true)
    Optional<Initiatives.StoredFile> file(AgoraUser viewer, long id, long fileId) {
        return visible(viewer, id).flatMap(resource -> resources.file(id, fileId));
    }

    record Hit(ResourceView resource, int score, List<Matches.Part> title, List<Matches.Part> excerpt) {
    }

    record Results(List<Hit> hits, int total, int page, int totalPages) {
    }

    /** Published resources of this kind and theme holding every word, best first (else newest first), paginated. */
    @Transactional(readOnly = true)
    Results search(String query, ResourceKind kind, String theme, int page) {
        List<String> words = Matches.words(query);
        List<Hit> hits = new java.util.ArrayList<>();
        for (ResourceView resource : resources.published(kind, theme == null || theme.isBlank() ? null
                : Matches.lower(theme.strip()), words)) {
            int score = Matches.score(resource.title(), words, 8)
                    + Matches.score(String.join(" ", resource.themes()), words, 5)
                    + Matches.score(resource.summary(), words, 3);
            hits.add(new Hit(resource, score, Matches.highlight(resource.title(), words, 1000),
                    Matches.highlight(resource.summary(), words, 240)));
        }
        if (!words.isEmpty()) {
            hits.sort(java.util.Comparator.comparingInt(Hit::score).reversed());
        }
        int size = InitiativeCatalogue.PAGE_SIZE;
        int totalPages = Math.max(1, (hits.size() + size - 1) / size);
        int current = Math.min(Math.max(page, 1), totalPages);
        int from = (current - 1) * size;
        return new Results(hits.subList(from, Math.min(hits.size(), from + size)), hits.size(), current, totalPages);
    }

    @Transactional(readOnly = true)
    java.util.Map<String, Long> themes() {
        java.util.Map<String, Long> themes = new java.util.LinkedHashMap<>();
        resources.publishedThemes().forEach(entry -> themes.put(entry.getKey(), entry.getValue()));
        return themes;
    }

    private void check(ResourceDraft draft) {
        if (!draft.problems().isEmpty()) {
            throw new LibraryRefused(draft.problems());
        }
    }

    private ResourceView require(long id) {
        return resources.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
