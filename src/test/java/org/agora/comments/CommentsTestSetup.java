package org.agora.comments;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.agora.MutableClock;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.shared.ResourceRef;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What the comment tests share (one Spring context for all of them): a movable clock, a commentable "test item"
 * resource standing for a feature's resource, and a page that shows an item's thread through the real fragment.
 */
@TestConfiguration
public class CommentsTestSetup {

    static final String TYPE = "test-item";
    /** Items from this id on do not exist. */
    static final long MISSING = 900_000_000L;
    private static final AtomicLong ITEMS = new AtomicLong(1000);

    static ResourceRef newItem() {
        return new ResourceRef(TYPE, ITEMS.incrementAndGet());
    }

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    TestItems testItems() {
        return new TestItems();
    }

    @Bean
    People people(AccountManagement accounts) {
        return new People(accounts);
    }

    /** A feature's resources as the comments module sees them; an item can be closed to comments. */
    static class TestItems implements CommentTarget {

        private final Set<Long> closed = ConcurrentHashMap.newKeySet();

        void close(ResourceRef item) {
            closed.add(item.id());
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<String> path(long id) {
            return id >= MISSING ? Optional.empty() : Optional.of("/test-items/" + id);
        }

        @Override
        public Optional<String> refusal(long id, AgoraUser user) {
            return closed.contains(id) ? Optional.of("comments.refusal.closed") : Optional.empty();
        }
    }

    /** The page of a test item: what a feature's page does to show the thread (registered as a member class). */
    @Controller
    static class TestItemPage {

        private final CommentThreads threads;

        TestItemPage(CommentThreads threads) {
            this.threads = threads;
        }

        @GetMapping("/test-items/{id}")
        String show(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
            model.addAttribute("commentThread", threads.threadOf(new ResourceRef(TYPE, id), user));
            return "comments-test/page";
        }
    }
}
