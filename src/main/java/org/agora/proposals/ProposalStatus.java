package org.agora.proposals;

/**
 * A draft is seen by its author only; a withdrawn proposal stays public, marked as such, its text kept; a merged
 * proposal left the lists: its address leads to the proposal it was merged into.
 */
enum ProposalStatus { DRAFT, PUBLISHED, WITHDRAWN, MERGED }
