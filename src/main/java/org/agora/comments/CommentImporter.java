package org.agora.comments;

import java.time.Instant;

import org.agora.accounts.AccountId;
import org.agora.shared.ResourceRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class CommentImporter implements CommentImport {

    private final CommentManagement management;

    CommentImporter(CommentManagement management) {
        this.management = management;
    }

    @Override
    public long record(ResourceRef resource, Long parentId, AccountId author, Stance stance, String body, Instant postedAt) {
        CommentManagement.bodyProblem(body).ifPresent(key -> {
            throw new IllegalArgumentException("Comment text refused: " + key);
        });
        return management.write(resource, parentId, author, Comment.Stance.valueOf(stance.name()),
                CommentManagement.normalized(body), postedAt).id();
    }
}
