package org.agora.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.agora.shared.Clocks;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the index on the first start (after the demo data, which arrives without events) and when the Lucene
 * directory was lost, and rebuilds everything on an administrator's request.
 */
@Component
@Order(100)
class SearchIndex implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    record Rebuilt(int entries, Duration took) {
    }

    private final SearchIndexer indexer;
    private final EntityManagerFactory entityManagerFactory;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SearchIndex(SearchIndexer indexer, EntityManagerFactory entityManagerFactory, JdbcTemplate jdbc, Clock clock) {
        this.indexer = indexer;
        this.entityManagerFactory = entityManagerFactory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The first start rebuilds everything: the demo data arrives without events for its proposals. Later starts only
     * re-index the stored entries when the Lucene directory does not hold as many documents as there are entries
     * (lost, moved, or older than a restored database).
     */
    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (lastRebuild().isEmpty()) {
            Rebuilt rebuilt = rebuild();
            log.info("Search index built: {} entries in {} ms", rebuilt.entries(), rebuilt.took().toMillis());
        } else if (documents() != indexer.count()) {
            massIndex();
            log.info("Search index rebuilt from the {} stored entries", indexer.count());
        }
    }

    /** Copies every public text again from the modules, then re-indexes all entries. */
    synchronized Rebuilt rebuild() throws InterruptedException {
        long start = System.nanoTime();
        int entries = indexer.rebuildEntries();
        massIndex();
        Rebuilt rebuilt = new Rebuilt(entries, Duration.ofNanos(System.nanoTime() - start));
        jdbc.update("INSERT INTO search_rebuilds (finished_at, entries, took_ms) VALUES (?, ?, ?)",
                Timestamp.from(clock.instant()), entries, rebuilt.took().toMillis());
        return rebuilt;
    }

    /** When the last full rebuild finished, if there was one. */
    Optional<ZonedDateTime> lastRebuild() {
        return jdbc.queryForList("SELECT finished_at FROM search_rebuilds ORDER BY id DESC LIMIT 1", Timestamp.class)
                .stream().findFirst().map(at -> at.toInstant().atZone(Clocks.PARIS));
    }

    private void massIndex() throws InterruptedException {
        Search.mapping(entityManagerFactory).scope(SearchEntry.class).massIndexer()
                .threadsToLoadObjects(1).startAndWait();
    }

    long documents() {
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            return Search.session(entityManager).search(SearchEntry.class).where(f -> f.matchAll()).fetchTotalHitCount();
        }
    }

    long entries() {
        return indexer.count();
    }
}
