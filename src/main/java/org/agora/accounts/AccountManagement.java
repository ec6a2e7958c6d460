package org.agora.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/** Accounts' use cases, and the few queries other modules may ask about people. */
@Service
@Transactional
public class AccountManagement {

    static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(48);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final RoleAssignments roles;
    private final AccountActions actions;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final TerritoryDirectory territories;
    private final ApplicationEventPublisher events;
    private final List<PersonalData> personalData;
    private final Clock clock;
    private final String baseUrl;

    AccountManagement(Accounts accounts, AccountTokens tokens, RoleAssignments roles, AccountActions actions,
                      PasswordEncoder passwords, PasswordPolicy policy, TerritoryDirectory territories,
                      ApplicationEventPublisher events, List<PersonalData> personalData, Clock clock,
                      @Value("${agora.base-url}") String baseUrl) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.roles = roles;
        this.actions = actions;
        this.passwords = passwords;
        this.policy = policy;
        this.territories = territories;
        this.events = events;
        this.personalData = personalData;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    // ---- Queries for other modules -------------------------------------------------------------------------

    /** The signed-in view of a person, with their roles; empty when unknown or deleted. */
    @Transactional(readOnly = true)
    public Optional<AgoraUser> find(AccountId id) {
        return accounts.findById(id.value()).filter(account -> !account.isDeleted())
                .map(account -> FreshAuthorities.toUser(account, roles));
    }

    /** The active account with this address, for staff tools that name a person by e-mail (e.g. blocking). */
    @Transactional(readOnly = true)
    public Optional<AccountId> findByEmail(String email) {
        return email == null || email.isBlank() ? Optional.empty()
                : accounts.findByEmail(Emails.normalize(email)).filter(Account::isActive).map(Account::accountId);
    }

    /** Public names; a deleted account maps to an empty Optional, shown as "Deleted participant". */
    @Transactional(readOnly = true)
    public Map<AccountId, Optional<String>> pseudonyms(Collection<AccountId> ids) {
        return accounts.findAllById(ids.stream().map(AccountId::value).toList()).stream()
                .collect(Collectors.toMap(Account::accountId,
                        account -> account.isDeleted() ? Optional.<String>empty() : Optional.of(account.pseudonym())));
    }

    /**
     * How to reach people about notifications (active accounts only). {@code frequency} is NEVER for a person who
     * turned mail off altogether.
     */
    @Transactional(readOnly = true)
    public Map<AccountId, NotificationContact> notificationContacts(Collection<AccountId> ids) {
        return accounts.findAllById(ids.stream().map(AccountId::value).toList()).stream().filter(Account::isActive)
                .collect(Collectors.toMap(Account::accountId, account -> new NotificationContact(account.accountId(),
                        account.email(), account.pseudonym(), account.language(),
                        account.notifyByEmail() ? account.notificationFrequency() : NotificationFrequency.NEVER)));
    }

    /** Active people holding this role globally or in exactly this scope. */
    @Transactional(readOnly = true)
    public List<AccountId> holdersOf(Role role, RoleScope scope) {
        List<Long> ids = roles.findByRole(role).stream()
                .filter(assignment -> assignment.grant().scope().equals(RoleScope.GLOBAL)
                        || assignment.grant().scope().equals(scope))
                .map(RoleAssignment::accountId).distinct().toList();
        return accounts.findAllById(ids).stream().filter(Account::isActive).map(Account::accountId).toList();
    }

    /** Sets how often notification mails are sent; any frequency but NEVER also switches notification mail on. */
    public void changeNotificationFrequency(AccountId id, NotificationFrequency frequency) {
        active(id).changeNotificationFrequency(frequency);
    }

    // ---- Sign-up and confirmation ----------------------------------------------------------------------------

    /** Creates a pending account and mails a confirmation link. An address already in use gets a notice instead. */
    public void signUp(SignUp form, String language) {
        String email = Emails.normalize(form.email());
        policy.check(form.password(), form.pseudonym(), email).ifPresent(key -> {
            throw new FieldProblem("password", key);
        });
        Long communeId = resolveCommune(form.communeId());
        // Hashed before looking the address up, so that a taken address does not answer measurably faster.
        String passwordHash = passwords.encode(form.password());
        // Checked before the address, so that the answer about the pseudonym says nothing about the address.
        requirePseudonymFree(form.pseudonym(), null);
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            Account owner = existing.get();
            events.publishEvent(new AccountMail.SignUpWithExistingEmail(owner.accountId(), owner.email(),
                    owner.pseudonym(), owner.language(), link("/password/forgotten", null)));
            return;
        }
        // A racing sign-up with the same address or pseudonym fails here on a unique constraint; the caller retries
        // once, in a new transaction, and then takes the "address taken" or "pseudonym taken" path above.
        Account account = accounts.saveAndFlush(Account.signUp(email, form.pseudonym(), passwordHash,
                communeId, language(language), clock.instant()));
        sendConfirmation(account);
    }

    /** Confirms the address behind a sign-up link. */
    public TokenOutcome confirmEmail(String token) {
        return useToken(token, AccountToken.Purpose.CONFIRM_EMAIL, (account, used) -> {
            account.confirmEmail(clock.instant());
            return TokenOutcome.DONE;
        });
    }

    /** Sends a fresh link to a pending account; says nothing about whether there is one. */
    public void resendConfirmation(String email) {
        accounts.findByEmail(Emails.normalize(email))
                .filter(account -> account.status() == Account.Status.PENDING)
                .ifPresent(this::sendConfirmation);
    }

    private void sendConfirmation(Account account) {
        String token = issue(account, AccountToken.Purpose.CONFIRM_EMAIL, null, CONFIRMATION_VALIDITY);
        events.publishEvent(new AccountMail.ConfirmationRequested(account.accountId(), account.email(),
                account.pseudonym(), account.language(), link("/signup/confirm", token)));
    }

    // ---- Passwords -------------------------------------------------------------------------------------------

    /** Mails a reset link when the address belongs to an account; the caller's answer is the same either way. */
    public void requestPasswordReset(String email) {
        accounts.findByEmail(Emails.normalize(email)).filter(account -> !account.isDeleted()).ifPresent(account -> {
            String token = issue(account, AccountToken.Purpose.RESET_PASSWORD, null, RESET_VALIDITY);
            events.publishEvent(new AccountMail.PasswordResetRequested(account.accountId(), account.email(),
                    account.pseudonym(), account.language(), link("/password/reset", token)));
        });
    }

    /** True while the reset link can still be used, so that the form is only shown for a live link. */
    @Transactional(readOnly = true)
    public boolean resetLinkUsable(String token) {
        return token != null && token.length() <= 100 && tokens.existsByTokenHashAndPurposeAndUsedAtIsNullAndExpiresAtAfter(
                Secrets.hash(token), AccountToken.Purpose.RESET_PASSWORD, clock.instant());
    }

    public TokenOutcome resetPassword(String token, String newPassword) {
        return useToken(token, AccountToken.Purpose.RESET_PASSWORD, (account, used) -> {
            policy.check(newPassword, account.pseudonym(), account.email()).ifPresent(key -> {
                throw new FieldProblem("password", key);
            });
            account.changePassword(passwords.encode(newPassword));
            // A reset proves the person reads the mailbox: a pending account is confirmed too.
            account.confirmEmail(clock.instant());
            events.publishEvent(new AccountMail.PasswordChanged(account.accountId(), account.email(),
                    account.pseudonym(), account.language()));
            return TokenOutcome.DONE;
        });
    }

    public void changePassword(AccountId id, String currentPassword, String newPassword) {
        Account account = active(id);
        if (account.passwordHash() == null || !passwords.matches(currentPassword == null ? "" : currentPassword, account.passwordHash())) {
            throw new FieldProblem("currentPassword", "accounts.password.currentWrong");
        }
        policy.check(newPassword, account.pseudonym(), account.email()).ifPresent(key -> {
            throw new FieldProblem("newPassword", key);
        });
        account.changePassword(passwords.encode(newPassword));
        events.publishEvent(new AccountMail.PasswordChanged(account.accountId(), account.email(), account.pseudonym(),
                account.language()));
    }

    // ---- Profile -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ProfileView profile(AccountId id) {
        Account account = active(id);
        Optional<TerritoryView> commune = Optional.ofNullable(account.communeId()).flatMap(territories::find);
        return new ProfileView(account.email(), account.pendingEmail(), account.pseudonym(), account.communeId(),
                commune.map(TerritoryView::label).orElse(null), account.language(), account.notificationFrequency(),
                account.notifyByEmail(), account.passwordHash() != null, account.openDataName());
    }

    public void updateProfile(AccountId id, ProfileChange change) {
        Account account = active(id);
        requirePseudonymFree(change.pseudonym(), account.id());
        account.updateProfile(change.pseudonym(), resolveCommune(change.communeId()), language(change.language()),
                change.frequency() == null ? NotificationFrequency.IMMEDIATE : change.frequency(), change.notifyByEmail());
        try {
            accounts.flush();
        } catch (DataIntegrityViolationException raced) {
            throw new FieldProblem("pseudonym", "accounts.pseudonym.taken");
        }
    }

    /** Whether this person appears under their pseudonym in open data and the API (otherwise a pseudonymous id). */
    public void showNameInOpenData(AccountId id, boolean show) {
        active(id).showNameInOpenData(show);
    }

    /** Mails a confirmation link to the new address; the address only changes once it is confirmed. */
    public void requestEmailChange(AccountId id, String newEmail, String currentPassword) {
        Account account = active(id);
        if (account.passwordHash() != null && !passwords.matches(currentPassword == null ? "" : currentPassword, account.passwordHash())) {
            throw new FieldProblem("currentPassword", "accounts.password.currentWrong");
        }
        String email = Emails.normalize(newEmail);
        if (email.equals(account.email())) {
            throw new FieldProblem("email", "accounts.email.same");
        }
        account.requestEmailChange(email);
        if (accounts.existsByEmail(email)) {
            // Say nothing of the other account: the link simply will not be sent, as if it were lost.
            return;
        }
        String token = issue(account, AccountToken.Purpose.CHANGE_EMAIL, email, CONFIRMATION_VALIDITY);
        events.publishEvent(new AccountMail.EmailChangeRequested(account.accountId(), email, account.pseudonym(),
                account.language(), link("/email-change/confirm", token)));
    }

    public TokenOutcome confirmEmailChange(String token) {
        return useToken(token, AccountToken.Purpose.CHANGE_EMAIL, (account, used) -> {
            if (accounts.existsByEmail(used.newEmail())) {
                return TokenOutcome.INVALID;
            }
            account.changeEmail(used.newEmail());
            try {
                accounts.flush();
            } catch (DataIntegrityViolationException raced) {
                return TokenOutcome.INVALID;
            }
            return TokenOutcome.DONE;
        });
    }

    // ---- Personal data -----------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Map<String, Object> exportPersonalData(AccountId id) {
        Account account = active(id);
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("email", account.email());
        own.put("pseudonym", account.pseudonym());
        own.put("commune", Optional.ofNullable(account.communeId()).flatMap(territories::find)
                .map(TerritoryView::label).orElse(null));
        own.put("language", account.language());
        own.put("notificationFrequency", account.notificationFrequency().name());
        own.put("notifyByEmail", account.notifyByEmail());
        own.put("createdAt", account.createdAt().toString());
        own.put("emailConfirmedAt", account.emailConfirmedAt() == null ? null : account.emailConfirmedAt().toString());
        own.put("termsAcceptedAt", account.termsAcceptedAt().toString());
        own.put("signInWithIdentityProvider", account.oidcSubject() != null);
        own.put("roles", roles.findByAccountId(account.id()).stream().map(assignment -> Map.of(
                "role", assignment.grant().role().name(),
                "scope", assignment.grant().scope().kind().name(),
                "scopeId", assignment.grant().scope().id(),
                "grantedAt", assignment.grantedAt().toString())).toList());
        data.put("account", own);
        personalData.forEach(source -> data.put(source.section(), source.export(id)));
        data.put("exportedAt", clock.instant().toString());
        return data;
    }

    /** Erases the person's data and frees the address; what they contributed stays, shown as from a deleted participant. */
    public void deleteAccount(AccountId id, String currentPassword) {
        Account account = active(id);
        if (account.passwordHash() != null && !passwords.matches(currentPassword == null ? "" : currentPassword, account.passwordHash())) {
            throw new FieldProblem("currentPassword", "accounts.password.currentWrong");
        }
        tokens.deleteByAccountId(account.id());
        roles.deleteAll(roles.findByAccountId(account.id()));
        account.erase(clock.instant());
        actions.save(new AccountAction(account.id(), account.id(), "ACCOUNT_DELETED", null, clock.instant()));
        events.publishEvent(new AccountDeleted(id));
    }

    // ---- Roles -------------------------------------------------------------------------------------------------

    /** Grants a role; granting one already held changes nothing. */
    public void grant(AccountId actor, String email, RoleGrant grant) {
        Account account = accounts.findByEmail(Emails.normalize(email)).filter(Account::isActive)
                .orElseThrow(() -> new FieldProblem("email", "accounts.roles.unknownAccount"));
        if (grant.scope().kind() == RoleScope.Kind.TERRITORY && territories.find(grant.scope().id()).isEmpty()) {
            throw new FieldProblem("territoryId", "accounts.roles.unknownScope");
        }
        grantTo(actor, account.id(), grant);
    }

    /** Grants a role to an account known by id (for modules that manage their own teams, e.g. a process). */
    public void grant(AccountId actor, AccountId account, RoleGrant grant) {
        grantTo(actor, active(account).id(), grant);
    }

    private void grantTo(AccountId actor, long accountId, RoleGrant grant) {
        if (grant.role() == Role.PARTICIPANT) {
            throw new FieldProblem("role", "accounts.roles.participantImplicit");
        }
        if (grant.role() == Role.ADMINISTRATOR && grant.scope().kind() != RoleScope.Kind.GLOBAL) {
            throw new FieldProblem("territoryId", "accounts.roles.administratorGlobalOnly");
        }
        boolean held = roles.findByAccountId(accountId).stream().anyMatch(assignment -> assignment.grant().equals(grant));
        if (held) {
            return;
        }
        try {
            roles.saveAndFlush(new RoleAssignment(accountId, grant, actor == null ? null : actor.value(), clock.instant()));
        } catch (DataIntegrityViolationException alreadyGranted) {
            return;
        }
        actions.save(new AccountAction(actor == null ? null : actor.value(), accountId, "ROLE_GRANTED", describe(grant),
                clock.instant()));
    }

    public void revoke(AccountId actor, long assignmentId) {
        roles.findById(assignmentId).ifPresent(assignment -> {
            RoleGrant grant = assignment.grant();
            if (grant.role() == Role.ADMINISTRATOR && grant.scope().kind() == RoleScope.Kind.GLOBAL
                    && roles.findAll().stream().filter(other -> other.grant().equals(grant)).count() <= 1) {
                throw new FieldProblem("assignment", "accounts.roles.lastAdministrator");
            }
            roles.delete(assignment);
            actions.save(new AccountAction(actor.value(), assignment.accountId(), "ROLE_REVOKED", describe(grant),
                    clock.instant()));
        });
    }

    /** The roles granted in exactly this scope, e.g. the team of one process. */
    @Transactional(readOnly = true)
    public List<Assignment> assignmentsIn(RoleScope scope) {
        return assignments().stream().filter(assignment -> assignment.grant().scope().equals(scope)).toList();
    }

    /** Withdraws a role only if it was granted in this scope, so that a scope's managers cannot touch other scopes. */
    public void revokeIn(AccountId actor, long assignmentId, RoleScope scope) {
        roles.findById(assignmentId).filter(assignment -> assignment.grant().scope().equals(scope))
                .ifPresent(assignment -> revoke(actor, assignment.id()));
    }

    @Transactional(readOnly = true)
    public List<Assignment> assignments() {
        List<RoleAssignment> all = roles.findAllByOrderByAccountIdAscRoleAsc();
        Map<Long, Account> byId = accounts.findAllById(all.stream().map(RoleAssignment::accountId).distinct().toList())
                .stream().collect(Collectors.toMap(Account::id, Function.identity()));
        return all.stream().map(assignment -> {
            Account account = byId.get(assignment.accountId());
            RoleScope scope = assignment.grant().scope();
            String scopeName = scope.kind() == RoleScope.Kind.TERRITORY
                    ? territories.find(scope.id()).map(TerritoryView::name).orElse("#" + scope.id()) : null;
            return new Assignment(assignment.id(), account.pseudonym(), account.email(), assignment.grant(), scopeName,
                    assignment.grantedAt());
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<LoggedAction> recentActions(int page, int size) {
        var found = actions.findAllByOrderByHappenedAtDesc(org.springframework.data.domain.PageRequest.of(page, size));
        var names = pseudonyms(found.stream().flatMap(action -> java.util.stream.Stream.of(action.actorId(), action.accountId()))
                .filter(java.util.Objects::nonNull).map(AccountId::new).collect(Collectors.toSet()));
        return found.stream().map(action -> new LoggedAction(action.happenedAt(),
                action.actorId() == null ? null : names.getOrDefault(new AccountId(action.actorId()), Optional.empty()).orElse(null),
                names.getOrDefault(new AccountId(action.accountId()), Optional.empty()).orElse(null),
                action.action(), action.detail())).toList();
    }

    // ---- Bootstrap and identity providers -----------------------------------------------------------------------

    /** Creates a confirmed account with roles unless the address is taken (configuration and demo data). */
    public AccountId ensureAccount(String email, String pseudonym, String password, String language, List<RoleGrant> grants) {
        Account account = accounts.findByEmail(Emails.normalize(email)).orElseGet(() -> accounts.saveAndFlush(
                Account.confirmed(email, pseudonym, passwords.encode(password), language(language), clock.instant())));
        grants.forEach(grant -> grantTo(null, account.id(), grant));
        return account.accountId();
    }

    /**
     * Demo participants sharing one published password: it is hashed once (Argon2 is deliberately slow) and the hash,
     * which carries its own salt, is stored for each new account. Existing addresses are left as they are. They read
     * their notification mails as a daily digest, so that loading the demo's comments and supports writes no mail each.
     */
    public List<AccountId> ensureDemoParticipants(Map<String, String> pseudonymsByEmail, String password) {
        String hash = passwords.encode(password);
        return pseudonymsByEmail.entrySet().stream().map(person -> accounts.findByEmail(Emails.normalize(person.getKey()))
                .orElseGet(() -> {
                    Account account = Account.confirmed(person.getKey(), person.getValue(), hash, "fr", clock.instant());
                    account.changeNotificationFrequency(NotificationFrequency.DAILY_DIGEST);
                    return accounts.save(account);
                }).accountId()).toList();
    }

    @Transactional(readOnly = true)
    public boolean anyAdministrator() {
        return roles.existsByRoleAndScopeKind(Role.ADMINISTRATOR, RoleScope.Kind.GLOBAL);
    }

    /** Finds or creates the account behind an identity provider's subject, linking by verified address. */
    AgoraUser signInWithIdentity(String subject, String email, boolean emailVerified, String preferredName, String givenName) {
        Account account = accounts.findByOidcSubject(subject).orElseGet(() -> {
            Optional<Account> byEmail = emailVerified && email != null
                    ? accounts.findByEmail(Emails.normalize(email)).filter(found -> !found.isDeleted()) : Optional.empty();
            if (byEmail.isPresent()) {
                byEmail.get().linkIdentity(subject);
                byEmail.get().confirmEmail(clock.instant());
                return byEmail.get();
            }
            String base = Optional.ofNullable(preferredName).or(() -> Optional.ofNullable(givenName)).orElse("participant")
                    .replaceAll("[^\\p{L}\\p{N} _.'-]", "").strip();
            String pseudonym = freePseudonym(base.length() < 3 ? "participant" : base);
            Account created = emailVerified && email != null && !accounts.existsByEmail(Emails.normalize(email))
                    ? Account.confirmed(email, pseudonym, null, "fr", clock.instant())
                    : Account.confirmed("oidc-" + Secrets.newToken().substring(0, 16) + "@identity.invalid", pseudonym, null, "fr", clock.instant());
            created.linkIdentity(subject);
            return accounts.saveAndFlush(created);
        });
        if (!account.isActive()) {
            throw new org.springframework.security.authentication.DisabledException("inactive");
        }
        return FreshAuthorities.toUser(account, roles);
    }

    // ---- Internals -----------------------------------------------------------------------------------------------

    private String freePseudonym(String base) {
        String candidate = base.length() > 34 ? base.substring(0, 34) : base;
        String tried = candidate;
        for (int suffix = 2; accounts.existsByPseudonymIgnoreCase(tried); suffix++) {
            tried = candidate + "-" + suffix;
        }
        return tried;
    }

    private void requirePseudonymFree(String pseudonym, Long ownId) {
        String wanted = pseudonym.strip();
        if (wanted.toLowerCase(Locale.ROOT).startsWith("deleted-")) {
            throw new FieldProblem("pseudonym", "accounts.pseudonym.reserved");
        }
        if (accounts.existsByPseudonymIgnoreCase(wanted)) {
            boolean own = ownId != null && accounts.findById(ownId).map(Account::pseudonym)
                    .filter(current -> current.equalsIgnoreCase(wanted)).isPresent();
            if (!own) {
                throw new FieldProblem("pseudonym", "accounts.pseudonym.taken");
            }
        }
    }

    private Long resolveCommune(Long communeId) {
        if (communeId == null) {
            return null;
        }
        return territories.find(communeId)
                .filter(found -> found.kind() == org.agora.territories.TerritoryKind.COMMUNE)
                .map(TerritoryView::id)
                .orElseThrow(() -> new FieldProblem("commune", "accounts.commune.unknown"));
    }

    private Account active(AccountId id) {
        return accounts.findById(id.value()).filter(account -> !account.isDeleted())
                .orElseThrow(() -> new IllegalStateException("No active account " + id.value()));
    }

    private String issue(Account account, AccountToken.Purpose purpose, String newEmail, Duration validity) {
        Instant now = clock.instant();
        tokens.findByAccountIdAndPurposeAndUsedAtIsNull(account.id(), purpose).forEach(old -> old.use(now));
        String token = Secrets.newToken();
        tokens.save(new AccountToken(account.id(), purpose, Secrets.hash(token), newEmail, now, now.plus(validity)));
        return token;
    }

    private TokenOutcome useToken(String token, AccountToken.Purpose purpose,
                                  java.util.function.BiFunction<Account, AccountToken, TokenOutcome> action) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return TokenOutcome.INVALID;
        }
        Optional<AccountToken> found = tokens.findByTokenHashAndPurpose(Secrets.hash(token), purpose);
        if (found.isEmpty()) {
            return TokenOutcome.INVALID;
        }
        AccountToken used = found.get();
        if (used.used()) {
            return TokenOutcome.INVALID;
        }
        if (!used.usableAt(clock.instant())) {
            return TokenOutcome.EXPIRED;
        }
        Optional<Account> account = accounts.findById(used.accountId()).filter(candidate -> !candidate.isDeleted());
        if (account.isEmpty()) {
            return TokenOutcome.INVALID;
        }
        TokenOutcome outcome = action.apply(account.get(), used);
        if (outcome == TokenOutcome.DONE) {
            used.use(clock.instant());
        }
        return outcome;
    }

    private String link(String path, String token) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(baseUrl + path);
        if (token != null) {
            builder.queryParam("token", token);
        }
        return builder.build().toUriString();
    }

    private static String language(String language) {
        return "en".equals(language) ? "en" : "fr";
    }

    private static String describe(RoleGrant grant) {
        return grant.role().name() + " @ " + grant.scope().kind().name()
                + (grant.scope().kind() == RoleScope.Kind.GLOBAL ? "" : " " + grant.scope().id());
    }

    // ---- Values exchanged with the web layer ---------------------------------------------------------------------

    public enum TokenOutcome { DONE, EXPIRED, INVALID }

    public record SignUp(String email, String pseudonym, String password, Long communeId) {}

    public record ProfileChange(String pseudonym, Long communeId, String language, NotificationFrequency frequency,
                                boolean notifyByEmail) {}

    public record ProfileView(String email, String pendingEmail, String pseudonym, Long communeId, String communeLabel,
                              String language, NotificationFrequency frequency, boolean notifyByEmail, boolean hasPassword,
                              boolean openDataName) {}

    public record NotificationContact(AccountId id, String email, String pseudonym, String language,
                                      NotificationFrequency frequency) {}

    public record Assignment(long id, String pseudonym, String email, RoleGrant grant, String scopeName, Instant grantedAt) {}

    public record LoggedAction(Instant at, String actor, String account, String action, String detail) {}
}
