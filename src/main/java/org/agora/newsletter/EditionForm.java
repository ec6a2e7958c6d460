package org.agora.newsletter;

import java.util.List;

/** The compose form: subject, editorial (Markdown), language, audience restrictions, and the chosen blocks' keys. */
record EditionForm(String subject, String editorial, String language, List<String> themes, List<Long> territories,
                   List<String> blocks) {

    static EditionForm of(Edition edition) {
        Preferences audience = edition.audience();
        return new EditionForm(edition.getSubject(), edition.getEditorial(), edition.getLanguage(),
                audience.themes().stream().map(Enum::name).toList(), List.copyOf(audience.territories()),
                edition.getBlocks().stream().map(EditionBlock::getKey).toList());
    }

    public boolean hasTheme(String theme) {
        return themes != null && themes.contains(theme);
    }

    public boolean hasTerritory(long id) {
        return territories != null && territories.contains(id);
    }

    public boolean hasBlock(String key) {
        return blocks != null && blocks.contains(key);
    }
}
