package org.agora.comments;

import java.util.List;

import org.agora.shared.ResourceRef;

/**
 * A rendered-ready thread: top-level comments with their replies (depth 3 at most), counts per stance, and whether the
 * viewer may post (else {@code refusalKey} says why, e.g. the phase is closed or they must sign in).
 */
public record CommentThread(ResourceRef resource, String returnTo, List<CommentView> comments, long total, long inFavour,
                            long against, long neutral, boolean viewerMayPost, String refusalKey) {

    /** One comment as shown; a deleted or hidden one keeps its place with {@code body} null and a marker key. */
    public record CommentView(long id, String authorName, boolean authorDeleted, String stance, String body,
                              String markerKey, java.time.ZonedDateTime postedAt, boolean edited, int depth,
                              long upVotes, long downVotes, String viewerVote, boolean viewerIsAuthor,
                              boolean viewerMayEdit, List<CommentView> replies) {
    }
}
