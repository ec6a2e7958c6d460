package org.agora.library;

/** The kinds of resources the library holds. */
public enum ResourceKind {
    REFERENCE_DOCUMENT, TOOL_PRESENTATION, SLIDES, MINUTES, VIDEO
}
