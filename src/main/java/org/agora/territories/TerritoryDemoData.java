package org.agora.territories;

import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** On a first start with demo data, loads the Centre-Val de Loire reference file through the ordinary importer. */
@Component
@Order(10)
@ConditionalOnBooleanProperty("agora.demo-data")
class TerritoryDemoData implements ApplicationRunner {

    static final String REFERENCE_FILE = "territories/centre-val-de-loire.csv";
    private static final Logger log = LoggerFactory.getLogger(TerritoryDemoData.class);

    private final Territories territories;
    private final TerritoryImporter importer;

    TerritoryDemoData(Territories territories, TerritoryImporter importer) {
        this.territories = territories;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (territories.count() > 0) {
            return;
        }
        long started = System.nanoTime();
        ImportReport report;
        try (InputStream in = new ClassPathResource(REFERENCE_FILE).getInputStream()) {
            report = importer.importCsv(in);
        }
        if (!report.succeeded()) {
            throw new IllegalStateException("The reference territory file does not import: " + report.problems());
        }
        log.info("Imported {} territories from {} in {} ms", report.created(), REFERENCE_FILE,
                (System.nanoTime() - started) / 1_000_000);
    }
}
