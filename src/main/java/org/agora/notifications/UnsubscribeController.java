package org.agora.notifications;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.NotificationFrequency;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unsubscribe link of every notification mail. GET only shows a confirmation (link scanners open links); POST
 * switches notification mails off. Mail clients' one-click unsubscribe (RFC 8058) POSTs
 * {@code List-Unsubscribe=One-Click} to the same address without a session, which is why this path carries no CSRF
 * token (accounts' SecurityConfiguration): the token in the address is what authorises it.
 */
@Controller
@RequestMapping(NoticeMails.UNSUBSCRIBE_PATH)
class UnsubscribeController {

    private final NotificationPreferences preferences;
    private final AccountManagement accounts;

    UnsubscribeController(NotificationPreferences preferences, AccountManagement accounts) {
        this.preferences = preferences;
        this.accounts = accounts;
    }

    @GetMapping
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (preferences.byUnsubscribeToken(token).isEmpty()) {
            return invalid(response);
        }
        model.addAttribute("token", token);
        return "notifications/unsubscribe";
    }

    @PostMapping
    String unsubscribe(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<AccountId> account = preferences.byUnsubscribeToken(token);
        if (account.isEmpty() || accounts.find(account.get()).isEmpty()) {
            return invalid(response);
        }
        accounts.changeNotificationFrequency(account.get(), NotificationFrequency.NEVER);
        model.addAttribute("done", true);
        return "notifications/unsubscribe";
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "notifications/unsubscribe-invalid";
    }
}
