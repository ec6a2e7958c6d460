package org.agora.moderation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.agora.People;
import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.shared.ResourceRef;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the moderation tests share: people, and "test notes", a kind of content standing for a feature's content,
 * whose module would implement {@link ModerationTarget} the same way.
 */
@TestConfiguration
public class ModerationTestSetup {

    static final String TYPE = "test-note";

    @Bean
    TestNotes testNotes() {
        return new TestNotes();
    }

    @Bean
    People people(AccountManagement accounts) {
        return new People(accounts);
    }

    static class TestNotes implements ModerationTarget {

        record Note(AccountId author, Long processId, String text, ModerationReason hiddenReason) {
        }

        private static final AtomicLong IDS = new AtomicLong(5000);
        private final Map<Long, Note> notes = new ConcurrentHashMap<>();
        private final AtomicInteger hides = new AtomicInteger();

        ResourceRef write(AccountId author, Long processId, String text) {
            long id = IDS.incrementAndGet();
            notes.put(id, new Note(author, processId, text, null));
            return new ResourceRef(TYPE, id);
        }

        ModerationReason hiddenReason(ResourceRef note) {
            return notes.get(note.id()).hiddenReason();
        }

        boolean hidden(ResourceRef note) {
            return hiddenReason(note) != null;
        }

        int hides() {
            return hides.get();
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<ModeratedContent> find(long id) {
            return Optional.ofNullable(notes.get(id)).map(note -> new ModeratedContent(new ResourceRef(TYPE, id),
                    note.author(), note.processId(), note.text(), "/test-notes/" + id, note.hiddenReason() != null));
        }

        @Override
        public void hide(long id, ModerationReason reason) {
            notes.computeIfPresent(id, (key, note) -> {
                if (note.hiddenReason() != null) {
                    return note;
                }
                hides.incrementAndGet();
                return new Note(note.author(), note.processId(), note.text(), reason);
            });
        }

        @Override
        public void restore(long id) {
            notes.computeIfPresent(id, (key, note) -> new Note(note.author(), note.processId(), note.text(), null));
        }
    }
}
