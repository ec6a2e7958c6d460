package org.agora.proposals;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessSettings;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The link of a claim invitation. A visitor is sent to sign in (or create an account) and brought back here; the
 * signed-in person confirms, and becomes the proposal's author. A spent, expired or unknown link gets a page that
 * says so, with a 4xx status.
 */
@Controller
class ProposalClaimController {

    static final String PATH = "/proposals/claim/{token:[A-Za-z0-9_-]{20,100}}";

    private final ProposalClaims claims;
    private final ProposalManagement management;

    ProposalClaimController(ProposalClaims claims, ProposalManagement management) {
        this.claims = claims;
        this.management = management;
    }

    @GetMapping(PATH)
    String confirm(@PathVariable String token, @AuthenticationPrincipal AgoraUser user, Model model,
                   HttpServletResponse response) {
        Proposal proposal;
        try {
            proposal = claims.claimable(token);
        } catch (ProposalRefused refused) {
            return refused(refused, model, response);
        }
        if (user == null) {
            // Security remembers this page and sends the visitor to sign in (or to create an account) first.
            throw new AccessDeniedException("Sign in to claim a proposal");
        }
        ProcessSettings process = management.process(proposal.processId()).orElseThrow();
        model.addAttribute("process", process);
        model.addAttribute("proposal", ProposalView.of(proposal));
        model.addAttribute("token", token);
        return "proposals/claim";
    }

    @PostMapping(PATH)
    String claim(@PathVariable String token, @AuthenticationPrincipal AgoraUser user, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        if (user == null) {
            throw new AccessDeniedException("Sign in to claim a proposal");
        }
        try {
            Proposal proposal = claims.claim(token, user);
            String slug = management.process(proposal.processId()).orElseThrow().slug();
            redirect.addFlashAttribute("flash", "proposals.flash.claimed");
            return "redirect:/processes/" + slug + "/proposals/" + proposal.reference();
        } catch (ProposalRefused refused) {
            return refused(refused, model, response);
        }
    }

    private static String refused(ProposalRefused refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.key().endsWith("unknown") ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
        model.addAttribute("reason", refused.key());
        return "proposals/claim-refused";
    }
}
