package org.agora.generator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads the territory file the application ships ({@code territories/centre-val-de-loire.csv}) into an empty territory
 * table. The territories module's importer is internal to it, so this reads the same file and writes the same columns:
 * parents before children (the file's order), the materialized path and the search form of the name.
 */
final class ReferenceTerritories {

    static final String FILE = "territories/centre-val-de-loire.csv";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ReferenceTerritories() {
    }

    /** Returns how many territories were loaded: none when the table already holds some. */
    static int loadIfEmpty(Connection connection) throws SQLException, IOException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM territory")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return 0;
            }
        }
        String text;
        try (InputStream in = ReferenceTerritories.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IOException(FILE + " is not on the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, long[]> byKindCode = new HashMap<>();
        Map<Long, String> paths = new HashMap<>();
        int loaded = 0;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO territory (kind, code, name, parent_id, "
                + "postal_codes, path, search_name) VALUES (?, ?, ?, ?, ?, '/', ?)", new String[] {"id"});
             PreparedStatement path = connection.prepareStatement("UPDATE territory SET path = ? WHERE id = ?")) {
            for (String line : text.split("\\r?\\n")) {
                if (line.isBlank() || line.startsWith("kind;") || line.startsWith("#")) {
                    continue;
                }
                String[] fields = Arrays.copyOf(line.split(";", -1), 5);
                String kind = fields[0];
                String parentKind = switch (kind) {
                    case "DEPARTEMENT" -> "REGION";
                    case "LIVING_AREA" -> "DEPARTEMENT";
                    case "COMMUNE" -> "LIVING_AREA";
                    default -> null;
                };
                Long parent = parentKind == null || fields[3] == null || fields[3].isEmpty() ? null
                        : byKindCode.get(parentKind + ":" + fields[3])[0];
                String postal = fields[4] == null || fields[4].isEmpty() ? ""
                        : String.join(",", Arrays.stream(fields[4].split("\\|")).distinct().sorted().toList());
                insert.setString(1, kind);
                insert.setString(2, fields[1]);
                insert.setString(3, fields[2]);
                insert.setObject(4, parent);
                insert.setString(5, postal);
                insert.setString(6, normalize(fields[2]));
                insert.executeUpdate();
                long id;
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                byKindCode.put(kind + ":" + fields[1], new long[] {id});
                String own = (parent == null ? "/" : paths.get(parent)) + id + "/";
                paths.put(id, own);
                path.setString(1, own);
                path.setLong(2, id);
                path.addBatch();
                loaded++;
            }
            path.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return loaded;
    }

    /** The territories module's search form: lower case, no accents, separators as single spaces. */
    static String normalize(String name) {
        String decomposed = Normalizer.normalize(name.replace("œ", "oe").replace("Œ", "OE")
                .replace("æ", "ae").replace("Æ", "AE"), Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("");
        return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
