package org.agora.accounts;

import java.util.List;

import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
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
    private final Ambassadors ambassadors;
    private final TerritoryDirectory territories;
    private final boolean demoData;
    private final String adminEmail;
    private final String adminPassword;

    AccountsBootstrap(AccountManagement accounts, Ambassadors ambassadors, TerritoryDirectory territories,
                      @Value("${agora.demo-data}") boolean demoData,
                      @Value("${agora.admin.email:}") String adminEmail,
                      @Value("${agora.admin.password:}") String adminPassword) {
        this.accounts = accounts;
        this.ambassadors = ambassadors;
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
            ambassador(demo("animateur@example.org", "Lucas Animateur", Role.FACILITATOR, livingArea),
                    "J’anime la Fabrik de mon bassin de vie depuis sa création : venez proposer, écouter, débattre.");
            demo("participant@example.org", "Camille Participante", null, null);
            List<TerritoryView> otherAreas = territories.scopes().stream()
                    .filter(scope -> scope.kind() == TerritoryKind.LIVING_AREA && !scope.code().equals(DEMO_LIVING_AREA))
                    .limit(2).toList();
            String[][] others = {
                    {"ambassadrice@example.org", "Inès Ambassadrice", "Bénévole dans une association de quartier, j’organise des ateliers en soirée et le samedi matin."},
                    {"ambassadeur@example.org", "Paul Ambassadeur", "Retraité, ancien instituteur : je recueille les idées des habitants des villages, sur papier ou au marché."}};
            for (int index = 0; index < otherAreas.size(); index++) {
                ambassador(demo(others[index][0], others[index][1], Role.FACILITATOR, RoleScope.territory(otherAreas.get(index).id())),
                        others[index][2]);
            }
        }
    }

    private AccountId demo(String email, String pseudonym, Role role, RoleScope scope) {
        return accounts.ensureAccount(email, pseudonym, DEMO_PASSWORD, "fr",
                role == null ? List.of() : List.of(new RoleGrant(role, scope)));
    }

    /** A demo facilitator's directory entry, for the first territory of their scope; kept as it is on later starts. */
    private void ambassador(AccountId id, String presentation) {
        if (ambassadors.entryOf(id).isPresent()) {
            return;
        }
        accounts.find(id).ifPresent(user -> ambassadors.territoryChoices(user).stream().findFirst()
                .ifPresent(territory -> ambassadors.save(user, new Ambassadors.Entry(territory.id(), presentation, true))));
    }
}
