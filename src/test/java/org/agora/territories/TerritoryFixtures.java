package org.agora.territories;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.agora.ReferenceTerritories;
import org.springframework.context.ApplicationContext;

/** Lets other modules' tests load territories through the (module-internal) importer. */
public final class TerritoryFixtures {

    private final TerritoryImporter importer;

    public TerritoryFixtures(ApplicationContext context) {
        this.importer = context.getBean(TerritoryImporter.class);
    }

    /** Imports a CSV text (header included); fails the test when the import is refused. */
    public void load(String csv) {
        load(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    public void loadCentreValDeLoire() {
        load(ReferenceTerritories.open());
    }

    private void load(InputStream in) {
        try (in) {
            ImportReport report = importer.importCsv(in);
            if (!report.succeeded()) {
                throw new IllegalStateException("Territories refused: " + report.problems());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
