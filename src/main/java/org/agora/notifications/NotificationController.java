package org.agora.notifications;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.NotificationFrequency;
import org.agora.shared.Clocks;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The person's notices and notification settings (under /account: signed-in only, see accounts' security rules). */
@Controller
class NotificationController {

    static final String LIST_PATH = "/account/notifications";
    static final String SETTINGS_PATH = "/account/notifications/settings";
    static final int PAGE_SIZE = 20;

    private final Noticeboard board;
    private final NoticeMails texts;
    private final NotificationPreferences preferences;
    private final AccountManagement accounts;

    NotificationController(Noticeboard board, NoticeMails texts, NotificationPreferences preferences,
                           AccountManagement accounts) {
        this.board = board;
        this.texts = texts;
        this.preferences = preferences;
        this.accounts = accounts;
    }

    record Row(long id, String text, boolean read, ZonedDateTime createdAt) {
    }

    record SettingsForm(String frequency, String autoFollow) {
    }

    /** {@code page} counts from 1, as the pagination fragment does. */
    @GetMapping(LIST_PATH)
    String list(@AuthenticationPrincipal AgoraUser user, @RequestParam(defaultValue = "1") String page, Model model,
                Locale locale) {
        int number = pageNumber(page);
        Page<Notice> found = board.page(user.id(), number - 1, PAGE_SIZE);
        if (number > 1 && number > found.getTotalPages()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        List<Row> rows = found.stream().map(notice -> new Row(notice.id(), texts.text(notice, locale), notice.isRead(),
                notice.createdAt().atZone(Clocks.PARIS))).toList();
        model.addAttribute("notices", rows);
        model.addAttribute("page", number);
        model.addAttribute("totalPages", found.getTotalPages());
        model.addAttribute("total", found.getTotalElements());
        model.addAttribute("unread", board.unread(user.id()));
        return "notifications/list";
    }

    @PostMapping(LIST_PATH + "/{id}/open")
    String open(@AuthenticationPrincipal AgoraUser user, @PathVariable long id) {
        return "redirect:" + board.open(user.id(), id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    @PostMapping(LIST_PATH + "/read-all")
    String readAll(@AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        board.readAll(user.id());
        redirect.addFlashAttribute("flash", "notifications.flash.allRead");
        return "redirect:" + LIST_PATH;
    }

    @GetMapping(SETTINGS_PATH)
    String settings(@AuthenticationPrincipal AgoraUser user, Model model) {
        var profile = accounts.profile(user.id());
        NotificationFrequency frequency = profile.notifyByEmail() ? profile.frequency() : NotificationFrequency.NEVER;
        model.addAttribute("settingsForm", new SettingsForm(frequency.name(),
                preferences.autoFollow(user.id()) ? "true" : null));
        return settingsPage(model);
    }

    @PostMapping(SETTINGS_PATH)
    String saveSettings(@AuthenticationPrincipal AgoraUser user, @ModelAttribute SettingsForm settingsForm,
                        BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        NotificationFrequency frequency = frequency(settingsForm.frequency());
        if (frequency == null) {
            errors.rejectValue("frequency", "notifications.settings.frequency.invalid");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return settingsPage(model);
        }
        accounts.changeNotificationFrequency(user.id(), frequency);
        preferences.autoFollow(user.id(), "true".equals(settingsForm.autoFollow()));
        redirect.addFlashAttribute("flash", "notifications.flash.settingsSaved");
        return "redirect:" + SETTINGS_PATH;
    }

    private static String settingsPage(Model model) {
        model.addAttribute("frequencies", NotificationFrequency.values());
        return "notifications/settings";
    }

    private static NotificationFrequency frequency(String value) {
        for (NotificationFrequency frequency : NotificationFrequency.values()) {
            if (frequency.name().equals(value)) {
                return frequency;
            }
        }
        return null;
    }

    private static int pageNumber(String page) {
        try {
            int number = Integer.parseInt(page.strip());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ResponseStatusException(NOT_FOUND);
    }
}
