package org.agora.notifications;

/** What an in-app notice tells; its texts are notifications.notice.&lt;KIND&gt; (and .untitled when no title is known). */
enum NoticeKind {
    NEW_COMMENT, REPLY, CONTENT_HIDDEN, CONTENT_RESTORED, THRESHOLD_REACHED, ANSWER_PUBLISHED, PROPOSAL_MERGED
}
