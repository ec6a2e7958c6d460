package org.agora.notifications;

import jakarta.servlet.http.HttpServletRequest;

import org.agora.accounts.AgoraUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The number of unread notices for the layout's header link; only pages (GET) of signed-in people need it. */
@ControllerAdvice
class UnreadNotices {

    private final Noticeboard board;

    UnreadNotices(Noticeboard board) {
        this.board = board;
    }

    @ModelAttribute("unreadNotices")
    Long unreadNotices(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!"GET".equals(request.getMethod()) || authentication == null
                || !(authentication.getPrincipal() instanceof AgoraUser user)) {
            return null;
        }
        return board.unread(user.id());
    }
}
