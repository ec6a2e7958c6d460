package org.agora.comments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.shared.ResourceRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class PublishedComments implements CommentCatalog {

    private final Comments comments;
    private final CommentTargets targets;

    PublishedComments(Comments comments, CommentTargets targets) {
        this.comments = comments;
        this.targets = targets;
    }

    @Override
    public Optional<PublishedComment> findPublished(long commentId) {
        return comments.findById(commentId).filter(Comment::isPublished)
                .flatMap(comment -> targets.find(comment.resource()).map(found -> view(comment, found.path())));
    }

    @Override
    public List<PublishedComment> allPublished() {
        Map<ResourceRef, Optional<String>> paths = new HashMap<>();
        List<PublishedComment> all = new ArrayList<>();
        for (Comment comment : comments.findByStatusOrderByIdAsc(Comment.Status.PUBLISHED)) {
            paths.computeIfAbsent(comment.resource(), resource -> targets.find(resource).map(CommentTargets.Found::path))
                    .ifPresent(path -> all.add(view(comment, path)));
        }
        return all;
    }

    private static PublishedComment view(Comment comment, String resourcePath) {
        return new PublishedComment(comment.id(), comment.resource(), comment.body(), comment.postedAt(),
                resourcePath + "#comment-" + comment.id());
    }
}
