package org.agora.comments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agora.accounts.AccountId;
import org.agora.accounts.PersonalData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "comments" section of a person's data export: what they wrote (deleted ones with their body erased) and how
 * they voted. Separate from {@link CommentManagement}, which asks accounts for names, so that neither needs the other
 * to be built first.
 */
@Component
class CommentPersonalData implements PersonalData {

    private final Comments comments;
    private final CommentVotes votes;

    CommentPersonalData(Comments comments, CommentVotes votes) {
        this.comments = comments;
        this.votes = votes;
    }

    @Override
    public String section() {
        return "comments";
    }

    @Override
    @Transactional(readOnly = true)
    public Object export(AccountId account) {
        List<Map<String, Object>> written = comments.findByAuthorIdOrderByPostedAtAsc(account.value()).stream()
                .map(comment -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", comment.id());
                    entry.put("resource", comment.resource().toString());
                    entry.put("parentId", comment.parentId());
                    entry.put("stance", comment.stance().name());
                    entry.put("body", comment.body());
                    entry.put("status", comment.status().name());
                    entry.put("postedAt", comment.postedAt().toString());
                    entry.put("editedAt", comment.editedAt() == null ? null : comment.editedAt().toString());
                    return entry;
                }).toList();
        List<Map<String, Object>> cast = votes.allOf(account).stream().map(vote -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("commentId", vote.commentId());
            entry.put("direction", vote.direction().name());
            entry.put("votedAt", vote.votedAt().toString());
            return entry;
        }).toList();
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("comments", written);
        section.put("votes", cast);
        return section;
    }
}
