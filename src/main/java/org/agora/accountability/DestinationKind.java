package org.agora.accountability;

/** What a destination means for the public account of a process. */
public enum DestinationKind { CHARTER, IMMEDIATE_MEASURE, WORK_PROGRAMME, OTHER_LEVEL, NOT_RETAINED, OTHER;

    /** What an answer with this destination must name as fed by the proposal; null when it names nothing. */
    ContributionKind fed() {
        return switch (this) {
            case CHARTER -> ContributionKind.CHARTER_ARTICLE;
            case IMMEDIATE_MEASURE -> ContributionKind.IMMEDIATE_MEASURE;
            case WORK_PROGRAMME -> ContributionKind.WORK_PROGRAMME;
            case OTHER_LEVEL -> ContributionKind.TRANSMISSION;
            case NOT_RETAINED, OTHER -> null;
        };
    }
}
