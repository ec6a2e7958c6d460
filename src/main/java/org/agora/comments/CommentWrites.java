package org.agora.comments;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.agora.accounts.AgoraUser;
import org.agora.shared.Refusal;
import org.agora.shared.ResourceRef;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Comments' writes for other modules (the API of the opendata module): the same checks as the comment form — the
 * resource exists and takes comments, the person is not blocked, the stance and text are valid — applied by
 * {@link CommentManagement}; every refusal comes back as a {@link Refusal} and stores nothing.
 */
@Service
public class CommentWrites {

    private final CommentManagement management;

    CommentWrites(CommentManagement management) {
        this.management = management;
    }

    /** A published comment; {@code anchor} is its place on the commented resource's public page. */
    public record Posted(long id, ResourceRef resource, Long parentId, String stance, String body, Instant postedAt,
                         String anchor) {
    }

    /** Posts a comment, or a reply when {@code parentId} names a published comment of the same resource. */
    @Transactional
    public Posted post(AgoraUser author, ResourceRef resource, Long parentId, String stance, String body) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (stance == null || stance.isBlank()) {
            problems.put("stance", "comments.stance.required");
        } else if (!stance.matches("FOR|AGAINST|NEUTRAL")) {
            problems.put("stance", "comments.stance.invalid");
        }
        CommentManagement.bodyProblem(body).ifPresent(key -> problems.put("body", key));
        try {
            if (!problems.isEmpty()) {
                // The resource is checked first, so that an unknown one is a 404 whatever the body says.
                management.pathOf(resource).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
                throw Refusal.invalid(problems);
            }
            CommentManagement.Done done = management.post(author, resource, parentId, Comment.Stance.valueOf(stance), body);
            Comment comment = management.find(done.commentId()).orElseThrow();
            return new Posted(comment.id(), resource, comment.parentId(), comment.stance().name(), comment.body(), comment.postedAt(),
                    done.anchored());
        } catch (CommentProblem problem) {
            if (problem.field() != null) {
                throw Refusal.invalid(Map.of(problem.field(), problem.messageKey()));
            }
            throw Refusal.conflict(problem.messageKey());
        } catch (ResponseStatusException notFound) {
            if (notFound.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                throw Refusal.notFound();
            }
            throw notFound;
        }
    }
}
