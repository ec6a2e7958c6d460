package org.agora.library;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Atom 1.0 feeds of the newest published initiatives and resources (RFC 4287). */
@RestController
class LibraryFeeds {

    static final int ENTRIES = 30;
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final Initiatives initiatives;
    private final Resources resources;
    private final MessageSource messages;
    private final String baseUrl;

    LibraryFeeds(Initiatives initiatives, Resources resources, MessageSource messages,
                 @Value("${agora.base-url}") String baseUrl) {
        this.initiatives = initiatives;
        this.resources = resources;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private record Entry(String path, String title, String summary, Instant published, Instant updated) {
    }

    @GetMapping("/initiatives.atom")
    ResponseEntity<String> initiatives() {
        List<Entry> entries = initiatives.publishedSince(Instant.EPOCH, ENTRIES).stream()
                .map(initiative -> new Entry(initiative.path(), initiative.title(), initiative.summary(),
                        initiative.publishedAt(), later(initiative.publishedAt(), initiative.updatedAt()))).toList();
        return feed("/initiatives", "library.initiatives.title", entries);
    }

    @GetMapping("/ressources.atom")
    ResponseEntity<String> resources() {
        List<Entry> entries = resources.publishedSince(Instant.EPOCH, ENTRIES).stream()
                .map(resource -> new Entry(resource.path(), resource.title(), resource.summary(),
                        resource.publishedAt(), later(resource.publishedAt(), resource.updatedAt()))).toList();
        return feed("/ressources", "library.resources.title", entries);
    }

    private ResponseEntity<String> feed(String page, String titleKey, List<Entry> entries) {
        Locale locale = LocaleContextHolder.getLocale();
        String site = messages.getMessage("site.name", null, "Agora", locale);
        Instant updated = entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(locale.getLanguage()).append("\">\n")
                .append("  <id>").append(escape(baseUrl + page + ".atom")).append("</id>\n")
                .append("  <title>").append(escape(messages.getMessage(titleKey, null, locale) + " · " + site))
                .append("</title>\n")
                .append("  <updated>").append(format(updated)).append("</updated>\n")
                .append("  <author><name>").append(escape(site)).append("</name></author>\n")
                .append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(escape(baseUrl + page + ".atom"))
                .append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(baseUrl + page)).append("\"/>\n");
        for (Entry entry : entries) {
            xml.append("  <entry>\n")
                    .append("    <id>").append(escape(baseUrl + entry.path())).append("</id>\n")
                    .append("    <title>").append(escape(entry.title())).append("</title>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(baseUrl + entry.path()))
                    .append("\"/>\n")
                    .append("    <published>").append(format(entry.published())).append("</published>\n")
                    .append("    <updated>").append(format(entry.updated())).append("</updated>\n")
                    .append("    <summary>").append(escape(entry.summary())).append("</summary>\n")
                    .append("  </entry>\n");
        }
        xml.append("</feed>\n");
        return ResponseEntity.ok().contentType(ATOM).body(xml.toString());
    }

    private static Instant later(Instant one, Instant other) {
        return other != null && other.isAfter(one) ? other : one;
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** XML escaping; characters XML 1.0 forbids are dropped. */
    private static String escape(String text) {
        String clean = text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
        return clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
