package org.agora.shared;

import java.util.List;
import java.util.function.Consumer;

/**
 * A dataset a module publishes as open data under the Etalab Open Licence 2.0: its schema and its rows. The module
 * that owns the data declares it as a bean, so it decides what may be published: rows never carry personal data
 * (no email, no name of a person who did not choose to show a pseudonym; people appear as stable pseudonymous ids).
 * The open data module collects every bean of this type, writes the files and documents their schemas.
 */
public interface OpenDataset {

    /** Stable file name stem: lowercase letters, digits and hyphens ("proposals"). */
    String name();

    /** Message key of the dataset's title; {@code titleKey() + ".description"} describes it. */
    String titleKey();

    /** The columns, in the order of the values of each row. */
    List<Column> columns();

    /**
     * Streams every row, values in column order: {@code String}, {@code Long}/{@code Integer}, {@code BigDecimal},
     * {@code Boolean}, {@code LocalDate}, {@code Instant}, or {@code null}. Implementations read in pages or with a
     * cursor so that a dataset of millions of rows never sits in memory.
     */
    void forEachRow(Consumer<Object[]> row);

    /** A column: its name in the files, its type, and the message key describing it. */
    record Column(String name, Type type, String descriptionKey) {
    }

    enum Type { STRING, INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME }
}
