package org.agora.programmes;

/**
 * The network in figures: centres in the network today, and from the submitted yearly reports (all years) the people
 * accompanied and the sessions held; training sessions held for the facilitators.
 */
public record CentreFigures(long centres, long peopleAccompanied, long sessions, long trainingSessions) {
}
