package org.agora.comments;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.agora.MutableClock;
import org.agora.People;
import org.agora.accounts.AgoraUser;
import org.agora.shared.ResourceRef;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Helpers of the comment tests: posting through the real forms, and reading what was stored. */
abstract class CommentTestSupport {

    private static final Pattern ANCHOR = Pattern.compile("#comment-(\\d+)$");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired People people;
    @Autowired MutableClock clock;
    @Autowired CommentsTestSetup.TestItems items;
    @Autowired CommentThreads threads;

    @BeforeEach
    void freshClock() {
        clock.reset();
    }

    ResultActions postComment(AgoraUser user, ResourceRef item, String parentId, String stance, String body) throws Exception {
        MockHttpServletRequestBuilder request = post("/comments").with(csrf())
                .param("resourceType", item.type()).param("resourceId", String.valueOf(item.id()));
        if (user != null) {
            request.with(People.as(user));
        }
        if (parentId != null) {
            request.param("parentId", parentId);
        }
        if (stance != null) {
            request.param("stance", stance);
        }
        if (body != null) {
            request.param("body", body);
        }
        return mvc.perform(request);
    }

    /** Posts a valid comment and answers its id, read from the anchor it redirects to. */
    long comment(AgoraUser user, ResourceRef item, Long parentId, String stance, String body) throws Exception {
        MvcResult result = postComment(user, item, parentId == null ? null : parentId.toString(), stance, body)
                .andExpect(status().isSeeOther()).andReturn();
        Matcher anchor = ANCHOR.matcher(result.getResponse().getRedirectedUrl());
        assertThat(anchor.find()).as(result.getResponse().getRedirectedUrl()).isTrue();
        return Long.parseLong(anchor.group(1));
    }

    long comment(AgoraUser user, ResourceRef item) throws Exception {
        return comment(user, item, null, "FOR", "Une piste cyclable entre Blois et Chambord, enfin !");
    }

    ResultActions vote(AgoraUser user, long commentId, String direction) throws Exception {
        return mvc.perform(post("/comments/{id}/vote", commentId).with(csrf()).with(People.as(user))
                .param("direction", direction));
    }

    long storedComments(ResourceRef item) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM resource_comment WHERE resource_type = ? AND resource_id = ?",
                Long.class, item.type(), item.id());
    }

    long votes(long commentId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM comment_vote WHERE comment_id = ?", Long.class, commentId);
    }

    String bodyOf(long commentId) {
        return jdbc.queryForObject("SELECT body FROM resource_comment WHERE id = ?", String.class, commentId);
    }
}
