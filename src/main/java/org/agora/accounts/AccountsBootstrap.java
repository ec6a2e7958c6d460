package org.agora.accounts;

import java.util.List;

import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start: the first administrator from configuration (agora.admin.email / agora.admin.password) while the instance
 * has none, and, with demo data on, one account per role. Runs after the territories are loaded.
 */
@Component
@Order(20)
class AccountsBootstrap implements ApplicationRunner {

    static final String DEMO_PASSWORD = "agora-demo-2026";
    static final String DEMO_LIVING_AREA = "372";

    private static final Logger log = LoggerFactory.getLogger(AccountsBootstrap.class);

    private final AccountManagement accounts;
    private final TerritoryDirectory territories;
    private final boolean demoData;
    private final String adminEmail;
    private final String adminPassword;

    AccountsBootstrap(AccountManagement accounts, TerritoryDirectory territories,
                      @Value("${agora.demo-data}") boolean demoData,
                      @Value("${agora.admin.email:}") String adminEmail,
                      @Value("${agora.admin.password:}") String adminPassword) {
        this.accounts = accounts;
        this.territories = territories;
        this.demoData = demoData;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!adminEmail.isBlank() && !accounts.anyAdministrator()) {
            if (adminPassword.length() < PasswordPolicy.MIN_LENGTH) {
                throw new IllegalStateException("agora.admin.password must have at least " + PasswordPolicy.MIN_LENGTH + " characters");
            }
            accounts.ensureAccount(adminEmail, "Administration", adminPassword, "fr",
                    List.of(new RoleGrant(Role.ADMINISTRATOR, RoleScope.GLOBAL)));
            log.info("First administrator created from configuration: {}", adminEmail);
        }
        if (demoData) {
            RoleScope livingArea = territories.findByCode(TerritoryKind.LIVING_AREA, DEMO_LIVING_AREA)
                    .map(found -> RoleScope.territory(found.id())).orElse(RoleScope.GLOBAL);
            demo("admin@example.org", "Claire Admin", Role.ADMINISTRATOR, RoleScope.GLOBAL);
            demo("agent@example.org", "Karim Agent", Role.STAFF, RoleScope.GLOBAL);
            demo("moderateur@example.org", "Sophie Modératrice", Role.MODERATOR, RoleScope.GLOBAL);
            demo("animateur@example.org", "Lucas Animateur", Role.FACILITATOR, livingArea);
            demo("participant@example.org", "Camille Participante", null, null);
        }
    }

    private void demo(String email, String pseudonym, Role role, RoleScope scope) {
        accounts.ensureAccount(email, pseudonym, DEMO_PASSWORD, "fr",
                role == null ? List.of() : List.of(new RoleGrant(role, scope)));
    }
}
