package org.agora.statistics;

import java.util.Optional;

/**
 * A feature's block of figures, computed from that feature's read-only queries; empty when the feature has nothing
 * to say about the scope. Providers are Spring beans, shown in their {@code @Order}. Dated figures count what
 * happened within the period; a provider whose figures cannot be dated says so in its caption.
 */
interface FigureProvider {

    Optional<FigureBlock> block(FigureScope scope, FigurePeriod period);
}
