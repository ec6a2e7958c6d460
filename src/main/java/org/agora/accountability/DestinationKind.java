package org.agora.accountability;

/** What a destination means for the public account of a process. */
public enum DestinationKind { CHARTER, IMMEDIATE_MEASURE, WORK_PROGRAMME, OTHER_LEVEL, NOT_RETAINED, OTHER }
