package org.agora.comments;

import java.util.List;
import java.util.Optional;

/** Read-only query for other modules (search): the comments the public can read now. */
public interface CommentCatalog {

    /** The comment if it is published on a resource that is shown; empty when deleted, hidden or unknown. */
    Optional<PublishedComment> findPublished(long commentId);

    /** Every published comment on a shown resource, oldest first. */
    List<PublishedComment> allPublished();
}
