package org.agora.library;

import java.time.Instant;

/**
 * Something the library published, as other modules (the newsletter) show it.
 *
 * @param kind "initiative" or "resource"
 * @param path the public page, relative to the site's root, e.g. {@code /initiatives/12}
 */
public record LibraryItem(String kind, long id, String title, String summary, String path, Instant publishedAt) {

    public static final String INITIATIVE = "initiative";
    public static final String RESOURCE = "resource";
}
