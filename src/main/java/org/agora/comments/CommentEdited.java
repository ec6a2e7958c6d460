package org.agora.comments;

import org.agora.shared.ResourceRef;

/** The author changed a comment's text within the edit window. Published in the editing transaction. */
public record CommentEdited(long commentId, ResourceRef resource) {
}
