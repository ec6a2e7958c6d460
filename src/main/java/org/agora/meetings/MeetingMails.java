package org.agora.meetings;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.agora.shared.MailAttachment;
import org.agora.shared.MailRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Words the meeting mails in the recipient's language and hands them to the outbox as {@link MailRequested} events,
 * inside the caller's transaction (docs/decisions/0013). A confirmed seat comes with the registration code, its QR code
 * (inline and attached) and the meeting's calendar file.
 */
@Component
class MeetingMails {

    static final String QR_CID = "registration-qr";

    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final MeetingLinks links;

    MeetingMails(ApplicationEventPublisher events, MessageSource messages, MeetingLinks links) {
        this.events = events;
        this.messages = messages;
        this.links = links;
    }

    void confirmYourRegistration(Meeting meeting, Registration registration, String confirmToken) {
        send(meeting, registration, "meeting-confirm", "meetings.mail.confirm",
                links.url("/meetings/registrations/confirm?token=" + confirmToken), null, false);
    }

    /** After registering (or confirming as a guest): a seat, or a place in the waiting list. */
    void registered(Meeting meeting, Registration registration, String cancelToken, Integer waitingPosition) {
        if (registration.status() == RegistrationStatus.WAITING) {
            send(meeting, registration, "meeting-waiting", "meetings.mail.waiting", cancelLink(cancelToken),
                    waitingPosition, false);
        } else {
            send(meeting, registration, "meeting-registration", "meetings.mail.registered", cancelLink(cancelToken),
                    null, true);
        }
    }

    void promoted(Meeting meeting, Registration registration, String cancelToken) {
        send(meeting, registration, "meeting-promoted", "meetings.mail.promoted", cancelLink(cancelToken), null, true);
    }

    void cancelledByStaff(Meeting meeting, Registration registration) {
        send(meeting, registration, "meeting-cancelled", "meetings.mail.cancelled", null, null, false);
    }

    void reminder(Meeting meeting, Registration registration) {
        send(meeting, registration, "meeting-reminder", "meetings.mail.reminder", null, null, false);
    }

    private String cancelLink(String cancelToken) {
        return links.url("/meetings/registrations/cancel?token=" + cancelToken);
    }

    /**
     * {@code key}.subject, {@code key}.body (a paragraph with {0} the title, {1} the date, {2} the place, {3} the waiting
     * position) and, when {@code link} is given, {@code key}.link as the link's text.
     */
    private void send(Meeting meeting, Registration registration, String topic, String key, String link,
                      Integer position, boolean withTicket) {
        Locale locale = Locale.forLanguageTag(registration.language());
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale)
                .format(meeting.startsInParis());
        String place = links.place(meeting);
        String subject = message("meetings.mail.subject." + topic.substring("meeting-".length()), locale, meeting.title());
        String greeting = message("meetings.mail.greeting", locale, registration.name());
        String body = message(key + ".body", locale, meeting.title(), when,
                place.isBlank() ? message("meetings.mail.online", locale) : place, position == null ? 0 : position);
        StringBuilder text = new StringBuilder(greeting).append("\n\n").append(body).append("\n\n");
        StringBuilder html = new StringBuilder("<p>").append(escape(greeting)).append("</p><p>").append(escape(body))
                .append("</p>");
        List<MailAttachment> attachments = new ArrayList<>();
        if (withTicket) {
            String code = message("meetings.mail.code", locale, registration.code());
            text.append(code).append("\n\n");
            html.append("<p><strong>").append(escape(code)).append("</strong></p><p><img src=\"cid:").append(QR_CID)
                    .append("\" width=\"240\" height=\"240\" alt=\"").append(escape(message("meetings.mail.qr.alt", locale)))
                    .append("\"></p>");
            attachments.add(new MailAttachment("qr-" + registration.code() + ".png", "image/png",
                    QrCodes.png(links.checkIn(meeting, registration), 480), QR_CID));
            attachments.add(new MailAttachment("meeting-" + meeting.id() + ".ics", "text/calendar; charset=utf-8",
                    links.calendar(meeting.title(), List.of(meeting)), null));
        }
        String page = links.page(meeting);
        text.append(message("meetings.mail.page", locale)).append(' ').append(page).append('\n');
        html.append("<p><a href=\"").append(escape(page)).append("\">").append(escape(message("meetings.mail.page", locale)))
                .append("</a></p>");
        if (link != null) {
            String label = message(key + ".link", locale);
            text.append(label).append(' ').append(link).append('\n');
            html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(label)).append("</a></p>");
        }
        events.publishEvent(new MailRequested(registration.accountId(), registration.email(), registration.language(),
                topic, subject, text.toString(), html.toString(), attachments, null));
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
