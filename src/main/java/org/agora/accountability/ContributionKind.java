package org.agora.accountability;

/** What a proposal may feed. */
public enum ContributionKind {
    CHARTER_ARTICLE("charter_article"), WORK_PROGRAMME("work_programme"), IMMEDIATE_MEASURE("immediate_measure"),
    TRANSMISSION("transmission"), REFERRAL("referral");

    private final String table;

    ContributionKind(String table) {
        this.table = table;
    }

    String table() {
        return table;
    }
}
