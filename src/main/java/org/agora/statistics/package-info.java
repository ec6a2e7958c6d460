/**
 * The figures pages ({@code /chiffres}): what the participation produced, for the instance, a process or a territory.
 * A sink: nothing depends on it; each feature's block is a small {@link org.agora.statistics.FigureProvider} reading
 * that feature's read-only queries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package org.agora.statistics;
