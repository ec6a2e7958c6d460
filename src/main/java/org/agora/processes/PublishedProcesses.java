package org.agora.processes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.agora.accounts.AgoraUser;
import org.agora.shared.Clocks;
import org.agora.shared.Markdown;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the public sees of processes, and the catalogue other modules read. */
@Service
@Transactional(readOnly = true)
class PublishedProcesses implements ProcessCatalog {

    static final int PAGE_SIZE = 20;

    /** Which processes a list shows, by their dates as seen from Paris today. */
    enum When {
        CURRENT, UPCOMING, PAST;

        static When parse(String value) {
            if (value == null || value.isBlank()) {
                return CURRENT;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "current" -> CURRENT;
                case "upcoming" -> UPCOMING;
                case "past" -> PAST;
                default -> null;
            };
        }

        String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Processes processes;
    private final ProcessImages images;
    private final TerritoryDirectory territories;
    private final ProcessPermissions permissions;
    private final Clock clock;

    PublishedProcesses(Processes processes, ProcessImages images, TerritoryDirectory territories,
                       ProcessPermissions permissions, Clock clock) {
        this.processes = processes;
        this.images = images;
        this.territories = territories;
        this.permissions = permissions;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.PARIS));
    }

    @Override
    public List<ProcessCard> current(int limit) {
        LocalDate today = today();
        Specification<ParticipatoryProcess> openOrComing = (root, query, cb) -> cb.and(
                cb.equal(root.get("status"), ProcessStatus.PUBLISHED),
                cb.greaterThanOrEqualTo(root.get("endsOn"), today));
        return processes.findAll(openOrComing, PageRequest.of(0, Math.max(1, limit),
                        Sort.by("startsOn", "endsOn", "id")))
                .map(process -> card(process, today)).getContent();
    }

    @Override
    public List<String> publishedSlugs() {
        return processes.findByStatusInOrderByStartsOnDesc(List.of(ProcessStatus.PUBLISHED, ProcessStatus.CLOSED))
                .stream().map(ParticipatoryProcess::slug).toList();
    }

    @Override
    public Optional<PublicProcess> findPublic(ProcessId id) {
        return processes.findById(id.value()).filter(ParticipatoryProcess::isPublic).map(PublishedProcesses::publicView);
    }

    @Override
    public List<PublicProcess> allPublic() {
        return processes.findByStatusInOrderByStartsOnDesc(List.of(ProcessStatus.PUBLISHED, ProcessStatus.CLOSED))
                .stream().map(PublishedProcesses::publicView).toList();
    }

    private static PublicProcess publicView(ParticipatoryProcess process) {
        return new PublicProcess(process.processId(), process.slug(), process.title(), process.summary(),
                process.description(), process.territoryId(), process.status() == ProcessStatus.CLOSED,
                process.publishedAt());
    }

    /**
     * One page of public processes. A territory filter keeps the processes scoped to that territory, to any
     * territory within it, and to any territory containing it: choosing Loiret shows Loiret's processes, its living
     * areas' and the region-wide ones.
     */
    Page<ProcessCard> list(When when, Long territoryId, int page) {
        LocalDate today = today();
        Specification<ParticipatoryProcess> spec = switch (when) {
            case CURRENT -> (root, query, cb) -> cb.and(cb.equal(root.get("status"), ProcessStatus.PUBLISHED),
                    cb.lessThanOrEqualTo(root.get("startsOn"), today), cb.greaterThanOrEqualTo(root.get("endsOn"), today));
            case UPCOMING -> (root, query, cb) -> cb.and(cb.equal(root.get("status"), ProcessStatus.PUBLISHED),
                    cb.greaterThan(root.get("startsOn"), today));
            case PAST -> (root, query, cb) -> cb.or(cb.equal(root.get("status"), ProcessStatus.CLOSED),
                    cb.and(cb.equal(root.get("status"), ProcessStatus.PUBLISHED), cb.lessThan(root.get("endsOn"), today)));
        };
        if (territoryId != null) {
            Set<Long> related = related(territoryId);
            spec = spec.and((root, query, cb) -> root.get("territoryId").in(related));
        }
        Sort sort = switch (when) {
            case CURRENT -> Sort.by("endsOn", "startsOn", "id");
            case UPCOMING -> Sort.by("startsOn", "endsOn", "id");
            case PAST -> Sort.by(Sort.Direction.DESC, "endsOn", "id");
        };
        return processes.findAll(spec, PageRequest.of(page, PAGE_SIZE, sort)).map(process -> card(process, today));
    }

    private Set<Long> related(long territoryId) {
        Set<Long> related = new HashSet<>(territories.selfAndDescendants(territoryId));
        Optional<TerritoryView> ancestor = territories.find(territoryId);
        while (ancestor.isPresent()) {
            related.add(ancestor.get().id());
            ancestor = Optional.ofNullable(ancestor.get().parentId()).flatMap(territories::find);
        }
        return related;
    }

    /** The public page of a process; a draft only for the people who manage it. */
    Optional<ProcessPage> page(String slug, AgoraUser viewer) {
        LocalDate today = today();
        return processes.findBySlug(slug)
                .filter(process -> process.isPublic() || permissions.canManage(viewer, process))
                .map(process -> new ProcessPage(process.slug(), process.title(), process.summary(),
                        Markdown.toHtml(process.description()), territoryName(process.territoryId()),
                        process.status(), process.phases(), process.currentPhaseIndex(today), process.startsOn(),
                        process.endsOn(), process.hasImage() ? process.imageVersion() : null, process.imageAlt(),
                        process.features(), process.id(), permissions.canManage(viewer, process)));
    }

    Optional<Image> image(String slug, AgoraUser viewer) {
        return processes.findBySlug(slug)
                .filter(ParticipatoryProcess::hasImage)
                .filter(process -> process.isPublic() || permissions.canManage(viewer, process))
                .flatMap(process -> images.findById(process.id())
                        .map(image -> new Image(image.contentType(), image.data(), process.isPublic())));
    }

    private ProcessCard card(ParticipatoryProcess process, LocalDate today) {
        return new ProcessCard(process.slug(), process.title(), process.summary(), territoryName(process.territoryId()),
                ProcessManagement.currentPhaseName(process, today), process.startsOn(), process.endsOn());
    }

    private String territoryName(long territoryId) {
        return territories.find(territoryId).map(TerritoryView::name).orElse(null);
    }

    record ProcessPage(String slug, String title, String summary, String descriptionHtml, String territoryName,
                       ProcessStatus status, List<Phase> phases, int currentPhaseIndex, LocalDate startsOn,
                       LocalDate endsOn, Long imageVersion, String imageAlt, Set<ProcessFeature> features, long id,
                       boolean manageable) {

        public boolean isDraft() {
            return status == ProcessStatus.DRAFT;
        }
    }

    record Image(String contentType, byte[] data, boolean isPublic) {
    }
}
