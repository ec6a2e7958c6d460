package org.agora.processes;

/** Draft (staff only) → published → closed; a closed process may be reopened. */
enum ProcessStatus { DRAFT, PUBLISHED, CLOSED }
