package org.agora.processes;

/** The participation features a process switches on; each feature module reads whether it is on. */
public enum ProcessFeature { PROPOSALS, COMMENTS, SUPPORTS, MEETINGS, PANELS, BUDGETS }
