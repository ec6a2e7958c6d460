package org.agora.newsletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public pages: subscribe, confirm, unsubscribe (GET asks, POST does it: mail clients' one-click unsubscribe,
 * RFC 8058, POSTs {@code List-Unsubscribe=One-Click} here without a session, so accounts' SecurityConfiguration
 * exempts these addresses from CSRF: the token authorises), preferences by token, the archive; and the account page's
 * newsletter settings.
 */
@Controller
class NewsletterController {

    private final Subscriptions subscriptions;
    private final TerritoryDirectory territories;
    private final Editions editions;
    private final EditionRenderer renderer;

    NewsletterController(Subscriptions subscriptions, TerritoryDirectory territories, Editions editions,
                         EditionRenderer renderer) {
        this.subscriptions = subscriptions;
        this.territories = territories;
        this.editions = editions;
        this.renderer = renderer;
    }

    List<TerritoryView> departements() {
        return territories.scopes().stream().filter(scope -> scope.kind() == TerritoryKind.DEPARTEMENT).toList();
    }

    private Set<Long> departementIds() {
        return departements().stream().map(TerritoryView::id).collect(Collectors.toSet());
    }

    private void choices(Model model) {
        model.addAttribute("themes", NewsletterTheme.values());
        model.addAttribute("departements", departements());
    }

    @GetMapping("/newsletter")
    String form(Model model) {
        choices(model);
        model.addAttribute("form", SubscriptionForm.empty());
        model.addAttribute("problems", Map.of());
        return "newsletter/subscribe";
    }

    @PostMapping("/newsletter")
    String subscribe(@ModelAttribute SubscriptionForm form, Locale locale, Model model, HttpServletResponse response,
                     RedirectAttributes redirect) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (form.email() == null || form.email().isBlank()) {
            problems.put("email", "newsletter.error.emailMissing");
        } else if (!Subscriptions.validEmail(form.email())) {
            problems.put("email", "newsletter.error.emailInvalid");
        }
        if (!Boolean.TRUE.equals(form.consent())) {
            problems.put("consent", "newsletter.error.consent");
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            choices(model);
            model.addAttribute("form", form);
            model.addAttribute("problems", problems);
            return "newsletter/subscribe";
        }
        try {
            subscriptions.subscribe(form.email(), locale.getLanguage(), form.preferences(departementIds()),
                    Subscriber.Source.FORM);
        } catch (DataIntegrityViolationException sameAddressAtTheSameTime) {
            // Another request subscribed this address a moment ago and mailed its confirmation link.
        }
        redirect.addFlashAttribute("sent", true);
        return "redirect:/newsletter/sent";
    }

    @GetMapping("/newsletter/sent")
    String sent() {
        return "newsletter/sent";
    }

    @GetMapping("/newsletter/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        var subscriber = subscriptions.confirm(token);
        if (subscriber.isEmpty() || subscriber.get().status() == Subscriber.Status.UNSUBSCRIBED) {
            return invalid(response);
        }
        model.addAttribute("token", token);
        return "newsletter/confirmed";
    }

    @GetMapping("/newsletter/unsubscribe/{token}")
    String unsubscribeForm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (subscriptions.byToken(token).isEmpty()) {
            return invalid(response);
        }
        model.addAttribute("token", token);
        return "newsletter/unsubscribe";
    }

    @PostMapping("/newsletter/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        if (subscriptions.unsubscribe(token).isEmpty()) {
            return invalid(response);
        }
        model.addAttribute("done", true);
        model.addAttribute("token", token);
        return "newsletter/unsubscribe";
    }

    @GetMapping("/newsletter/preferences/{token}")
    String preferences(@PathVariable String token, Model model, HttpServletResponse response) {
        var subscriber = subscriptions.byToken(token);
        if (subscriber.isEmpty() || subscriber.get().status() == Subscriber.Status.UNSUBSCRIBED) {
            return invalid(response);
        }
        choices(model);
        model.addAttribute("token", token);
        model.addAttribute("form", SubscriptionForm.of(subscriber.get().preferences()));
        return "newsletter/preferences";
    }

    @PostMapping("/newsletter/preferences/{token}")
    String changePreferences(@PathVariable String token, @ModelAttribute SubscriptionForm form,
                             HttpServletResponse response, RedirectAttributes redirect) {
        var subscriber = subscriptions.byToken(token);
        if (subscriber.isEmpty() || subscriber.get().status() == Subscriber.Status.UNSUBSCRIBED) {
            return invalid(response);
        }
        subscriptions.changePreferences(token, form.preferences(departementIds()));
        redirect.addFlashAttribute("flash", "newsletter.flash.preferences");
        return "redirect:/newsletter/preferences/" + token;
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "newsletter/invalid";
    }

    // ----- The account page -----

    @GetMapping("/account/newsletter")
    String account(@AuthenticationPrincipal AgoraUser user, Model model) {
        var subscriber = subscriptions.byEmail(user.email());
        boolean subscribed = subscriber.map(Subscriber::confirmed).orElse(false);
        choices(model);
        model.addAttribute("subscribed", subscribed);
        model.addAttribute("email", user.email());
        model.addAttribute("form", subscribed ? SubscriptionForm.of(subscriber.get().preferences()) : SubscriptionForm.empty());
        model.addAttribute("problems", Map.of());
        return "newsletter/account";
    }

    @PostMapping("/account/newsletter")
    String accountSubscribe(@AuthenticationPrincipal AgoraUser user, @ModelAttribute SubscriptionForm form, Model model,
                            HttpServletResponse response, RedirectAttributes redirect) {
        boolean subscribed = subscriptions.byEmail(user.email()).map(Subscriber::confirmed).orElse(false);
        if (!subscribed && !Boolean.TRUE.equals(form.consent())) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            choices(model);
            model.addAttribute("subscribed", false);
            model.addAttribute("email", user.email());
            model.addAttribute("form", form);
            model.addAttribute("problems", Map.of("consent", "newsletter.error.consent"));
            return "newsletter/account";
        }
        try {
            subscriptions.subscribeAccount(user.id().value(), user.email(), user.language(), form.preferences(departementIds()));
        } catch (DataIntegrityViolationException sameAddressAtTheSameTime) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Subscribed by another request: reload the page");
        }
        redirect.addFlashAttribute("flash", subscribed ? "newsletter.flash.preferences" : "newsletter.flash.subscribed");
        return "redirect:/account/newsletter";
    }

    @PostMapping("/account/newsletter/unsubscribe")
    String accountUnsubscribe(@AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        subscriptions.byEmail(user.email()).ifPresent(subscriber -> subscriptions.unsubscribe(subscriber.token()));
        redirect.addFlashAttribute("flash", "newsletter.flash.unsubscribed");
        return "redirect:/account/newsletter";
    }

    // ----- The public archive -----

    @GetMapping("/newsletter/archives")
    String archives(Model model) {
        model.addAttribute("editions", editions.findSent());
        return "newsletter/archives";
    }

    @GetMapping("/newsletter/archives/{id}")
    String edition(@PathVariable long id, Locale locale, Model model) {
        Edition edition = editions.findWithBlocks(id).filter(found -> found.getStatus() == Edition.Status.SENT)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("edition", edition);
        model.addAttribute("body", renderer.body(edition, Locale.of(edition.getLanguage())));
        return "newsletter/edition";
    }
}
