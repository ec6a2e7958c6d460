package org.agora.opendata;

/**
 * Marks the controllers of {@code /api/**}: {@link ApiProblems} answers their errors as problem details. Every API
 * controller implements it, the write endpoints' too.
 */
interface ApiEndpoint {
}
