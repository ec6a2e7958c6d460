package org.agora.proposals;

/** A draft is seen by its author only; a withdrawn proposal stays public, marked as such, its text kept. */
enum ProposalStatus { DRAFT, PUBLISHED, WITHDRAWN }
