package org.agora.comments;

import org.agora.accounts.AccountId;
import org.agora.shared.ResourceRef;

/** A comment was published on a resource; {@code parentAuthor} is set for a reply. Published in the posting transaction. */
public record CommentPosted(long commentId, ResourceRef resource, AccountId author, Long parentCommentId, AccountId parentAuthor) {
}
