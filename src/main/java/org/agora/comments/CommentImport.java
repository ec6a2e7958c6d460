package org.agora.comments;

import java.time.Instant;

import org.agora.accounts.AccountId;
import org.agora.shared.ResourceRef;

/**
 * Records comments written elsewhere (demo data, a migration from another platform) as they were posted then. The
 * same rules as a comment posted on the page apply to the text and to replies; the resource's own rules (phase,
 * feature switched on) do not, since the words were already said. Counts and notices follow through
 * {@link CommentPosted}, as for any comment.
 */
public interface CommentImport {

    enum Stance { FOR, AGAINST, NEUTRAL }

    /** The new comment's id. {@code parentId} is null for a top-level comment, else a published comment of the same resource. */
    long record(ResourceRef resource, Long parentId, AccountId author, Stance stance, String body, Instant postedAt);
}
