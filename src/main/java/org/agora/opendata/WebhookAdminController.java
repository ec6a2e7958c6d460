package org.agora.opendata;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages of the webhooks: the endpoints, one endpoint with its delivery log, one delivery with its attempts. */
@Controller
@RequestMapping("/admin/webhooks")
class WebhookAdminController {

    static final int LOG_SIZE = 50;

    private final WebhookManagement management;
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookDispatcher dispatcher;

    WebhookAdminController(WebhookManagement management, WebhookEndpoints endpoints, WebhookDeliveries deliveries,
                           WebhookDispatcher dispatcher) {
        this.management = management;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AgoraUser user, Model model) {
        WebhookManagement.requireStaff(user);
        model.addAttribute("endpoints", endpoints.all());
        model.addAttribute("backoff", dispatcher.backoff().stream().map(WebhookAdminController::readable).toList());
        return "opendata/webhooks";
    }

    @GetMapping("/new")
    String create(@AuthenticationPrincipal AgoraUser user, Model model) {
        WebhookManagement.requireStaff(user);
        return form(model, null, WebhookForm.empty(), Map.of());
    }

    @PostMapping
    String register(@AuthenticationPrincipal AgoraUser user, @ModelAttribute WebhookForm form, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        WebhookManagement.requireStaff(user);
        WebhookManagement.Checked checked = management.check(form);
        if (!checked.problems().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, null, form, checked.problems());
        }
        WebhookManagement.Registered registered = management.register(user, checked);
        redirect.addFlashAttribute("flash", "opendata.webhooks.flash.created");
        redirect.addFlashAttribute("webhookSecret", registered.secret());
        return "redirect:/admin/webhooks/" + registered.id();
    }

    @GetMapping("/{id:\\d{1,18}}")
    String endpoint(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        WebhookManagement.requireStaff(user);
        model.addAttribute("endpoint", management.require(id));
        model.addAttribute("deliveries", deliveries.ofEndpoint(id, LOG_SIZE));
        model.addAttribute("actions", endpoints.actions(id, 20));
        model.addAttribute("logSize", LOG_SIZE);
        return "opendata/webhook";
    }

    @GetMapping("/{id:\\d{1,18}}/edit")
    String edit(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        WebhookManagement.requireStaff(user);
        WebhookEndpoints.Endpoint endpoint = management.require(id);
        return form(model, endpoint, WebhookForm.of(endpoint), Map.of());
    }

    @PostMapping("/{id:\\d{1,18}}")
    String update(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @ModelAttribute WebhookForm form,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        WebhookManagement.requireStaff(user);
        WebhookEndpoints.Endpoint endpoint = management.require(id);
        WebhookManagement.Checked checked = management.check(form);
        if (!checked.problems().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, endpoint, form, checked.problems());
        }
        management.update(user, id, checked);
        redirect.addFlashAttribute("flash", "opendata.webhooks.flash.updated");
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/{id:\\d{1,18}}/pause")
    String pause(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        management.pause(user, id);
        redirect.addFlashAttribute("flash", "opendata.webhooks.flash.paused");
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/{id:\\d{1,18}}/resume")
    String resume(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        management.resume(user, id);
        redirect.addFlashAttribute("flash", "opendata.webhooks.flash.resumed");
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/{id:\\d{1,18}}/secret")
    String regenerate(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        String secret = management.regenerateSecret(user, id);
        redirect.addFlashAttribute("flash", "opendata.webhooks.flash.secret");
        redirect.addFlashAttribute("webhookSecret", secret);
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/{id:\\d{1,18}}/ping")
    String ping(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        management.ping(user, id);
        redirect.addFlashAttribute("flash", "opendata.webhooks.flash.ping");
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/{id:\\d{1,18}}/delete")
    String delete(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        management.delete(user, id);
        redirect.addFlashAttribute("flash", "opendata.webhooks.flash.deleted");
        return "redirect:/admin/webhooks";
    }

    @GetMapping("/{id:\\d{1,18}}/deliveries/{deliveryId:\\d{1,18}}")
    String delivery(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @PathVariable long deliveryId,
                    Model model) {
        WebhookManagement.requireStaff(user);
        WebhookEndpoints.Endpoint endpoint = management.require(id);
        WebhookDeliveries.Delivery delivery = deliveries.find(deliveryId).filter(found -> found.endpointId() == id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("delivery", delivery);
        model.addAttribute("attempts", deliveries.attempts(deliveryId));
        return "opendata/webhook-delivery";
    }

    @PostMapping("/{id:\\d{1,18}}/deliveries/{deliveryId:\\d{1,18}}/redeliver")
    String redeliver(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @PathVariable long deliveryId,
                     RedirectAttributes redirect) {
        management.redeliver(user, id, deliveryId);
        redirect.addFlashAttribute("flash", "opendata.webhooks.flash.redelivered");
        return "redirect:/admin/webhooks/" + id;
    }

    /** A delay as staff read it: "90 s", "5 min", "2 h", "1 h 30 min". */
    static String readable(java.time.Duration delay) {
        long seconds = delay.toSeconds();
        if (seconds < 60 || seconds % 60 != 0) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    private String form(Model model, WebhookEndpoints.Endpoint endpoint, WebhookForm form, Map<String, String> problems) {
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("events", WebhookEvent.subscribable());
        return "opendata/webhook-form";
    }

}
