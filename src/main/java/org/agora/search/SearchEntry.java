package org.agora.search;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * What the public can find of one process, proposal or comment: a copy of its texts and of what lists filter on,
 * refreshed from the owning module whenever it says something changed. Hidden entries stay (so that a restore needs
 * no other module) but are never returned to the public.
 */
@Entity
@Table(name = "search_entries")
@Indexed(index = "search-entry")
class SearchEntry {

    static final String PROCESS = "process";
    static final String PROPOSAL = "proposal";
    static final String COMMENT = "comment";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @KeywordField
    @Column(name = "resource_type")
    private String resourceType;

    @Column(name = "resource_id")
    private long resourceId;

    @Column(name = "parent_type")
    private String parentType;

    @Column(name = "parent_id")
    private Long parentId;

    @GenericField
    @Column(name = "process_id")
    private Long processId;

    @FullTextField(analyzer = FrenchAnalysis.FRENCH, projectable = Projectable.YES, highlightable = Highlightable.UNIFIED)
    private String title;

    /** What a result shows as its heading: the title, or for a comment the title of what it comments. */
    private String label;

    @FullTextField(analyzer = FrenchAnalysis.FRENCH, projectable = Projectable.YES, highlightable = Highlightable.UNIFIED)
    private String body;

    private String reference;

    @FullTextField(analyzer = FrenchAnalysis.IDS)
    @Column(name = "territory_path")
    private String territoryPath;

    @KeywordField
    private String theme;

    @KeywordField
    private String status;

    @GenericField
    private boolean answered;

    @GenericField
    private boolean hidden;

    @GenericField
    @Column(name = "parent_hidden")
    private boolean parentHidden;

    private String path;

    @GenericField(sortable = Sortable.YES)
    @Column(name = "published_at")
    private Instant publishedAt;

    protected SearchEntry() {
    }

    SearchEntry(String resourceType, long resourceId) {
        this.resourceType = resourceType;
        this.resourceId = resourceId;
    }

    /** Copies the resource's current texts and filters; {@code territoryPath} lists its territory and ancestors. */
    SearchEntry describe(String title, String label, String body, Long processId, String territoryPath, String theme,
                         String path, Instant publishedAt) {
        this.title = clean(title);
        this.label = label;
        this.body = clean(body);
        this.processId = processId;
        this.territoryPath = territoryPath;
        this.theme = theme;
        this.path = path;
        this.publishedAt = publishedAt;
        return this;
    }

    SearchEntry proposal(String reference, boolean withdrawn, boolean answered, boolean hidden) {
        this.reference = reference;
        this.status = withdrawn ? "withdrawn" : "published";
        this.answered = answered;
        this.hidden = hidden;
        return this;
    }

    SearchEntry process(boolean closed) {
        this.status = closed ? "closed" : "published";
        return this;
    }

    SearchEntry under(String parentType, Long parentId, boolean parentHidden) {
        this.parentType = parentType;
        this.parentId = parentId;
        this.parentHidden = parentHidden;
        return this;
    }

    void parentHidden(boolean parentHidden) {
        this.parentHidden = parentHidden;
    }

    /** The marks of highlighted excerpts are private-use characters: the indexed text may never contain them. */
    private static String clean(String text) {
        return text == null ? null : text.replace(Highlights.START, ' ').replace(Highlights.END, ' ');
    }

    Long id() { return id; }
    String resourceType() { return resourceType; }
    long resourceId() { return resourceId; }
    Long processId() { return processId; }
    String title() { return title; }
    String label() { return label; }
    String body() { return body; }
    String reference() { return reference; }
    String territoryPath() { return territoryPath; }
    String theme() { return theme; }
    String status() { return status; }
    boolean answered() { return answered; }
    boolean hidden() { return hidden; }
    boolean parentHidden() { return parentHidden; }
    String path() { return path; }
    Instant publishedAt() { return publishedAt; }

    boolean withdrawn() {
        return "withdrawn".equals(status);
    }
}
