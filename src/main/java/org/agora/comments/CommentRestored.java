package org.agora.comments;

import org.agora.shared.ResourceRef;

/** Moderation showed a hidden comment again: it counts again, as before it was hidden. */
public record CommentRestored(long commentId, ResourceRef resource) {
}
