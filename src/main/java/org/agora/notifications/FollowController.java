package org.agora.notifications;

import org.agora.accounts.AgoraUser;
import org.agora.shared.ResourceRef;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Follow and unfollow buttons (fragment notifications/follow :: button). Without JavaScript the form posts and the
 * person comes back to the resource's page; with htmx the button is swapped in place.
 */
@Controller
class FollowController {

    private final Follows follows;
    private final Resources resources;

    FollowController(Follows follows, Resources resources) {
        this.follows = follows;
        this.resources = resources;
    }

    @PostMapping("/follows")
    String follow(@AuthenticationPrincipal AgoraUser user, @RequestParam String resourceType,
                  @RequestParam String resourceId, @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model) {
        return change(user, resourceType, resourceId, htmx, model, true);
    }

    @PostMapping("/follows/delete")
    String unfollow(@AuthenticationPrincipal AgoraUser user, @RequestParam String resourceType,
                    @RequestParam String resourceId, @RequestHeader(name = "HX-Request", required = false) String htmx,
                    Model model) {
        return change(user, resourceType, resourceId, htmx, model, false);
    }

    private String change(AgoraUser user, String type, String id, String htmx, Model model, boolean follow) {
        if (user == null) {
            return "redirect:/login";
        }
        ResourceRef resource = resource(type, id);
        String path = resources.describe(resource).map(Resources.Described::path)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (follow) {
            follows.follow(user.id(), resource);
        } else {
            follows.unfollow(user.id(), resource);
        }
        if (htmx != null) {
            model.addAttribute("followType", resource.type());
            model.addAttribute("followId", resource.id());
            return "notifications/follow :: button(type=${followType}, id=${followId})";
        }
        return "redirect:" + path;
    }

    /** Only proposals and processes have a follow button; anything else is not found. */
    private static ResourceRef resource(String type, String id) {
        if (!Resources.PROPOSAL.equals(type) && !Resources.PROCESS.equals(type)) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        try {
            return new ResourceRef(type, Long.parseLong(id.strip()));
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(NOT_FOUND);
        }
    }
}
