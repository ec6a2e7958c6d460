package org.agora.comments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import org.agora.accounts.AgoraUser;
import org.agora.shared.ResourceRef;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The comment forms of every thread. Success goes back to the resource's page at the comment (303, with a flash
 * message); refused input gets a page of its own (400, or 403 when the action is not allowed) that keeps what was
 * typed, says what is wrong next to each field and links back to the resource.
 */
@Controller
class CommentController {

    /** The fields in the order of the form, so that the error summary follows it. */
    private static final List<String> FORM_ORDER = List.of("stance", "body", "direction", "resourceType", "resourceId", "parentId");

    private final CommentManagement management;
    private final MessageSource messages;

    CommentController(CommentManagement management, MessageSource messages) {
        this.management = management;
        this.messages = messages;
    }

    @PostMapping("/comments")
    ModelAndView post(@AuthenticationPrincipal AgoraUser user, @Valid @ModelAttribute("form") CommentForms.NewComment form,
                      BindingResult result, RedirectAttributes redirect, Locale locale) {
        if (user == null) {
            return seeOther("/login");
        }
        checkBody(form.body(), result);
        Optional<ResourceRef> resource = resource(form, result);
        if (!result.hasErrors() && resource.isPresent()) {
            try {
                CommentManagement.Done done = management.post(user, resource.get(),
                        blank(form.parentId()) ? null : Long.valueOf(form.parentId()),
                        Comment.Stance.valueOf(form.stance()), form.body());
                redirect.addFlashAttribute("flash", "comments.flash.posted");
                return seeOther(done.anchored());
            } catch (CommentProblem problem) {
                return refused("post", form, null, resource.flatMap(management::pathOf), problem, result, locale);
            }
        }
        return refused("post", form, null, resource.flatMap(management::pathOf), null, result, locale);
    }

    @PostMapping("/comments/{id}/edit")
    ModelAndView edit(@AuthenticationPrincipal AgoraUser user, @PathVariable long id,
                      @Valid @ModelAttribute("form") CommentForms.Edit form, BindingResult result,
                      RedirectAttributes redirect, Locale locale) {
        if (user == null) {
            return seeOther("/login");
        }
        checkBody(form.body(), result);
        try {
            if (result.hasErrors()) {
                // Checked first (exists, theirs, still editable), so that a wrong value reveals nothing more.
                management.requireEditable(user, id);
                return refused("edit", form, id, management.pathOfComment(id), null, result, locale);
            }
            CommentManagement.Done done = management.edit(user, id, Comment.Stance.valueOf(form.stance()), form.body());
            redirect.addFlashAttribute("flash", "comments.flash.edited");
            return seeOther(done.anchored());
        } catch (CommentProblem problem) {
            return refused("edit", form, id, management.pathOfComment(id), problem, result, locale);
        }
    }

    @PostMapping("/comments/{id}/delete")
    ModelAndView delete(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect,
                        Locale locale) {
        if (user == null) {
            return seeOther("/login");
        }
        try {
            CommentManagement.Done done = management.delete(user, id);
            redirect.addFlashAttribute("flash", "comments.flash.deleted");
            return seeOther(done.anchored());
        } catch (CommentProblem problem) {
            return refused("message", null, id, management.pathOfComment(id), problem, null, locale);
        }
    }

    @PostMapping("/comments/{id}/vote")
    ModelAndView vote(@AuthenticationPrincipal AgoraUser user, @PathVariable long id,
                      @Valid @ModelAttribute("form") CommentForms.Vote form, BindingResult result,
                      RedirectAttributes redirect, Locale locale) {
        if (user == null) {
            return seeOther("/login");
        }
        if (result.hasErrors()) {
            // An unknown comment stays a 404 whatever the direction says.
            management.find(id).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND));
            return refused("message", form, id, management.pathOfComment(id), null, result, locale);
        }
        try {
            CommentManagement.Done done = management.vote(user, id,
                    "NONE".equals(form.direction()) ? null : CommentVotes.Direction.valueOf(form.direction()));
            redirect.addFlashAttribute("flash", "NONE".equals(form.direction()) ? "comments.flash.voteWithdrawn" : "comments.flash.voted");
            return seeOther(done.anchored());
        } catch (CommentProblem problem) {
            return refused("message", form, id, management.pathOfComment(id), problem, null, locale);
        }
    }

    // ---- Answers ------------------------------------------------------------------------------------------------

    private ModelAndView refused(String mode, Object form, Long commentId, Optional<String> backTo, CommentProblem problem,
                                 BindingResult result, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (result != null) {
            result.getFieldErrors().stream()
                    .sorted(java.util.Comparator.comparingInt((FieldError error) -> order(error.getField())))
                    .forEach(error -> errors.putIfAbsent(error.getField(), message(error, locale)));
        }
        String general = null;
        if (problem != null) {
            if (problem.field() != null && FORM_ORDER.contains(problem.field())) {
                errors.putIfAbsent(problem.field(), messages.getMessage(problem.messageKey(), null, locale));
            } else {
                general = messages.getMessage(problem.messageKey(), null, problem.messageKey(), locale);
            }
        }
        ModelAndView page = new ModelAndView("comments/form");
        page.addObject("mode", mode);
        page.addObject("form", form);
        page.addObject("commentId", commentId);
        page.addObject("errors", errors);
        page.addObject("general", general);
        page.addObject("backTo", backTo.orElse(null));
        page.setStatus(problem != null && problem.status() == 403 ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST);
        return page;
    }

    private String message(FieldError error, Locale locale) {
        String key = error.isBindingFailure() || error.getDefaultMessage() == null
                || !error.getDefaultMessage().startsWith("comments.") ? "comments.form.invalid" : error.getDefaultMessage();
        return messages.getMessage(key, null, locale);
    }

    private static int order(String field) {
        int index = FORM_ORDER.indexOf(field);
        return index < 0 ? FORM_ORDER.size() : index;
    }

    private static void checkBody(String body, BindingResult result) {
        CommentManagement.bodyProblem(body).ifPresent(key -> result.rejectValue("body", key, key));
    }

    private static Optional<ResourceRef> resource(CommentForms.NewComment form, BindingResult result) {
        if (result.hasFieldErrors("resourceType") || result.hasFieldErrors("resourceId")) {
            return Optional.empty();
        }
        return Optional.of(new ResourceRef(form.resourceType(), Long.parseLong(form.resourceId())));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ModelAndView seeOther(String url) {
        RedirectView view = new RedirectView(url, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }
}
