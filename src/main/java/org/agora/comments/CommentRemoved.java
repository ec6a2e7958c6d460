package org.agora.comments;

import org.agora.shared.ResourceRef;

/** A comment no longer counts (deleted by its author or hidden by moderation); the thread keeps a marker. */
public record CommentRemoved(long commentId, ResourceRef resource) {
}
