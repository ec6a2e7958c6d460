package org.agora.moderation;

import java.util.Optional;

/**
 * Implemented by each module whose content can be reported and hidden (comments, proposals...), one bean per
 * resource type, so that moderation knows them without depending on them. {@link #hide} and {@link #restore} are
 * called inside moderation's transaction; they change only the content's own state (and its own counters).
 */
public interface ModerationTarget {

    /** The ResourceRef type this target answers for, e.g. "comment" or "proposal". */
    String type();

    /** The content as moderators see it (hidden or not), or empty when it does not exist or is not public. */
    Optional<ModeratedContent> find(long id);

    /** Hides published content; hiding hidden content changes nothing. */
    void hide(long id, ModerationReason reason);

    /** Shows hidden content again; restoring visible content changes nothing. */
    void restore(long id);
}
