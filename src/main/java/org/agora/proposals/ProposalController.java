package org.agora.proposals;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessSettings;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The public pages of a process's proposals and what authors and supporters do there. Rules and object-level rights
 * are checked by {@link ProposalManagement} and {@link ProposalSupports}; a refusal comes back as a flash message.
 */
@Controller
@RequestMapping("/processes/{slug}/proposals")
class ProposalController {

    static final String REFERENCE = "{reference:\\d{4}-\\d{6}}";
    static final String DRAFT = "drafts/{draftId:\\d{1,18}}";
    private static final String SEED = "proposals.seed";

    private final ProposalManagement management;
    private final ProposalSupports supports;
    private final ProposalBrowser browser;
    private final ProposalAttachments attachments;
    private final MessageSource messages;
    private final org.agora.comments.CommentThreads commentThreads;
    private final ProposalMerging merging;
    private final PaperContributions paper;

    ProposalController(ProposalManagement management, ProposalSupports supports, ProposalBrowser browser,
                       ProposalAttachments attachments, MessageSource messages,
                       org.agora.comments.CommentThreads commentThreads, ProposalMerging merging,
                       PaperContributions paper) {
        this.paper = paper;
        this.commentThreads = commentThreads;
        this.merging = merging;
        this.management = management;
        this.supports = supports;
        this.browser = browser;
        this.attachments = attachments;
        this.messages = messages;
    }

    // ---- Lists -----------------------------------------------------------------------------------------------------

    @GetMapping
    String list(@PathVariable String slug, @RequestParam(required = false) String territory,
                @RequestParam(required = false) String theme, @RequestParam(required = false) String status,
                @RequestParam(required = false) String mine, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String page, @AuthenticationPrincipal AgoraUser user,
                @RequestHeader(name = "HX-Request", required = false) String htmx, HttpSession session,
                Model model, HttpServletResponse response) {
        ProcessSettings process = management.publicProcess(slug);
        List<org.agora.territories.TerritoryView> choices = browser.territoryChoices(process);
        boolean bad = false;
        Long territoryId = null;
        if (territory != null && !territory.isBlank()) {
            territoryId = number(territory).filter(id -> choices.stream().anyMatch(choice -> choice.id() == id)).orElse(null);
            bad = territoryId == null;
        }
        String chosenTheme = theme == null || theme.isBlank() ? null : theme.strip();
        if (chosenTheme != null && !process.themes().contains(chosenTheme)) {
            bad = true;
            chosenTheme = null;
        }
        ProposalBrowser.StatusFilter chosenStatus = null;
        if (status != null && !status.isBlank()) {
            chosenStatus = ProposalBrowser.StatusFilter.parse(status).orElse(null);
            bad |= chosenStatus == null;
        }
        Optional<ProposalBrowser.Sort> parsedSort = ProposalBrowser.Sort.parse(sort);
        bad |= parsedSort.isEmpty();
        ProposalBrowser.Sort chosenSort = parsedSort.orElse(ProposalBrowser.Sort.RECENT);
        boolean onlyMine = "true".equals(mine) && user != null;
        bad |= mine != null && !mine.isBlank() && !"true".equals(mine);
        Optional<Long> pageNumber = page == null || page.isBlank() ? Optional.of(1L) : number(page);
        bad |= pageNumber.isEmpty() || pageNumber.get() > 100_000;
        int chosenPage = (int) Math.min(pageNumber.orElse(1L), 100_000);
        long seed = 0;
        if (chosenSort == ProposalBrowser.Sort.RANDOM) {
            Object stored = session.getAttribute(SEED);
            seed = stored instanceof Long known ? known : ThreadLocalRandom.current().nextLong(1, 1_000_000);
            session.setAttribute(SEED, seed);
        }
        ProposalBrowser.Results results = browser.list(process, new ProposalBrowser.Filter(territoryId, chosenTheme,
                chosenStatus, onlyMine ? user.id() : null, chosenSort, seed), chosenPage - 1);
        if (bad) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("badFilter", true);
        }
        model.addAttribute("process", process);
        model.addAttribute("territories", choices);
        model.addAttribute("territoryId", territoryId);
        model.addAttribute("theme", chosenTheme);
        model.addAttribute("status", chosenStatus == null ? null : chosenStatus.param());
        model.addAttribute("statuses", List.of("published", "withdrawn", "answered"));
        model.addAttribute("mine", onlyMine ? "true" : null);
        model.addAttribute("sort", chosenSort.param());
        model.addAttribute("sorts", List.of("recent", "supported", "commented", "random"));
        model.addAttribute("results", results);
        model.addAttribute("page", chosenPage);
        model.addAttribute("paperAllowed", user != null && PaperContributions.acceptsPaper(process)
                && paper.mayRecord(user, process.id()));
        return htmx != null ? "proposals/list :: results" : "proposals/list";
    }

    // ---- Writing ---------------------------------------------------------------------------------------------------

    @GetMapping("/new")
    String newForm(@PathVariable String slug, @AuthenticationPrincipal AgoraUser user, Model model,
                   RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login";
        }
        try {
            ProcessSettings process = management.openProcess(slug);
            management.requireMayWrite(user);
            return form(model, process, ProposalForm.EMPTY, ProposalErrors.NONE, "/processes/" + slug + "/proposals", "new");
        } catch (ProposalRefused refused) {
            return refuse(redirect, refused, "/processes/" + slug + "/proposals");
        }
    }

    @PostMapping
    String create(@PathVariable String slug, @AuthenticationPrincipal AgoraUser user,
                  @Valid @ModelAttribute("form") ProposalForm form, BindingResult result,
                  @RequestParam(name = "attachment", required = false) MultipartFile attachment, Model model,
                  RedirectAttributes redirect, HttpServletResponse response, Locale locale) throws IOException {
        if (user == null) {
            return "redirect:/login";
        }
        String list = "/processes/" + slug + "/proposals";
        try {
            ProcessSettings process = management.openProcess(slug);
            management.requireMayWrite(user);
            List<ProposalProblem> problems = List.of();
            if (!result.hasErrors()) {
                try {
                    long draftId = management.draft(slug, user, form, upload(attachment));
                    return "redirect:" + list + "/drafts/" + draftId;
                } catch (InvalidProposal invalid) {
                    problems = invalid.problems();
                }
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, process, form, ProposalErrors.of(result, problems, messages, locale), list, "new");
        } catch (ProposalRefused refused) {
            return refuse(redirect, refused, list);
        }
    }

    @GetMapping(DRAFT)
    String preview(@PathVariable String slug, @PathVariable long draftId, @AuthenticationPrincipal AgoraUser user,
                   Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        ProcessSettings process = management.publicProcess(slug);
        Proposal draft = management.draftOf(slug, draftId, user);
        model.addAttribute("process", process);
        model.addAttribute("draft", ProposalView.of(draft));
        model.addAttribute("territoryName", browser.territoryName(draft.territoryId()));
        model.addAttribute("attachment", attachments.findById(draft.id()).map(AttachmentView::of).orElse(null));
        return "proposals/preview";
    }

    @GetMapping(DRAFT + "/edit")
    String editDraft(@PathVariable String slug, @PathVariable long draftId, @AuthenticationPrincipal AgoraUser user,
                     Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        ProcessSettings process = management.publicProcess(slug);
        return form(model, process, management.draftForm(slug, draftId, user), ProposalErrors.NONE,
                "/processes/" + slug + "/proposals/drafts/" + draftId, "draft", draftId);
    }

    @PostMapping(DRAFT)
    String reviseDraft(@PathVariable String slug, @PathVariable long draftId, @AuthenticationPrincipal AgoraUser user,
                       @Valid @ModelAttribute("form") ProposalForm form, BindingResult result,
                       @RequestParam(name = "attachment", required = false) MultipartFile attachment,
                       @RequestParam(name = "removeAttachment", defaultValue = "false") boolean removeAttachment, Model model,
                       RedirectAttributes redirect, HttpServletResponse response, Locale locale) throws IOException {
        if (user == null) {
            return "redirect:/login";
        }
        String draftPath = "/processes/" + slug + "/proposals/drafts/" + draftId;
        try {
            ProcessSettings process = management.openProcess(slug);
            management.draftOf(slug, draftId, user);
            List<ProposalProblem> problems = List.of();
            if (!result.hasErrors()) {
                try {
                    management.reviseDraft(slug, draftId, user, form, upload(attachment), removeAttachment);
                    return "redirect:" + draftPath;
                } catch (InvalidProposal invalid) {
                    problems = invalid.problems();
                }
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, process, form, ProposalErrors.of(result, problems, messages, locale), draftPath, "draft", draftId);
        } catch (ProposalRefused refused) {
            return refuse(redirect, refused, "/processes/" + slug + "/proposals");
        }
    }

    @PostMapping(DRAFT + "/publish")
    String publish(@PathVariable String slug, @PathVariable long draftId, @AuthenticationPrincipal AgoraUser user,
                   RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login";
        }
        try {
            String reference = management.publish(slug, draftId, user);
            redirect.addFlashAttribute("flash", "proposals.flash.published");
            return "redirect:/processes/" + slug + "/proposals/" + reference;
        } catch (ProposalRefused refused) {
            return refuse(redirect, refused, "/processes/" + slug + "/proposals");
        }
    }

    // ---- One proposal ----------------------------------------------------------------------------------------------

    /**
     * A merged proposal's address leads to the proposal it was merged into (301); with {@code ?merged} its own page
     * stays readable, with its comments, marked as merged.
     */
    @GetMapping(REFERENCE)
    String show(@PathVariable String slug, @PathVariable String reference, @AuthenticationPrincipal AgoraUser user,
                @RequestParam(name = "merged", required = false) String mergedPage, Model model,
                jakarta.servlet.http.HttpServletRequest request) {
        ProcessSettings process = management.publicProcess(slug);
        Proposal proposal = browser.find(process, reference).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        Optional<Proposal> keptProposal = proposal.isMerged()
                ? browser.findById(proposal.mergedInto()) : Optional.empty();
        if (keptProposal.isPresent() && mergedPage == null) {
            request.setAttribute(org.springframework.web.servlet.View.RESPONSE_STATUS_ATTRIBUTE,
                    org.springframework.http.HttpStatus.MOVED_PERMANENTLY);
            return "redirect:/processes/" + slug + "/proposals/" + keptProposal.get().reference();
        }
        model.addAttribute("keptProposal", keptProposal.map(ProposalView::of).orElse(null));
        model.addAttribute("mergedFrom", merging.mergedInto(proposal.id()));
        model.addAttribute("staff", user != null && proposal.status() == ProposalStatus.PUBLISHED
                && management.managedBy(user, process));
        boolean author = user != null && proposal.isAuthoredBy(user.id().value());
        model.addAttribute("process", process);
        model.addAttribute("proposal", ProposalView.of(proposal));
        model.addAttribute("authorName", browser.authorName(proposal.authorId()).orElse(null));
        model.addAttribute("collected", browser.collectedView(proposal));
        model.addAttribute("imported", browser.importedView(proposal));
        model.addAttribute("territoryName", browser.territoryName(proposal.territoryId()));
        model.addAttribute("attachment", attachments.findById(proposal.id()).map(AttachmentView::of).orElse(null));
        model.addAttribute("isAuthor", author);
        model.addAttribute("showText", !proposal.isHidden() || author);
        model.addAttribute("editable", author && management.editableNow(proposal));
        model.addAttribute("supportsOpen", process.acceptsSupports() && proposal.status() == ProposalStatus.PUBLISHED
                && !proposal.isHidden());
        model.addAttribute("supported", user != null && supports.supported(proposal.id(), user.id()));
        model.addAttribute("publishedAt", proposal.publishedAt().atZone(org.agora.shared.Clocks.PARIS));
        model.addAttribute("thresholdReachedAt", proposal.thresholdReachedAt() == null ? null
                : proposal.thresholdReachedAt().atZone(org.agora.shared.Clocks.PARIS));
        if (process.features().contains(org.agora.processes.ProcessFeature.COMMENTS)) {
            model.addAttribute("commentThread", commentThreads.threadOf(new org.agora.shared.ResourceRef(ProposalComments.TYPE, proposal.id()), user));
        }
        return "proposals/show";
    }

    @GetMapping(REFERENCE + "/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable String slug, @PathVariable String reference,
                                      @AuthenticationPrincipal AgoraUser user) {
        ProcessSettings process = management.publicProcess(slug);
        Proposal proposal = browser.find(process, reference)
                .filter(found -> !found.isHidden() || user != null && found.isAuthoredBy(user.id().value()))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        ProposalAttachment file = attachments.findById(proposal.id()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        ContentDisposition disposition = (file.isImage() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff").body(file.data());
    }

    @GetMapping(REFERENCE + "/edit")
    String editForm(@PathVariable String slug, @PathVariable String reference, @AuthenticationPrincipal AgoraUser user,
                    Model model, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login";
        }
        String path = "/processes/" + slug + "/proposals/" + reference;
        try {
            ProposalForm form = management.formOf(slug, reference, user);
            ProcessSettings process = management.publicProcess(slug);
            return form(model, process, form, ProposalErrors.NONE, path, "edit", idOf(process, reference));
        } catch (ProposalRefused refused) {
            return refuse(redirect, refused, path);
        }
    }

    @PostMapping(REFERENCE)
    String edit(@PathVariable String slug, @PathVariable String reference, @AuthenticationPrincipal AgoraUser user,
                @Valid @ModelAttribute("form") ProposalForm form, BindingResult result,
                @RequestParam(name = "attachment", required = false) MultipartFile attachment,
                @RequestParam(name = "removeAttachment", defaultValue = "false") boolean removeAttachment, Model model,
                RedirectAttributes redirect, HttpServletResponse response, Locale locale) throws IOException {
        if (user == null) {
            return "redirect:/login";
        }
        String path = "/processes/" + slug + "/proposals/" + reference;
        try {
            management.formOf(slug, reference, user);
            List<ProposalProblem> problems = List.of();
            if (!result.hasErrors()) {
                try {
                    management.edit(slug, reference, user, form, upload(attachment), removeAttachment);
                    redirect.addFlashAttribute("flash", "proposals.flash.edited");
                    return "redirect:" + path;
                } catch (InvalidProposal invalid) {
                    problems = invalid.problems();
                }
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            ProcessSettings process = management.publicProcess(slug);
            return form(model, process, form, ProposalErrors.of(result, problems, messages, locale), path, "edit",
                    idOf(process, reference));
        } catch (ProposalRefused refused) {
            return refuse(redirect, refused, path);
        }
    }

    @PostMapping(REFERENCE + "/withdraw")
    String withdraw(@PathVariable String slug, @PathVariable String reference, @AuthenticationPrincipal AgoraUser user,
                    RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login";
        }
        String path = "/processes/" + slug + "/proposals/" + reference;
        try {
            management.withdraw(slug, reference, user);
            redirect.addFlashAttribute("flash", "proposals.flash.withdrawn");
        } catch (ProposalRefused refused) {
            return refuse(redirect, refused, path);
        }
        return "redirect:" + path;
    }

    @PostMapping(REFERENCE + "/support")
    String support(@PathVariable String slug, @PathVariable String reference, @AuthenticationPrincipal AgoraUser user,
                   RedirectAttributes redirect) {
        return supportChange(slug, reference, user, redirect, true);
    }

    @PostMapping(REFERENCE + "/unsupport")
    String unsupport(@PathVariable String slug, @PathVariable String reference, @AuthenticationPrincipal AgoraUser user,
                     RedirectAttributes redirect) {
        return supportChange(slug, reference, user, redirect, false);
    }

    private String supportChange(String slug, String reference, AgoraUser user, RedirectAttributes redirect, boolean give) {
        if (user == null) {
            return "redirect:/login";
        }
        ProcessSettings process = management.publicProcess(slug);
        Proposal proposal = browser.find(process, reference).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        String path = "/processes/" + slug + "/proposals/" + reference;
        try {
            if (give) {
                supports.support(proposal.id(), user.id());
                redirect.addFlashAttribute("flash", "proposals.flash.supported");
            } else {
                supports.withdrawSupport(proposal.id(), user.id());
                redirect.addFlashAttribute("flash", "proposals.flash.unsupported");
            }
        } catch (ProposalRefused refused) {
            return refuse(redirect, refused, path);
        }
        return "redirect:" + path;
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------------

    private String form(Model model, ProcessSettings process, ProposalForm form, ProposalErrors errors, String action,
                        String mode) {
        return form(model, process, form, errors, action, mode, null);
    }

    /** {@code proposalId} is the draft or proposal being changed, whose current attachment may be removed. */
    private String form(Model model, ProcessSettings process, ProposalForm form, ProposalErrors errors, String action,
                        String mode, Long proposalId) {
        model.addAttribute("currentAttachment", proposalId == null ? null
                : attachments.findById(proposalId).map(AttachmentView::of).orElse(null));
        model.addAttribute("process", process);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("action", action);
        model.addAttribute("mode", mode);
        model.addAttribute("territories", browser.territoryChoices(process));
        model.addAttribute("maxMegabytes", AttachmentFormat.MAX_BYTES / (1024 * 1024));
        return "proposals/form";
    }

    private long idOf(ProcessSettings process, String reference) {
        return browser.find(process, reference).orElseThrow(() -> new ResponseStatusException(NOT_FOUND)).id();
    }

    private static String refuse(RedirectAttributes redirect, ProposalRefused refused, String path) {
        redirect.addFlashAttribute("flashError", refused.key());
        return "redirect:" + path;
    }

    private static Optional<Long> number(String text) {
        try {
            long value = Long.parseLong(text.strip());
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Reads one byte more than allowed at most, so that an oversized file is recognised without being held whole. */
    private static Upload upload(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try (var in = file.getInputStream()) {
            return new Upload(file.getOriginalFilename(), in.readNBytes(AttachmentFormat.MAX_BYTES + 1));
        }
    }
}
