package org.agora.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.agora.shared.Clocks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
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

    record Details(long id, String recipient, String subject, String language, String kind, String topic, String status,
                   int attempts, ZonedDateTime createdAt, ZonedDateTime sentAt, ZonedDateTime nextAttemptAt,
                   String lastError, String text, boolean html, List<String> links, List<File> files) {
    }

    /** An attached file as the page lists it; {@code position} is its place in the mail, from 0. */
    record File(int position, String name, String contentType, boolean inline, long size) {
    }

    /**
     * The HTML part opens as a page of its own, sandboxed and under a policy that lets it load nothing but the mail's
     * own files from this site: no script, no style, no remote image (a mail's HTML is not this site's page).
     */
    static final String PREVIEW_POLICY = "default-src 'none'; img-src 'self'; frame-ancestors 'none'; sandbox allow-same-origin";

    private static final Pattern CID = Pattern.compile("cid:([A-Za-z0-9._@-]+)");

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
    @Transactional(readOnly = true)
    String show(@PathVariable long id, Model model) {
        Mail mail = found(id);
        List<Attachment> attachments = mail.attachments();
        List<File> files = IntStream.range(0, attachments.size()).mapToObj(position -> {
            Attachment file = attachments.get(position);
            return new File(position, file.fileName(), file.contentType(), file.inline(), file.size());
        }).toList();
        model.addAttribute("mail", new Details(mail.id(), mail.recipient(), mail.subject(), mail.language(),
                mail.kind().name(), mail.topic(), mail.status().name(), mail.attempts(), paris(mail.createdAt()),
                paris(mail.sentAt()), mail.status() == Mail.Status.PENDING ? paris(mail.nextAttemptAt()) : null,
                mail.lastError(), mail.text(), mail.html() != null, OutboxMail.links(mail.text()), files));
        return "notifications/admin-mail";
    }

    /** One file of a mail, downloaded under its own name and type. */
    @GetMapping("/{id}/attachments/{position}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable int position) {
        List<Attachment> attachments = found(id).attachments();
        if (position < 0 || position >= attachments.size()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        Attachment file = attachments.get(position);
        return ResponseEntity.ok()
                .contentType(mediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    /** The HTML part, its {@code cid:} images pointing at the mail's files. */
    @GetMapping("/{id}/html")
    @Transactional(readOnly = true)
    ResponseEntity<String> html(@PathVariable long id) {
        Mail mail = found(id);
        if (mail.html() == null) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        List<Attachment> attachments = mail.attachments();
        Map<String, Integer> positions = IntStream.range(0, attachments.size()).boxed()
                .filter(position -> attachments.get(position).inline())
                .collect(Collectors.toMap(position -> attachments.get(position).contentId(), Function.identity(),
                        (first, second) -> first));
        String html = CID.matcher(mail.html()).replaceAll(match -> {
            Integer position = positions.get(match.group(1));
            return position == null ? match.group() : "/admin/mails/" + mail.id() + "/attachments/" + position;
        });
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", PREVIEW_POLICY)
                .body(html);
    }

    private Mail found(long id) {
        return mails.findById(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private static MediaType mediaType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static ZonedDateTime paris(Instant instant) {
        return instant == null ? null : instant.atZone(Clocks.PARIS);
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
