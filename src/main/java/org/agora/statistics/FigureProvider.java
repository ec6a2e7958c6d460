package org.agora.statistics;

import java.util.Optional;

/**
 * A feature's block of figures, computed from that feature's read-only queries; empty when the feature has nothing
 * to say about the scope. Providers are Spring beans, shown in their {@code @Order}.
 */
interface FigureProvider {

    Optional<FigureBlock> block(FigureScope scope);
}
