package org.agora.notifications;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.agora.shared.Clocks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The outbox as administrators see it (access: ADMINISTRATOR, see accounts' SecurityConfiguration). Without an SMTP
 * server this is where the sign-up links of a laptop installation are read.
 */
@Controller
@RequestMapping("/admin/mails")
class MailAdminController {

    static final int PAGE_SIZE = 25;

    private final Mails mails;

    MailAdminController(Mails mails) {
        this.mails = mails;
    }

    record Row(long id, String recipient, String subject, String status, ZonedDateTime createdAt, int attempts) {
    }

    record Details(long id, String recipient, String subject, String language, String kind, String status,
                   int attempts, ZonedDateTime createdAt, ZonedDateTime sentAt, ZonedDateTime nextAttemptAt,
                   String lastError, String text, List<String> links) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String recipient, @RequestParam(defaultValue = "0") int page, Model model) {
        String filter = recipient == null ? "" : recipient.strip();
        PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
        Page<Mail> found = filter.isEmpty() ? mails.findNewestFirst(request)
                : mails.findByRecipientContaining(likeEscaped(filter), request);
        model.addAttribute("recipient", filter);
        model.addAttribute("mails", found.map(mail -> new Row(mail.id(), mail.recipient(), mail.subject(),
                mail.status().name(), paris(mail.createdAt()), mail.attempts())));
        return "notifications/admin-mails";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Mail mail = mails.findById(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("mail", new Details(mail.id(), mail.recipient(), mail.subject(), mail.language(),
                mail.kind().name(), mail.status().name(), mail.attempts(), paris(mail.createdAt()), paris(mail.sentAt()),
                mail.status() == Mail.Status.PENDING ? paris(mail.nextAttemptAt()) : null, mail.lastError(), mail.text(),
                OutboxMail.links(mail.text())));
        return "notifications/admin-mail";
    }

    private static ZonedDateTime paris(Instant instant) {
        return instant == null ? null : instant.atZone(Clocks.PARIS);
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
