package org.agora.accountability;

/** Where a work programme stands: à venir, en cours, terminé. */
enum WorkProgrammeStatus {
    UPCOMING, ONGOING, DONE
}
