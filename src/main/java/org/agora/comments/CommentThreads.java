package org.agora.comments;

import java.util.Collection;
import java.util.Map;

import org.agora.accounts.AgoraUser;
import org.agora.shared.ResourceRef;

/**
 * What a feature's page needs to show the comments of one of its resources: put {@link #threadOf} in the model as
 * {@code commentThread} and include the fragment {@code ~{comments/thread :: thread}}.
 */
public interface CommentThreads {

    /** The whole thread as the viewer (null for a visitor) sees it, with the form state they may use. */
    CommentThread threadOf(ResourceRef resource, AgoraUser viewer);

    /** Published (not deleted or hidden) comments per resource; resources without any are absent. */
    Map<ResourceRef, Long> counts(Collection<ResourceRef> resources);
}
