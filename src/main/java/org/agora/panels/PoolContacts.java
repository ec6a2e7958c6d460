package org.agora.panels;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The contact columns of an imported pool file (email, name, address, postcode), which the selection does not read
 * but staff need to reach the drawn people. The file's rows in order, each a map from lower-case header to value; the
 * file itself is checked by {@link PanelFiles#readPool}.
 */
final class PoolContacts {

    record Contact(String email, String name, String address, String postcode) {
    }

    private static final Set<String> EMAIL = Set.of("email", "e-mail", "mail", "courriel", "adresse electronique",
            "primary_email");
    private static final Set<String> NAME = Set.of("name", "nom complet", "full_name", "full name", "nom_complet");
    private static final Set<String> FIRST = Set.of("first_name", "first name", "firstname", "prenom");
    private static final Set<String> LAST = Set.of("last_name", "last name", "lastname", "nom");
    private static final Set<String> ADDRESS = Set.of("address", "adresse", "address_line_1", "primary_address1", "street");
    private static final Set<String> POSTCODE = Set.of("postcode", "zip", "zip_royal_mail", "code_postal", "code postal",
            "postal_code", "primary_zip", "cp");

    private PoolContacts() {
    }

    /** One contact per data row, in the file's order (blank lines skipped). */
    static List<Contact> read(String text) {
        List<List<String>> rows = rows(text);
        List<Contact> contacts = new ArrayList<>();
        if (rows.isEmpty()) {
            return contacts;
        }
        List<String> header = rows.getFirst().stream().map(PoolContacts::plain).toList();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            String email = first(header, row, EMAIL);
            String name = first(header, row, NAME);
            if (name == null) {
                String joined = ((first(header, row, FIRST) == null ? "" : first(header, row, FIRST)) + " "
                        + (first(header, row, LAST) == null ? "" : first(header, row, LAST))).strip();
                name = joined.isEmpty() ? null : joined;
            }
            contacts.add(new Contact(email == null ? null : email.toLowerCase(Locale.ROOT), name,
                    first(header, row, ADDRESS), first(header, row, POSTCODE)));
        }
        return contacts;
    }

    private static String first(List<String> header, List<String> row, Set<String> names) {
        for (int i = 0; i < header.size() && i < row.size(); i++) {
            if (names.contains(header.get(i)) && !row.get(i).isBlank()) {
                return row.get(i).strip();
            }
        }
        return null;
    }

    private static String plain(String header) {
        return Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes); ';' when the header has no ','. */
    static List<List<String>> rows(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int end = body.indexOf('\n');
        String firstLine = end < 0 ? body : body.substring(0, end);
        char separator = !firstLine.contains(",") && firstLine.contains(";") ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
