package org.agora.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    private final OidcSignIn oidc;

    LoginController(OidcSignIn oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        if (error != null) {
            model.addAttribute("loginError", switch (error) {
                case "throttled" -> "accounts.login.throttled";
                case "unconfirmed" -> "accounts.login.unconfirmed";
                case "oidc" -> "accounts.login.oidcFailed";
                default -> "accounts.login.bad";
            });
        }
        model.addAttribute("oidcEnabled", oidc.enabled());
        return "accounts/login";
    }
}
