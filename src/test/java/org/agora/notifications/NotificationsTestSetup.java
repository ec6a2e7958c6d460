package org.agora.notifications;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.agora.MutableClock;
import org.agora.People;
import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.moderation.ModeratedContent;
import org.agora.moderation.ModerationReason;
import org.agora.moderation.ModerationTarget;
import org.agora.shared.ResourceRef;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the notification tests share (one Spring context): a movable clock, people, and a moderated "test-note"
 * resource standing for any module's content that moderation can hide (a comment...).
 */
@TestConfiguration
class NotificationsTestSetup {

    static final String NOTE = "test-note";

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    People people(AccountManagement accounts) {
        return new People(accounts);
    }

    @Bean
    TestNotes testNotes() {
        return new TestNotes();
    }

    /** Notes written by someone, shown at /test-notes/{id}. */
    static class TestNotes implements ModerationTarget {

        private final Map<Long, AccountId> authors = new ConcurrentHashMap<>();

        ResourceRef write(long id, AccountId author) {
            authors.put(id, author);
            return new ResourceRef(NOTE, id);
        }

        @Override
        public String type() {
            return NOTE;
        }

        @Override
        public Optional<ModeratedContent> find(long id) {
            return Optional.ofNullable(authors.get(id)).map(author -> new ModeratedContent(new ResourceRef(NOTE, id),
                    author, null, "Le marché de Blois devrait ouvrir le dimanche matin, tout le monde y gagnerait.",
                    "/test-notes/" + id, false));
        }

        @Override
        public void hide(long id, ModerationReason reason) {
        }

        @Override
        public void restore(long id) {
        }
    }
}
