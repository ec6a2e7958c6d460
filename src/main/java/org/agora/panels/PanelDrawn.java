package org.agora.panels;

/**
 * A panel was drawn from its published lottery: {@code drawnIndex} is the index of the lottery panel the public seed
 * gave. Carries no personal data; those drawn are known only by their pseudonyms on the panel's public pages.
 */
public record PanelDrawn(long panelId, String slug, int drawnIndex) {
}
