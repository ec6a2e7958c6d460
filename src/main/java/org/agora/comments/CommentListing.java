package org.agora.comments;

import java.time.Instant;

import org.agora.accounts.AccountId;
import org.agora.shared.ResourceRef;
import org.agora.shared.ResultPage;

/**
 * Read-only, paged query of the published comments on one resource, for the API and open data. Deleted and hidden
 * comments are left out (a reply may then point to a parent that is not listed).
 */
public interface CommentListing {

    record Listed(long id, Long parentId, int depth, String stance, String body, Instant postedAt, Instant editedAt,
                  AccountId author) {
    }

    /** Oldest first, so that a reply comes after the comment it answers. */
    ResultPage<Listed> publishedOn(ResourceRef resource, int offset, int limit);
}
