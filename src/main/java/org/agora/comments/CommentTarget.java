package org.agora.comments;

import java.util.Optional;

import org.agora.accounts.AgoraUser;

/**
 * Implemented by each feature whose resources can be commented (proposals, later meetings...), so that the comments
 * module knows them without depending on them. One bean per resource type.
 */
public interface CommentTarget {

    /** The ResourceRef type this target answers for, e.g. "proposal". */
    String type();

    /** The public path of the resource (where a comment form returns to), or empty when it does not exist or is not public. */
    Optional<String> path(long id);

    /**
     * Whether this person may comment on it now (feature switched on, phase open, resource not withdrawn or hidden...).
     * Empty when they may; otherwise the message key explaining why not, shown instead of the form.
     */
    Optional<String> refusal(long id, AgoraUser user);

    /** The process the resource belongs to, for moderators' per-process queues; empty when it belongs to none. */
    default Optional<Long> processId(long id) {
        return Optional.empty();
    }
}
