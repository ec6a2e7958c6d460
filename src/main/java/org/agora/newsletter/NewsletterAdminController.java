package org.agora.newsletter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.territories.TerritoryView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages: figures and editions, compose, preview (HTML and text), test send, send and its progress. */
@Controller
class NewsletterAdminController {

    private final Editions editions;
    private final EditionSending sending;
    private final EditionSuggestions suggestions;
    private final EditionRenderer renderer;
    private final Deliveries deliveries;
    private final NewsletterStatistics statistics;
    private final NewsletterController publicPages;
    private final Subscriptions subscriptions;

    NewsletterAdminController(Editions editions, EditionSending sending, EditionSuggestions suggestions,
                              EditionRenderer renderer, Deliveries deliveries, NewsletterStatistics statistics,
                              NewsletterController publicPages, Subscriptions subscriptions) {
        this.editions = editions;
        this.sending = sending;
        this.suggestions = suggestions;
        this.renderer = renderer;
        this.deliveries = deliveries;
        this.statistics = statistics;
        this.publicPages = publicPages;
        this.subscriptions = subscriptions;
    }

    static void requireStaff(AgoraUser user) {
        if (user == null || !(user.holdsAnywhere(Role.STAFF) || user.isAdministrator())) {
            throw new AccessDeniedException("Only staff run the newsletter");
        }
    }

    @GetMapping("/admin/newsletter")
    String home(@AuthenticationPrincipal AgoraUser user, Model model) {
        requireStaff(user);
        List<Edition> all = editions.findNewestFirst();
        Map<Long, Deliveries.Progress> progress = new LinkedHashMap<>();
        all.stream().filter(edition -> !edition.isDraft())
                .forEach(edition -> progress.put(edition.getId(), deliveries.progress(edition.getId())));
        model.addAttribute("editions", all);
        model.addAttribute("progress", progress);
        model.addAttribute("confirmed", statistics.confirmedSubscribers());
        model.addAttribute("pending", statistics.pendingSubscribers());
        model.addAttribute("unsubscriptions", statistics.unsubscriptions());
        model.addAttribute("sent", statistics.editionsSent());
        model.addAttribute("months", statistics.months());
        return "newsletter/admin";
    }

    @PostMapping("/admin/newsletter")
    String create(@AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        requireStaff(user);
        Edition edition = editions.save(Edition.draft(user.id().value(), "en".equals(user.language()) ? "en" : "fr",
                subscriptions.now()));
        return "redirect:/admin/newsletter/" + edition.getId();
    }

    @GetMapping("/admin/newsletter/{id}")
    @Transactional(readOnly = true)
    String edit(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        requireStaff(user);
        Edition edition = require(id);
        return page(model, edition, EditionForm.of(edition), Map.of());
    }

    private String page(Model model, Edition edition, EditionForm form, Map<String, String> problems) {
        model.addAttribute("edition", edition);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("themes", NewsletterTheme.values());
        model.addAttribute("departements", publicPages.departements());
        model.addAttribute("choices", choices(edition));
        if (!edition.isDraft()) {
            model.addAttribute("progress", deliveries.progress(edition.getId()));
        }
        return "newsletter/admin-edition";
    }

    /** The blocks already chosen, then the suggestions not chosen yet. */
    private List<EditionBlock> choices(Edition edition) {
        List<EditionBlock> choices = new ArrayList<>(edition.getBlocks());
        Set<String> chosen = choices.stream().map(EditionBlock::getKey).collect(Collectors.toSet());
        suggestions.suggestions(subscriptions.now()).stream().filter(block -> !chosen.contains(block.getKey()))
                .forEach(choices::add);
        return choices;
    }

    @PostMapping("/admin/newsletter/{id}")
    @Transactional
    String save(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @ModelAttribute EditionForm form,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireStaff(user);
        Edition edition = require(id);
        if (!edition.isDraft()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This edition was sent");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        String subject = form.subject() == null ? "" : form.subject().strip();
        String editorial = form.editorial() == null ? "" : form.editorial().strip();
        if (subject.isEmpty()) {
            problems.put("subject", "newsletter.error.subjectMissing");
        } else if (subject.length() > 200) {
            problems.put("subject", "newsletter.error.subjectTooLong");
        }
        if (editorial.length() > 20000) {
            problems.put("editorial", "newsletter.error.editorialTooLong");
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, edition, form, problems);
        }
        Set<Long> departements = publicPages.departements().stream().map(TerritoryView::id).collect(Collectors.toSet());
        Preferences audience = new SubscriptionForm("", form.themes(), form.territories(), true).preferences(departements);
        Set<String> wanted = form.blocks() == null ? Set.of() : new LinkedHashSet<>(form.blocks());
        List<EditionBlock> blocks = choices(edition).stream().filter(block -> wanted.contains(block.getKey())).toList();
        edition.write(subject, editorial, "en".equals(form.language()) ? "en" : "fr", audience, blocks, subscriptions.now());
        redirect.addFlashAttribute("flash", "newsletter.flash.saved");
        return "redirect:/admin/newsletter/" + id;
    }

    @GetMapping("/admin/newsletter/{id}/preview")
    @Transactional(readOnly = true)
    String preview(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        requireStaff(user);
        Edition edition = require(id);
        model.addAttribute("edition", edition);
        model.addAttribute("body", renderer.body(edition, java.util.Locale.of(edition.getLanguage())));
        return "newsletter/admin-preview";
    }

    @GetMapping("/admin/newsletter/{id}/preview.txt")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> previewText(@AuthenticationPrincipal AgoraUser user, @PathVariable long id) {
        requireStaff(user);
        String text = renderer.mail(require(id), null).text();
        return ResponseEntity.ok().header("Content-Type", "text/plain; charset=utf-8")
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/admin/newsletter/{id}/test")
    @Transactional
    String test(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        requireStaff(user);
        Edition edition = require(id);
        if (edition.getSubject().isBlank()) {
            redirect.addFlashAttribute("flash", "newsletter.flash.subjectFirst");
        } else {
            sending.sendTest(edition, user.email(), user.id().value());
            redirect.addFlashAttribute("flash", "newsletter.flash.testSent");
        }
        return "redirect:/admin/newsletter/" + id;
    }

    @PostMapping("/admin/newsletter/{id}/send")
    String send(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        requireStaff(user);
        Edition edition = editions.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (edition.getSubject().isBlank()) {
            redirect.addFlashAttribute("flash", "newsletter.flash.subjectFirst");
            return "redirect:/admin/newsletter/" + id;
        }
        sending.start(id);
        redirect.addFlashAttribute("flash", "newsletter.flash.sending");
        return "redirect:/admin/newsletter/" + id;
    }

    private Edition require(long id) {
        return editions.findWithBlocks(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
