package org.agora.statistics;

/** What the figures cover: the whole instance (both null), one process, or one territory and everything below it. */
record FigureScope(Long processId, String processSlug, String processTitle, Long territoryId, String territoryName) {

    static FigureScope instance() {
        return new FigureScope(null, null, null, null, null);
    }

    public boolean isProcess() {
        return processId != null;
    }

    public boolean isTerritory() {
        return territoryId != null;
    }
}
