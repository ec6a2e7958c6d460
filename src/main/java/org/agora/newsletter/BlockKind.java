package org.agora.newsletter;

/** What a block of an edition presents. */
enum BlockKind { MEETING, PROPOSAL, INITIATIVE, RESOURCE }
