package org.agora.search;

import java.time.Duration;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
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

    SearchIndex(SearchIndexer indexer, EntityManagerFactory entityManagerFactory) {
        this.indexer = indexer;
        this.entityManagerFactory = entityManagerFactory;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (indexer.count() == 0) {
            Rebuilt rebuilt = rebuild();
            log.info("Search index built: {} entries in {} ms", rebuilt.entries(), rebuilt.took().toMillis());
        } else if (documents() == 0) {
            massIndex();
            log.info("Search index rebuilt from the {} stored entries", indexer.count());
        }
    }

    /** Copies every public text again from the modules, then re-indexes all entries. */
    synchronized Rebuilt rebuild() throws InterruptedException {
        long start = System.nanoTime();
        int entries = indexer.rebuildEntries();
        massIndex();
        return new Rebuilt(entries, Duration.ofNanos(System.nanoTime() - start));
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
