package org.agora.territories;

/** Levels of the territory tree, from the largest to the smallest. */
public enum TerritoryKind { REGION, DEPARTEMENT, LIVING_AREA, COMMUNE }
