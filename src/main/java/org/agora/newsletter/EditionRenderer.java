package org.agora.newsletter;

import java.util.Locale;

import org.agora.shared.Markdown;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes an edition as a mail (a plain-text part and an HTML part) and as the archive's HTML. The editorial is
 * Markdown: raw HTML is escaped, only http(s) and mailto links survive, headings start at level 2, so whatever staff
 * type cannot carry a script. The plain-text part is the editorial as typed, which Markdown keeps readable.
 */
@Component
class EditionRenderer {

    /** A mail ready to queue. */
    record Rendered(String subject, String text, String html) {
    }

    private final MessageSource messages;
    private final Subscriptions subscriptions;

    EditionRenderer(MessageSource messages, Subscriptions subscriptions) {
        this.messages = messages;
        this.subscriptions = subscriptions;
    }

    static String editorialHtml(String markdown) {
        return Markdown.toHtml(markdown);
    }

    /** {@code unsubscribeToken} is null for a preview or a test send: the footer then shows a sample link. */
    Rendered mail(Edition edition, String unsubscribeToken) {
        Locale locale = Locale.of(edition.getLanguage());
        String unsubscribe = subscriptions.absolute(Subscriptions.UNSUBSCRIBE_PATH
                + (unsubscribeToken == null ? "exemple-de-jeton" : unsubscribeToken));
        String preferences = subscriptions.absolute("/newsletter/preferences/"
                + (unsubscribeToken == null ? "exemple-de-jeton" : unsubscribeToken));
        String archive = subscriptions.absolute("/newsletter/archives/" + edition.getId());
        String subject = edition.getSubject();

        StringBuilder text = new StringBuilder(subject).append("\n").append("=".repeat(Math.min(subject.length(), 70)))
                .append("\n\n");
        if (!edition.getEditorial().isBlank()) {
            text.append(edition.getEditorial().strip()).append("\n\n");
        }
        for (EditionBlock block : edition.getBlocks()) {
            text.append("* ").append(label(block.getKind(), locale)).append(" : ").append(block.getTitle()).append("\n");
            if (block.getSummary() != null) {
                text.append("  ").append(block.getSummary()).append("\n");
            }
            text.append("  ").append(subscriptions.absolute(block.getPath())).append("\n\n");
        }
        text.append("-- \n")
                .append(message("newsletter.mail.footer.online", locale)).append(" ").append(archive).append("\n")
                .append(message("newsletter.mail.footer.preferences", locale)).append(" ").append(preferences).append("\n")
                .append(message("newsletter.mail.footer.unsubscribe", locale)).append(" ").append(unsubscribe).append("\n");

        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(edition.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>")
                .append(escape(subject)).append("</title></head><body style=\"font-family:sans-serif;line-height:1.5;color:#1e1e1e;max-width:40em;margin:auto;padding:1em\">")
                .append("<h1>").append(escape(subject)).append("</h1>")
                .append(body(edition, locale))
                .append("<hr><p style=\"font-size:0.9em\"><a href=\"").append(escape(archive)).append("\">")
                .append(escape(message("newsletter.mail.footer.onlineLink", locale))).append("</a> · <a href=\"")
                .append(escape(preferences)).append("\">").append(escape(message("newsletter.mail.footer.preferencesLink", locale)))
                .append("</a> · <a href=\"").append(escape(unsubscribe)).append("\">")
                .append(escape(message("newsletter.mail.footer.unsubscribeLink", locale))).append("</a></p></body></html>");
        return new Rendered(subject, text.toString(), html.toString());
    }

    /** The editorial and the blocks, as the mail and the archive page show them (absolute links). */
    String body(Edition edition, Locale locale) {
        StringBuilder html = new StringBuilder(editorialHtml(edition.getEditorial()));
        if (!edition.getBlocks().isEmpty()) {
            html.append("<ul class=\"edition-blocks\">");
            for (EditionBlock block : edition.getBlocks()) {
                html.append("<li><p><strong>").append(escape(label(block.getKind(), locale))).append("</strong> · <a href=\"")
                        .append(escape(subscriptions.absolute(block.getPath()))).append("\">").append(escape(block.getTitle()))
                        .append("</a></p>");
                if (block.getSummary() != null) {
                    html.append("<p>").append(escape(block.getSummary())).append("</p>");
                }
                html.append("</li>");
            }
            html.append("</ul>");
        }
        return html.toString();
    }

    String label(BlockKind kind, Locale locale) {
        return message("newsletter.block." + kind.name(), locale);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
