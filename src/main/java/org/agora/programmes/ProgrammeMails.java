package org.agora.programmes;

import java.util.List;
import java.util.Locale;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.shared.MailAttachment;
import org.agora.shared.MailRequested;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Words the programmes' mails in each recipient's language and hands them to the outbox as {@link MailRequested}
 * events, inside the caller's transaction: a mail exists if and only if what caused it is committed.
 */
@Component
class ProgrammeMails {

    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final AccountManagement accounts;
    private final Applicants applicants;
    private final String baseUrl;

    ProgrammeMails(ApplicationEventPublisher events, MessageSource messages, AccountManagement accounts,
                   Applicants applicants, @Value("${agora.base-url}") String baseUrl) {
        this.events = events;
        this.messages = messages;
        this.accounts = accounts;
        this.applicants = applicants;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * To every member of the application's organisation: {@code key}.subject and {@code key}.body with {0} the
     * application's title, {1} the call's title, {2} {@code detail}; a link to the application's page.
     */
    void toMembers(Application application, Call call, String topic, String key, String detail,
                   List<MailAttachment> attachments) {
        for (Applicants.Member member : applicants.members(application.organisationId())) {
            accounts.find(new AccountId(member.accountId())).ifPresent(user -> send(user, application, call, topic, key,
                    detail, attachments, "/programmes/candidatures/" + application.id()));
        }
    }

    /** To one account (staff who run the call, a reviewer): the link leads to {@code path}. */
    void toAccount(long accountId, Application application, Call call, String topic, String key, String detail,
                   String path) {
        accounts.find(new AccountId(accountId)).ifPresent(user -> send(user, application, call, topic, key, detail,
                List.of(), path));
    }

    private void send(AgoraUser user, Application application, Call call, String topic, String key, String detail,
                      List<MailAttachment> attachments, String path) {
        Locale locale = Locale.forLanguageTag(user.language() == null ? "fr" : user.language());
        String subject = messages.getMessage(key + ".subject", new Object[] {application.title(), call.title()}, locale);
        String body = messages.getMessage(key + ".body", new Object[] {application.title(), call.title(),
                detail == null ? "" : detail}, locale);
        String linkLabel = messages.getMessage("programmes.application.mail.link", null, locale);
        String link = baseUrl + path;
        String text = body + "\n\n" + linkLabel + " " + link + "\n";
        String html = "<p>" + HtmlUtils.htmlEscape(body).replace("\n", "<br>") + "</p><p><a href=\""
                + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(linkLabel) + "</a></p>";
        events.publishEvent(new MailRequested(user.id().value(), user.email(), locale.getLanguage(), topic, subject,
                text, html, attachments, null));
    }
}
