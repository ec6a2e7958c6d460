package org.agora.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mails from templates/notifications/mail/mail.txt and mail.html with the texts of messages/notifications,
 * in the recipient's language. Its own template engine (not a bean, so Boot's web engine is left alone) resolves
 * *.txt in TEXT mode, where nothing is escaped, and *.html in HTML mode, where every value is escaped.
 */
@Component
class MailTemplates {

    static final Set<String> LANGUAGES = Set.of("fr", "en");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;
    private final String baseUrl;

    MailTemplates(MessageSource messages, @Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/notifications/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** The language a mail is written in: the recipient's when we have texts for it, French otherwise. */
    static String language(String requested) {
        return requested != null && LANGUAGES.contains(requested) ? requested : "fr";
    }

    /** {@code link} may be null when the mail asks nothing of its reader. */
    RenderedMail render(MailKind kind, String language, String pseudonym, String link) {
        Locale locale = Locale.of(language(language));
        String subject = messages.getMessage("notifications.mail." + kind.key + ".subject", null, locale);
        return render("mail", locale, subject, Map.of(
                "k", "notifications.mail." + kind.key,
                "pseudonym", pseudonym == null ? "" : pseudonym,
                "link", link == null ? "" : link));
    }

    /** The absolute address of a path on this site, as mails write it. */
    String absolute(String path) {
        return baseUrl + path;
    }

    /** A notice mail (one notice) or a digest (several), each item with its absolute link, and the unsubscribe link. */
    RenderedMail renderNotices(MailKind kind, String language, String pseudonym, String subject, List<MailedNotice> items,
                               String unsubscribeUrl) {
        Locale locale = Locale.of(language(language));
        return render("notices", locale, subject, Map.of(
                "k", "notifications.mail." + kind.key,
                "pseudonym", pseudonym == null ? "" : pseudonym,
                "items", items,
                "count", items.size(),
                "settingsUrl", absolute(NotificationController.SETTINGS_PATH),
                "unsubscribeUrl", unsubscribeUrl));
    }

    private RenderedMail render(String template, Locale locale, String subject, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("subject", subject);
        all.put("language", locale.getLanguage());
        all.put("baseUrl", baseUrl);
        Context context = new Context(locale, all);
        return new RenderedMail(subject, engine.process(template + ".txt", context).strip() + "\n",
                engine.process(template + ".html", context));
    }

    /** One notice as a mail shows it: its text and the absolute address of its page. */
    record MailedNotice(String text, String link) {
    }
}
