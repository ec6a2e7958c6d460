package org.agora.accounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person (or nothing) in every page's model for the layout. */
@ControllerAdvice
class CurrentUserModel {

    @ModelAttribute("currentUser")
    AgoraUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AgoraUser user ? user : null;
    }
}
