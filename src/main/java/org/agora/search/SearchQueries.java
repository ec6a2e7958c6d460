package org.agora.search;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the public finds: never a hidden entry, nor one whose parent is hidden. */
@Service
@Transactional(readOnly = true)
class SearchQueries {

    static final int PAGE_SIZE = 10;
    static final int SIMILAR_LIMIT = 5;
    private static final int EXCERPT_LENGTH = 240;

    /** Filters as chosen on the page, already checked; null means "any". */
    record Criteria(String text, String type, Long processId, Long territoryId, String theme, String status) {
    }

    /** One result; {@code titleHtml} and {@code excerptHtml} are escaped HTML with {@code <mark>} around matches. */
    record Hit(String type, String path, String titleHtml, String excerptHtml, String reference, boolean withdrawn,
               boolean answered, Instant publishedAt) {
    }

    record Results(List<Hit> hits, long total, int page, int totalPages) {
    }

    record Similar(String reference, String title, String path) {
    }

    @PersistenceContext
    private EntityManager entityManager;

    /** One page (1-based) of results, best match first. */
    Results search(Criteria criteria, int page) {
        SearchSession session = Search.session(entityManager);
        SearchResult<Hit> result = session.search(SearchEntry.class)
                .select(f -> f.composite(SearchQueries::hit, f.entity(SearchEntry.class), f.highlight("title"),
                        f.highlight("body")))
                .where(f -> f.bool().with(bool -> {
                    bool.must(f.simpleQueryString().field("title").boost(2f).field("body")
                            .matching(criteria.text()).defaultOperator(BooleanOperator.AND));
                    bool.filter(f.match().field("hidden").matching(false));
                    bool.filter(f.match().field("parentHidden").matching(false));
                    if (criteria.type() != null) {
                        bool.filter(f.match().field("resourceType").matching(criteria.type()));
                    }
                    if (criteria.processId() != null) {
                        bool.filter(f.match().field("processId").matching(criteria.processId()));
                    }
                    if (criteria.territoryId() != null) {
                        bool.filter(f.match().field("territoryPath").matching(criteria.territoryId().toString()));
                    }
                    if (criteria.theme() != null) {
                        bool.filter(f.match().field("theme").matching(criteria.theme()));
                    }
                    if ("answered".equals(criteria.status())) {
                        bool.filter(f.match().field("answered").matching(true));
                    } else if (criteria.status() != null) {
                        bool.filter(f.match().field("resourceType").matching(SearchEntry.PROPOSAL));
                        bool.filter(f.match().field("status").matching(criteria.status()));
                    }
                }))
                .highlighter(f -> f.unified().tag(String.valueOf(Highlights.START), String.valueOf(Highlights.END))
                        .numberOfFragments(1))
                .fetch((page - 1) * PAGE_SIZE, PAGE_SIZE);
        long total = result.total().hitCount();
        int totalPages = (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
        return new Results(result.hits(), total, page, totalPages);
    }

    /** Up to five visible published proposals of the process whose title or text resemble this title. */
    List<Similar> similar(long processId, String title) {
        return Search.session(entityManager).search(SearchEntry.class)
                .where(f -> f.bool().with(bool -> {
                    bool.must(f.match().field("title").boost(2f).field("body").matching(title)
                            .analyzer(FrenchAnalysis.FRENCH_WITHOUT_STOP_WORDS));
                    bool.filter(f.match().field("resourceType").matching(SearchEntry.PROPOSAL));
                    bool.filter(f.match().field("processId").matching(processId));
                    bool.filter(f.match().field("status").matching("published"));
                    bool.filter(f.match().field("hidden").matching(false));
                }))
                .fetchHits(SIMILAR_LIMIT).stream()
                .map(entry -> new Similar(entry.reference(), entry.label(), entry.path())).toList();
    }

    private static Hit hit(SearchEntry entry, List<String> title, List<String> body) {
        String titleHtml = title.isEmpty() ? Highlights.opening(entry.label(), 300) : Highlights.toHtml(title.getFirst());
        String excerptHtml = body.isEmpty() ? Highlights.opening(entry.body(), EXCERPT_LENGTH)
                : Highlights.toHtml(body.getFirst());
        return new Hit(entry.resourceType(), entry.path(), titleHtml, excerptHtml, entry.reference(), entry.withdrawn(),
                entry.answered(), entry.publishedAt());
    }
}
