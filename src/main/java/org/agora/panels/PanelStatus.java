package org.agora.panels;

/** Where a panel stands; it only moves forward (draft → recruiting → selected → lottery published → drawn → ended). */
enum PanelStatus {
    DRAFT, RECRUITING, SELECTED, LOTTERY_PUBLISHED, DRAWN, ENDED;

    /** The pool may still change: volunteers, imports, quotas and size. */
    public boolean poolOpen() {
        return this == DRAFT || this == RECRUITING || this == SELECTED;
    }

    public boolean isPublic() {
        return this != DRAFT;
    }
}
