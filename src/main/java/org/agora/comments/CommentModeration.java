package org.agora.comments;

import java.util.Optional;

import org.agora.moderation.ModeratedContent;
import org.agora.moderation.ModerationReason;
import org.agora.moderation.ModerationTarget;
import org.agora.shared.Excerpts;
import org.agora.shared.ResourceRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Comments as moderation sees them: any comment not deleted by its author, on a resource still shown. */
@Component
class CommentModeration implements ModerationTarget {

    static final String TYPE = "comment";
    private static final int EXCERPT = 300;

    private final Comments comments;
    private final CommentTargets targets;
    private final CommentManagement management;

    CommentModeration(Comments comments, CommentTargets targets, CommentManagement management) {
        this.comments = comments;
        this.targets = targets;
        this.management = management;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ModeratedContent> find(long id) {
        return comments.findById(id).filter(comment -> comment.status() != Comment.Status.DELETED)
                .flatMap(comment -> targets.find(comment.resource()).map(found -> new ModeratedContent(
                        new ResourceRef(TYPE, id), comment.author(),
                        found.target().processId(comment.resource().id()).orElse(null), Excerpts.of(comment.body(), EXCERPT),
                        found.path() + "#comment-" + id, comment.status() == Comment.Status.HIDDEN)));
    }

    @Override
    public void hide(long id, ModerationReason reason) {
        management.hide(id, reason);
    }

    @Override
    public void restore(long id) {
        management.restore(id);
    }
}
