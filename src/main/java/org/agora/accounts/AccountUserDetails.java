package org.agora.accounts;

import java.util.List;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads the credentials checked at sign-in; who the person is afterwards is {@link AgoraUser}. */
@Component
class AccountUserDetails implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetails(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Account account = accounts.findByEmail(Emails.normalize(email))
                .filter(candidate -> candidate.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return User.withUsername(String.valueOf(account.id()))
                .password(account.passwordHash())
                .disabled(!account.isActive())
                .authorities(List.of())
                .build();
    }
}
