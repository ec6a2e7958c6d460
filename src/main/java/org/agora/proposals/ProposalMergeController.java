package org.agora.proposals;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessSettings;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff merge a duplicate into a kept proposal: choose both by reference, see what the merge will do, confirm with an
 * optional public note. Rights are checked by {@link ProposalMerging} on every call.
 */
@Controller
@RequestMapping("/admin/processes/{processId:\\d{1,18}}/proposals/merge")
class ProposalMergeController {

    private final ProposalMerging merging;
    private final MessageSource messages;

    ProposalMergeController(ProposalMerging merging, MessageSource messages) {
        this.merging = merging;
        this.messages = messages;
    }

    @GetMapping
    String form(@PathVariable long processId, @RequestParam(required = false) String merged,
                @AuthenticationPrincipal AgoraUser user, Model model) {
        ProcessSettings process = merging.managedProcess(user, processId);
        return form(model, process, new ProposalMerging.MergeForm(merged, null, null), ProposalErrors.NONE, null);
    }

    /** Without {@code confirm}, shows what the merge will do; with it, merges. */
    @PostMapping
    String merge(@PathVariable long processId, @RequestParam(required = false) String merged,
                 @RequestParam(required = false) String kept, @RequestParam(required = false) String note,
                 @RequestParam(required = false) String confirm, @AuthenticationPrincipal AgoraUser user, Model model,
                 RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        ProcessSettings process = merging.managedProcess(user, processId);
        ProposalMerging.MergeForm form = new ProposalMerging.MergeForm(merged, kept, note);
        try {
            if (!"true".equals(confirm)) {
                model.addAttribute("process", process);
                model.addAttribute("form", form);
                model.addAttribute("preview", merging.preview(user, processId, form));
                model.addAttribute("noteMax", ProposalMerging.NOTE_MAX);
                return "proposals/merge-confirm";
            }
            String keptReference = merging.merge(user, processId, form);
            redirect.addFlashAttribute("flash", "proposals.flash.merged");
            return "redirect:/processes/" + process.slug() + "/proposals/" + keptReference;
        } catch (InvalidProposal invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, process, form, ProposalErrors.of(new MapBindingResult(new java.util.HashMap<>(), "form"),
                    invalid.problems(), messages, locale), null);
        } catch (ProposalRefused refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return form(model, process, form, ProposalErrors.NONE, refused.key());
        }
    }

    private static String form(Model model, ProcessSettings process, ProposalMerging.MergeForm form,
                               ProposalErrors errors, String refusal) {
        model.addAttribute("process", process);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        model.addAttribute("noteMax", ProposalMerging.NOTE_MAX);
        return "proposals/merge";
    }
}
