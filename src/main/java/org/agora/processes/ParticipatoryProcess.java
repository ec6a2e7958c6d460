package org.agora.processes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A participatory process (démarche). Its state changes only through the methods below, which guard the rules:
 * phases are dated and ordered, a draft is published, a published process is closed, a closed one may be reopened.
 */
@Entity
@Table(name = "participatory_process")
class ParticipatoryProcess {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;
    private String title;
    private String summary;
    private String description;

    @Column(name = "territory_id")
    private long territoryId;

    @Enumerated(EnumType.STRING)
    private ProcessStatus status;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    /** Index in {@link #phases} chosen by staff as the current phase, whatever the dates say; null when dates decide. */
    @Column(name = "current_phase_override")
    private Integer currentPhaseOverride;

    @Column(name = "image_alt")
    private String imageAlt;

    /** Changes with every new image, so that its URL changes and caches can keep it for long. */
    @Column(name = "image_version")
    private Long imageVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "process_phase", joinColumns = @JoinColumn(name = "process_id"))
    @OrderColumn(name = "phase_index")
    private List<Phase> phases = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "process_feature", joinColumns = @JoinColumn(name = "process_id"))
    @Column(name = "feature")
    @Enumerated(EnumType.STRING)
    private Set<ProcessFeature> features = EnumSet.noneOf(ProcessFeature.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "process_theme", joinColumns = @JoinColumn(name = "process_id"))
    @OrderColumn(name = "theme_position")
    @Column(name = "name")
    private List<String> themes = new ArrayList<>();

    /** Most proposals one participant may support in this process; null for no limit. */
    @Column(name = "support_limit")
    private Integer supportLimit;

    /** Supports that mark a proposal for staff attention; null for none. */
    @Column(name = "support_threshold")
    private Integer supportThreshold;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected ParticipatoryProcess() {
    }

    ParticipatoryProcess(String slug, String title, String summary, String description, long territoryId,
                         List<Phase> phases, Set<ProcessFeature> features, Instant now) {
        this.status = ProcessStatus.DRAFT;
        this.createdAt = now;
        describe(slug, title, summary, description, territoryId);
        replacePhases(phases);
        useFeatures(features);
    }

    void describe(String slug, String title, String summary, String description, long territoryId) {
        this.slug = slug;
        this.title = title.strip();
        this.summary = summary.strip();
        this.description = description == null ? "" : description.strip();
        this.territoryId = territoryId;
    }

    /** Phases are kept in date order; the override is dropped when the phase it pointed at is no longer there. */
    void replacePhases(List<Phase> newPhases) {
        if (newPhases.isEmpty()) {
            throw new IllegalArgumentException("A process has at least one phase");
        }
        Phase overridden = currentPhaseOverride == null || currentPhaseOverride >= phases.size() ? null
                : phases.get(currentPhaseOverride);
        List<Phase> ordered = newPhases.stream()
                .sorted(Comparator.comparing(Phase::startsOn).thenComparing(Phase::endsOn)).toList();
        phases.clear();
        phases.addAll(ordered);
        startsOn = ordered.getFirst().startsOn();
        endsOn = ordered.stream().map(Phase::endsOn).max(Comparator.naturalOrder()).orElseThrow();
        int kept = overridden == null ? -1 : phases.indexOf(overridden);
        currentPhaseOverride = kept < 0 ? null : kept;
    }

    void useFeatures(Set<ProcessFeature> chosen) {
        features.clear();
        features.addAll(chosen);
    }

    /** Themes in the order given, without blanks or repeats; limit and threshold are positive or absent. */
    void useParticipationRules(List<String> newThemes, Integer limit, Integer threshold) {
        if (limit != null && limit < 1 || threshold != null && threshold < 1) {
            throw new IllegalArgumentException("Support limit and threshold are positive");
        }
        themes.clear();
        newThemes.stream().map(String::strip).filter(theme -> !theme.isEmpty()).distinct().forEach(themes::add);
        supportLimit = limit;
        supportThreshold = threshold;
    }

    /** The current phase when there is one and it allows proposals, and the process is published (not closed). */
    boolean proposalsOpen(LocalDate today) {
        int index = currentPhaseIndex(today);
        return status == ProcessStatus.PUBLISHED && index >= 0 && phases.get(index).proposalsOpen();
    }

    boolean supportsOpen(LocalDate today) {
        int index = currentPhaseIndex(today);
        return status == ProcessStatus.PUBLISHED && index >= 0 && phases.get(index).supportsOpen();
    }

    void publish(Instant now) {
        if (status != ProcessStatus.DRAFT) {
            throw new IllegalStateException("Only a draft can be published");
        }
        status = ProcessStatus.PUBLISHED;
        publishedAt = now;
    }

    void close(Instant now) {
        if (status != ProcessStatus.PUBLISHED) {
            throw new IllegalStateException("Only a published process can be closed");
        }
        status = ProcessStatus.CLOSED;
        closedAt = now;
    }

    void reopen() {
        if (status != ProcessStatus.CLOSED) {
            throw new IllegalStateException("Only a closed process can be reopened");
        }
        status = ProcessStatus.PUBLISHED;
        closedAt = null;
    }

    void overrideCurrentPhase(int index) {
        if (index < 0 || index >= phases.size()) {
            throw new IllegalArgumentException("No phase " + index);
        }
        currentPhaseOverride = index;
    }

    void letDatesDecideCurrentPhase() {
        currentPhaseOverride = null;
    }

    void showImage(String alt, long version) {
        imageAlt = alt.strip();
        imageVersion = version;
    }

    void describeImage(String alt) {
        imageAlt = alt == null || alt.isBlank() ? null : alt.strip();
    }

    void removeImage() {
        imageAlt = null;
        imageVersion = null;
    }

    /** The phase staff chose, otherwise the latest-started phase whose dates include the day; -1 when none. */
    int currentPhaseIndex(LocalDate today) {
        if (currentPhaseOverride != null && currentPhaseOverride < phases.size()) {
            return currentPhaseOverride;
        }
        for (int index = phases.size() - 1; index >= 0; index--) {
            if (phases.get(index).includes(today)) {
                return index;
            }
        }
        return -1;
    }

    boolean isPublic() {
        return status != ProcessStatus.DRAFT;
    }

    boolean hasImage() {
        return imageVersion != null;
    }

    boolean currentPhaseIsOverridden() {
        return currentPhaseOverride != null;
    }

    ProcessId processId() {
        return new ProcessId(id);
    }

    Long id() { return id; }
    String slug() { return slug; }
    String title() { return title; }
    String summary() { return summary; }
    String description() { return description; }
    long territoryId() { return territoryId; }
    ProcessStatus status() { return status; }
    LocalDate startsOn() { return startsOn; }
    LocalDate endsOn() { return endsOn; }
    String imageAlt() { return imageAlt; }
    Long imageVersion() { return imageVersion; }
    List<Phase> phases() { return List.copyOf(phases); }
    Set<ProcessFeature> features() { return features.isEmpty() ? Set.of() : EnumSet.copyOf(features); }
    Instant createdAt() { return createdAt; }
    Instant publishedAt() { return publishedAt; }
    List<String> themes() { return List.copyOf(themes); }
    Integer supportLimit() { return supportLimit; }
    Integer supportThreshold() { return supportThreshold; }
}
