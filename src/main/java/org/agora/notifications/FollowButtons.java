package org.agora.notifications;

import org.agora.accounts.AgoraUser;
import org.agora.shared.ResourceRef;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Read by the fragment notifications/follow :: button, which the proposal and process pages include: those modules
 * cannot ask notifications (it sits above them), so the page's template asks this bean ({@code @followButtons}).
 */
@Component("followButtons")
class FollowButtons {

    private final Follows follows;

    FollowButtons(Follows follows) {
        this.follows = follows;
    }

    /** Null for a visitor: the button is only shown to signed-in people. */
    public State state(String type, long id) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AgoraUser user)) {
            return null;
        }
        ResourceRef resource = new ResourceRef(type, id);
        return new State(type, id, follows.follows(user.id(), resource));
    }

    public record State(String type, long id, boolean following) {
    }
}
