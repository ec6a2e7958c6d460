package org.agora.accounts;

import java.time.LocalDate;
import java.util.EnumSet;

import org.agora.shared.Clocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two personal access tokens of participant@example.org, so that {@code /account/tokens} shows a list: one for a
 * neighbourhood application with a few scopes and an expiry date, one that never expires. Their secrets are not kept:
 * try the API with a token you create yourself.
 */
@Component
@Order(75)
@ConditionalOnBooleanProperty("agora.demo-data")
class AccessTokenDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenDemoData.class);

    private final Accounts accounts;
    private final PersonalAccessTokens stored;
    private final AccessTokens tokens;

    AccessTokenDemoData(Accounts accounts, PersonalAccessTokens stored, AccessTokens tokens) {
        this.accounts = accounts;
        this.stored = stored;
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.findByEmail("participant@example.org").filter(Account::isActive).ifPresent(participant -> {
            if (!stored.findByAccountIdAndRevokedAtIsNullOrderByCreatedAtDesc(participant.id()).isEmpty()) {
                return;
            }
            tokens.create(participant.accountId(), "Appli « Mon quartier »",
                    EnumSet.of(TokenScope.SUPPORTS_WRITE, TokenScope.COMMENTS_WRITE),
                    LocalDate.now(Clocks.PARIS).plusMonths(6));
            tokens.create(participant.accountId(), "Agenda de la maison de quartier",
                    EnumSet.of(TokenScope.REGISTRATIONS_WRITE), null);
            log.info("Demo personal access tokens created for participant@example.org");
        });
    }
}
