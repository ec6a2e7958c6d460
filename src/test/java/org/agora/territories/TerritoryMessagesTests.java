package org.agora.territories;

import org.agora.MessageBundles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerritoryMessagesTests {

    @Test
    void frenchAndEnglishBundlesHaveTheSameKeysAllPrefixedByTheModule() {
        assertThat(MessageBundles.keys("territories_en")).isEqualTo(MessageBundles.keys("territories"));
        assertThat(MessageBundles.keys("territories")).allMatch(key -> key.startsWith("territories."));
    }

    @Test
    void everyKeyTheTemplatesUseExists() {
        assertThat(MessageBundles.keys("territories")).containsAll(MessageBundles.usedInTemplates("territories"));
    }

    @Test
    void noMessageWithArgumentsHasAnApostropheMessageFormatWouldSwallow() {
        assertThat(MessageBundles.asciiApostrophesInPatterns("territories")).isEmpty();
        assertThat(MessageBundles.asciiApostrophesInPatterns("territories_en")).isEmpty();
    }
}
