package org.agora.accountability;

/** Where an immediate measure stands: décidée, en cours, réalisée. */
enum ImmediateMeasureStatus {
    DECIDED, ONGOING, DONE
}
