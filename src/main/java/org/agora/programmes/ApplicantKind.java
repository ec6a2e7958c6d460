package org.agora.programmes;

/** Who may answer a call: a commune, an EPCI (intercommunality), a Pays, an association, another kind of body. */
enum ApplicantKind {
    COMMUNE, EPCI, PAYS, ASSOCIATION, OTHER
}
