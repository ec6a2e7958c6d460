package org.agora.library;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationId;
import org.agora.shared.MailRequested;
import org.agora.territories.TerritoryDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The initiatives' rules: anyone signed in proposes one, staff publish or refuse it (the author is told by mail and
 * sees its status), and another module publishes its showcased projects here by a source key of its own.
 */
@Service
public class InitiativeManagement {

    private final Initiatives initiatives;
    private final TerritoryDirectory territories;
    private final OrganisationDirectory organisations;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final String baseUrl;
    private final Clock clock;

    InitiativeManagement(Initiatives initiatives, TerritoryDirectory territories, OrganisationDirectory organisations,
                         AccountManagement accounts, ApplicationEventPublisher events, MessageSource messages,
                         @Value("${agora.base-url:http://localhost:8080}") String baseUrl, Clock clock) {
        this.initiatives = initiatives;
        this.territories = territories;
        this.organisations = organisations;
        this.accounts = accounts;
        this.events = events;
        this.messages = messages;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    static boolean isStaff(AgoraUser user) {
        return user != null && (user.isAdministrator() || user.holdsAnywhere(Role.STAFF));
    }

    static void requireStaff(AgoraUser user) {
        if (!isStaff(user)) {
            throw new AccessDeniedException("Only staff manage the library");
        }
    }

    /**
     * Creates or updates the published initiative of a support programme's showcased project. Calling it again with
     * the same {@code sourceKey} updates that initiative (it stays published) instead of creating a second one.
     *
     * @return the initiative's id
     * @throws LibraryRefused when the draft is invalid
     */
    @Transactional
    public long publishShowcase(String sourceKey, InitiativeDraft draft) {
        if (sourceKey == null || sourceKey.isBlank() || sourceKey.length() > 100) {
            throw LibraryRefused.of("sourceKey", "library.initiative.error.sourceKey");
        }
        check(draft);
        Instant now = now();
        Optional<InitiativeView> existing = initiatives.findBySource(sourceKey);
        if (existing.isPresent()) {
            initiatives.update(existing.get().id(), draft, now);
            return existing.get().id();
        }
        // Two first calls at once with one key: the unique source key lets one insert through and fails the other
        // (a DuplicateKeyException), which its caller may retry as an update.
        return initiatives.insert(draft, InitiativeStatus.PUBLISHED, null, sourceKey, now);
    }

    /** A signed-in person proposes an initiative; it waits for staff. */
    @Transactional
    public long propose(AgoraUser author, InitiativeDraft draft) {
        if (author == null) {
            throw new AccessDeniedException("Sign in to propose an initiative");
        }
        check(draft);
        return initiatives.insert(draft, InitiativeStatus.PROPOSED, author.id().value(), null, now());
    }

    @Transactional
    void publish(AgoraUser staff, long id) {
        requireStaff(staff);
        InitiativeView initiative = require(id);
        if (initiatives.decide(id, InitiativeStatus.PUBLISHED, null, staff.id().value(), now())) {
            mail(initiative, "published", null);
        }
    }

    @Transactional
    void refuse(AgoraUser staff, long id, String reason) {
        requireStaff(staff);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 5 || why.length() > 2000) {
            throw LibraryRefused.of("reason", "library.initiative.error.reason");
        }
        InitiativeView initiative = require(id);
        if (initiatives.decide(id, InitiativeStatus.REFUSED, why, staff.id().value(), now())) {
            mail(initiative, "refused", why);
        }
    }

    /** The initiative if this viewer may see it: published, or proposed or refused and theirs, or any to staff. */
    @Transactional(readOnly = true)
    Optional<InitiativeView> visible(AgoraUser viewer, long id) {
        return initiatives.find(id).filter(initiative -> initiative.published() || isStaff(viewer)
                || (viewer != null && initiative.authorId() != null && initiative.authorId() == viewer.id().value()));
    }

    @Transactional(readOnly = true)
    List<InitiativeView> mine(AgoraUser author) {
        return initiatives.byAuthor(author.id().value());
    }

    @Transactional(readOnly = true)
    List<InitiativeView> proposed(AgoraUser staff) {
        requireStaff(staff);
        return initiatives.withStatus(InitiativeStatus.PROPOSED);
    }

    /** The author adds files while the initiative waits for review; staff at any time. Images need a text alternative. */
    @Transactional
    void attach(AgoraUser user, long id, LibraryFiles.Upload upload, String altText) {
        InitiativeView initiative = mayEdit(user, id);
        LibraryFiles.Checked file = LibraryFiles.check(upload, "file");
        String alt = altText == null ? "" : altText.strip();
        if (LibraryFiles.image(file.contentType()) && (alt.isEmpty() || alt.length() > 300)) {
            throw LibraryRefused.of("altText", "library.file.alt");
        }
        if (initiatives.files(id).size() >= LibraryFiles.MAX_FILES) {
            throw LibraryRefused.of("file", "library.file.count");
        }
        initiatives.attach(initiative.id(), file.contentType(), file.fileName(),
                LibraryFiles.image(file.contentType()) ? alt : "", file.bytes(), now());
    }

    @Transactional
    void removeFile(AgoraUser user, long id, long fileId) {
        mayEdit(user, id);
        initiatives.removeFile(id, fileId);
    }

    List<Initiatives.FileInfo> files(long id) {
        return initiatives.files(id);
    }

    @Transactional(readOnly = true)
    Optional<Initiatives.StoredFile> file(AgoraUser viewer, long id, long fileId) {
        return visible(viewer, id).flatMap(initiative -> initiatives.file(id, fileId));
    }

    private InitiativeView mayEdit(AgoraUser user, long id) {
        InitiativeView initiative = visible(user, id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        boolean author = user != null && initiative.authorId() != null && initiative.authorId() == user.id().value()
                && initiative.status() == InitiativeStatus.PROPOSED;
        if (!author && !isStaff(user)) {
            throw new AccessDeniedException("Only the author of a proposed initiative or staff change its files");
        }
        return initiative;
    }

    private InitiativeView require(long id) {
        return initiatives.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private void check(InitiativeDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>(draft.problems());
        if (!problems.containsKey("territoryId") && territories.find(draft.territoryId()).isEmpty()) {
            problems.put("territoryId", "library.initiative.error.territory");
        }
        if (draft.organisationId() != null
                && organisations.find(new OrganisationId(draft.organisationId())).isEmpty()) {
            problems.put("organisationId", "library.initiative.error.organisation");
        }
        if (!problems.isEmpty()) {
            throw new LibraryRefused(problems);
        }
    }

    private void mail(InitiativeView initiative, String outcome, String reason) {
        if (initiative.authorId() == null) {
            return;
        }
        Optional<AgoraUser> author = accounts.find(new AccountId(initiative.authorId()));
        if (author.isEmpty()) {
            return;
        }
        String language = author.get().language() == null ? "fr" : author.get().language();
        Locale locale = Locale.forLanguageTag(language);
        String subject = messages.getMessage("library.mail." + outcome + ".subject", new Object[] {initiative.title()},
                locale);
        StringBuilder text = new StringBuilder(messages.getMessage("library.mail." + outcome + ".body",
                new Object[] {initiative.title()}, locale)).append("\n\n");
        if (reason != null) {
            text.append(reason).append("\n\n");
        }
        text.append(messages.getMessage("library.mail.page", null, locale)).append(' ')
                .append(baseUrl).append(initiative.path()).append('\n');
        events.publishEvent(new MailRequested(initiative.authorId(), author.get().email(), language,
                "library-initiative", subject, text.toString(), null, List.of(), null));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
