package org.agora.proposals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The bulk form of paper proposals, as typed: a collection label and territory (a page that collects for a meeting
 * does not ask them) and numbered blocks of items, read from request parameters named {@code items[n].title} etc.
 * Blank blocks are ignored; item numbers in problems are block numbers (1-based), so they match what is on screen.
 */
public record PaperForm(String label, String territory, List<Item> items) {

    public static final int ROWS = 5;
    public static final int MORE = 3;
    public static final int MAX_ROWS = 60;

    public record Item(String title, String body, String territory, String theme, String email) {

        static final Item BLANK = new Item("", "", "", "", "");

        public Item {
            title = clean(title);
            body = clean(body);
            territory = clean(territory);
            theme = clean(theme);
            email = clean(email);
        }

        public boolean isBlank() {
            return title.isEmpty() && body.isEmpty() && email.isEmpty();
        }

        /** The item as the API takes it; an unreadable territory comes as -1, which no territory has. */
        PaperContributions.PaperProposal proposal() {
            Long territoryId = territory.isEmpty() ? null : territory.matches("[1-9][0-9]{0,17}") ? Long.valueOf(territory) : -1L;
            return new PaperContributions.PaperProposal(title, body, territoryId, theme, email);
        }
    }

    public PaperForm {
        label = clean(label);
        territory = clean(territory);
        items = List.copyOf(items);
    }

    public static PaperForm blank(int rows) {
        return new PaperForm("", "", IntStream.range(0, rows).mapToObj(row -> Item.BLANK).toList());
    }

    /** Reads the request's parameters; {@code rows} says how many blocks the page showed. */
    public static PaperForm from(Map<String, String> params) {
        int rows = ROWS;
        try {
            rows = Math.clamp(Integer.parseInt(params.getOrDefault("rows", "" + ROWS)), 1, MAX_ROWS);
        } catch (NumberFormatException keepDefault) {
            // a forged count: show the default number of blocks
        }
        List<Item> items = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            String prefix = "items[" + row + "].";
            items.add(new Item(params.get(prefix + "title"), params.get(prefix + "body"), params.get(prefix + "territory"),
                    params.get(prefix + "theme"), params.get(prefix + "email")));
        }
        return new PaperForm(params.get("label"), params.get("territory"), items);
    }

    /** The same form with a few more blank blocks (the "add more" button, which works without JavaScript). */
    public PaperForm withMoreRows() {
        List<Item> more = new ArrayList<>(items);
        while (more.size() < Math.min(items.size() + MORE, MAX_ROWS)) {
            more.add(Item.BLANK);
        }
        return new PaperForm(label, territory, more);
    }

    /** The blocks that hold something, in order. */
    public List<PaperContributions.PaperProposal> proposals() {
        return items.stream().filter(item -> !item.isBlank()).map(Item::proposal).toList();
    }

    /** The 1-based block number of each proposal of {@link #proposals()}. */
    public List<Integer> blockNumbers() {
        return IntStream.range(0, items.size()).filter(row -> !items.get(row).isBlank()).mapToObj(row -> row + 1).toList();
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip().replace("\r\n", "\n");
    }
}
