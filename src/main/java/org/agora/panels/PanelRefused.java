package org.agora.panels;

/** A panel action refused for a reason the person can act on (a message key); answered with a 4xx and the message. */
class PanelRefused extends RuntimeException {

    private final String key;

    PanelRefused(String key) {
        super(key);
        this.key = key;
    }

    String key() {
        return key;
    }
}
