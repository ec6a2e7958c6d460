package org.agora.accountability;

/**
 * The symbols a destination may show, always next to its label (never alone, never a colour); all in the common text
 * fonts (DejaVu, Liberation...), so that none shows as an empty box where no emoji font is installed.
 */
enum DestinationIcon {
    SCROLL("§"), BOLT("⚡"), GEAR("⚙"), ARROW("➜"), CROSS("✗"), CHECK("✓"), STAR("★"), PIN("⚑");

    private final String symbol;

    DestinationIcon(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
