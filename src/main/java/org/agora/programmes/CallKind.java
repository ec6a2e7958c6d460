package org.agora.programmes;

/** A call for applications gives accompaniment days; a call for projects gives a grant. */
enum CallKind {
    APPLICATIONS, PROJECTS
}
