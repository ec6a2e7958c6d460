package org.agora.comments;

import java.time.Instant;

import org.agora.shared.ResourceRef;

/** A comment the public can read, as other modules may copy it (search); {@code path} leads to it on its resource's page. */
public record PublishedComment(long id, ResourceRef resource, String body, Instant postedAt, String path) {
}
