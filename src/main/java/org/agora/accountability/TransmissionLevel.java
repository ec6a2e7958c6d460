package org.agora.accountability;

/** The level of government a proposal was sent on to. */
enum TransmissionLevel {
    COMMUNE, EPCI, DEPARTEMENT, STATE, EUROPE
}
