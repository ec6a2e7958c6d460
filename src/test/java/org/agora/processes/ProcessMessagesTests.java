package org.agora.processes;

import java.util.Set;
import java.util.TreeSet;

import org.agora.MessageBundles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessMessagesTests {

    @Test
    void frenchAndEnglishBundlesHaveTheSameKeysAllPrefixedByTheModule() {
        assertThat(MessageBundles.keys("processes_en")).isEqualTo(MessageBundles.keys("processes"));
        assertThat(MessageBundles.keys("processes")).allMatch(key -> key.startsWith("processes."));
    }

    @Test
    void everyKeyTheTemplatesUseExists() {
        Set<String> known = new TreeSet<>(MessageBundles.keys("processes"));
        known.addAll(MessageBundles.keys("territories"));
        assertThat(known).containsAll(MessageBundles.usedInTemplates("processes"));
    }

    @Test
    void everyStatusFeatureAndLoggedActionHasItsLabel() {
        Set<String> keys = MessageBundles.keys("processes");
        for (ProcessStatus status : ProcessStatus.values()) {
            assertThat(keys).contains("processes.status." + status);
        }
        for (ProcessFeature feature : ProcessFeature.values()) {
            assertThat(keys).contains("processes.feature." + feature);
        }
        assertThat(keys).contains("processes.action.CREATED", "processes.action.EDITED", "processes.action.PUBLISHED",
                "processes.action.CLOSED", "processes.action.REOPENED", "processes.action.CURRENT_PHASE_SET",
                "processes.action.CURRENT_PHASE_CLEARED", "processes.action.IMAGE_CHANGED", "processes.action.IMAGE_REMOVED");
    }

    @Test
    void noMessageWithArgumentsHasAnApostropheMessageFormatWouldSwallow() {
        assertThat(MessageBundles.asciiApostrophesInPatterns("processes")).isEmpty();
        assertThat(MessageBundles.asciiApostrophesInPatterns("processes_en")).isEmpty();
    }
}
