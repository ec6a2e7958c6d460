package org.agora.accountability;

/** The symbols a destination may show, always next to its label (never alone, never a colour). */
enum DestinationIcon {
    SCROLL("📜"), BOLT("⚡"), GEAR("⚙"), ARROW("➜"), CROSS("✗"), CHECK("✓"), STAR("★"), PIN("📌");

    private final String symbol;

    DestinationIcon(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
