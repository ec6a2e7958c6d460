package org.agora.processes;

import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.agora.accounts.AgoraUser;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for processes. Object-level rights are checked by {@link ProcessManagement} on every call. */
@Controller
@RequestMapping("/admin/processes")
class ProcessAdminController {

    private final ProcessManagement management;
    private final ProcessPermissions permissions;
    private final MessageSource messages;
    private final ProcessTeamController team;

    ProcessAdminController(ProcessManagement management, ProcessPermissions permissions, MessageSource messages,
                           ProcessTeamController team) {
        this.management = management;
        this.permissions = permissions;
        this.messages = messages;
        this.team = team;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AgoraUser user, Model model) {
        model.addAttribute("processes", management.managedBy(user));
        model.addAttribute("canCreate", permissions.canCreate(user));
        return "processes/admin/list";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal AgoraUser user, Model model, Locale locale) {
        requireCreator(user);
        LocalDate today = management.today();
        List<ProcessForm.PhaseRow> phases = IntStream.range(0, ProcessManagement.DEFAULT_PHASES.size())
                .mapToObj(index -> new ProcessForm.PhaseRow(
                        messages.getMessage("processes.phase.default." + ProcessManagement.DEFAULT_PHASES.get(index), null, locale),
                        "", today.plusMonths(2L * index).toString(), today.plusMonths(2L * index + 2).minusDays(1).toString()))
                .toList();
        ProcessForm form = new ProcessForm("", "", "", "", null, "", false,
                EnumSet.of(ProcessFeature.PROPOSALS, ProcessFeature.COMMENTS), phases);
        return form(model, user, form, FormErrors.NONE, null, false);
    }

    @PostMapping
    String create(@AuthenticationPrincipal AgoraUser user, @Valid @ModelAttribute("form") ProcessForm form,
                  BindingResult result, @RequestParam(name = "image", required = false) MultipartFile image,
                  Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) throws IOException {
        requireCreator(user);
        if (!result.hasErrors()) {
            try {
                long id = management.create(user, form, bytes(image));
                redirect.addFlashAttribute("flash", "processes.flash.created");
                return "redirect:/admin/processes/" + id;
            } catch (ProcessManagement.Invalid invalid) {
                reject(result, invalid);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, user, form, FormErrors.of(result, messages, locale), null, false);
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
        return team.page(id, user, model, "", null);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
        ProcessForm form = management.formOf(id, user);
        return form(model, user, form, FormErrors.NONE, id, management.hasImage(id, user));
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                  @Valid @ModelAttribute("form") ProcessForm form, BindingResult result,
                  @RequestParam(name = "image", required = false) MultipartFile image, Model model,
                  RedirectAttributes redirect, HttpServletResponse response, Locale locale) throws IOException {
        boolean hasImage = management.hasImage(id, user);
        if (!result.hasErrors()) {
            try {
                management.update(id, user, form, bytes(image));
                redirect.addFlashAttribute("flash", "processes.flash.saved");
                return "redirect:/admin/processes/" + id;
            } catch (ProcessManagement.Invalid invalid) {
                reject(result, invalid);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, user, form, FormErrors.of(result, messages, locale), id, hasImage);
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        return transition(id, redirect, "processes.flash.published", () -> management.publish(id, user));
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        return transition(id, redirect, "processes.flash.closed", () -> management.close(id, user));
    }

    @PostMapping("/{id}/reopen")
    String reopen(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        return transition(id, redirect, "processes.flash.reopened", () -> management.reopen(id, user));
    }

    @PostMapping("/{id}/current-phase")
    String currentPhase(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                        @RequestParam(required = false) String phase, RedirectAttributes redirect) {
        Integer index;
        try {
            index = phase == null || phase.isBlank() ? null : Integer.valueOf(phase);
        } catch (NumberFormatException e) {
            index = -1;
        }
        Integer chosen = index;
        return transition(id, redirect, "processes.flash.currentPhase", () -> management.chooseCurrentPhase(id, user, chosen));
    }

    private String transition(long id, RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", done);
        } catch (IllegalStateException | IllegalArgumentException refused) {
            redirect.addFlashAttribute("flashError", "processes.flash.refused");
        }
        return "redirect:/admin/processes/" + id;
    }

    private String form(Model model, AgoraUser user, ProcessForm form, FormErrors errors, Long id, boolean hasImage) {
        var scopes = permissions.scopesFor(user);
        if (id != null) {
            long current = management.territoryOf(id, user);
            if (scopes.stream().noneMatch(scope -> scope.id() == current)) {
                scopes = new java.util.ArrayList<>(scopes);
                management.territoryView(current).ifPresent(scopes::addFirst);
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("phaseRows", form.phaseRows());
        model.addAttribute("errors", errors);
        model.addAttribute("processId", id);
        model.addAttribute("hasImage", hasImage);
        model.addAttribute("scopes", scopes);
        model.addAttribute("allFeatures", ProcessFeature.values());
        model.addAttribute("maxImageMegabytes", ImageFormat.MAX_BYTES / (1024 * 1024));
        return "processes/admin/form";
    }

    private void requireCreator(AgoraUser user) {
        if (!permissions.canCreate(user)) {
            throw new AccessDeniedException("Cannot create processes");
        }
    }

    private static void reject(BindingResult result, ProcessManagement.Invalid invalid) {
        invalid.problems().forEach(problem -> result.addError(new FieldError("form", problem.field(), null, false,
                new String[] {problem.key()}, null, problem.key())));
    }

    /** Reads one byte more than allowed at most, so that an oversized file is recognised without being held whole. */
    private static byte[] bytes(MultipartFile image) throws IOException {
        if (image == null || image.isEmpty()) {
            return null;
        }
        try (var in = image.getInputStream()) {
            return in.readNBytes(ImageFormat.MAX_BYTES + 1);
        }
    }
}
