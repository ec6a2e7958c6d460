package org.agora.library;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationDraft;
import org.agora.organisations.OrganisationId;
import org.agora.organisations.OrganisationKind;
import org.agora.organisations.OrganisationView;
import org.agora.shared.MailRequested;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.agora.library.InitiativeManagement.requireStaff;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The regional network: organisations of the registry and published initiatives, each with whom to contact. Staff
 * add and remove members; a signed-in person asks for an organisation to join, and staff accept or refuse.
 */
@Service
class NetworkManagement {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Network network;
    private final Initiatives initiatives;
    private final OrganisationDirectory organisations;
    private final TerritoryDirectory territories;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final String baseUrl;
    private final Clock clock;

    NetworkManagement(Network network, Initiatives initiatives, OrganisationDirectory organisations,
                      TerritoryDirectory territories, AccountManagement accounts, ApplicationEventPublisher events,
                      MessageSource messages, @Value("${agora.base-url:http://localhost:8080}") String baseUrl,
                      Clock clock) {
        this.network = network;
        this.initiatives = initiatives;
        this.organisations = organisations;
        this.territories = territories;
        this.accounts = accounts;
        this.events = events;
        this.messages = messages;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** A member as the network page lists it: an organisation (path null) or an initiative (its page). */
    record Listed(long memberId, String kind, String name, String path, String territory, String contactName,
                  String contactRole) {
    }

    /** The members, organisations and initiatives together, by name. */
    @Transactional(readOnly = true)
    List<Listed> members() {
        List<Listed> listed = new ArrayList<>();
        for (Network.Member member : network.members()) {
            if (member.organisationId() != null) {
                organisations.find(new OrganisationId(member.organisationId())).ifPresent(organisation ->
                        listed.add(new Listed(member.id(), "organisation", organisation.name(), null,
                                territoryName(organisation.territoryId()), member.contactName(), member.contactRole())));
            } else {
                initiatives.find(member.initiativeId()).filter(InitiativeView::published).ifPresent(initiative ->
                        listed.add(new Listed(member.id(), "initiative", initiative.title(), initiative.path(),
                                territoryName(initiative.territoryId()), member.contactName(), member.contactRole())));
            }
        }
        listed.sort(Comparator.comparing(member -> Matches.nameKey(member.name())));
        return listed;
    }

    /** What a person types to ask for an organisation to join. */
    record JoinForm(String organisationName, String organisationKind, Long territoryId, String contactName,
                    String contactEmail, String message) {

        static JoinForm empty(AgoraUser user) {
            return new JoinForm("", "ASSOCIATION", null, user.pseudonym(), user.email(), "");
        }

        Map<String, String> problems() {
            Map<String, String> problems = new LinkedHashMap<>();
            String name = InitiativeDraft.strip(organisationName);
            if (name.length() < 2 || name.length() > 200) {
                problems.put("organisationName", "library.network.error.organisationName");
            }
            if (kind().isEmpty()) {
                problems.put("organisationKind", "library.network.error.kind");
            }
            if (territoryId == null) {
                problems.put("territoryId", "library.initiative.error.territory");
            }
            String contact = InitiativeDraft.strip(contactName);
            if (contact.length() < 2 || contact.length() > 200) {
                problems.put("contactName", "library.initiative.error.contactName");
            }
            String email = InitiativeDraft.strip(contactEmail);
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                problems.put("contactEmail", "library.initiative.error.contactEmail");
            }
            String text = InitiativeDraft.strip(message);
            if (text.length() < 10 || text.length() > 2000) {
                problems.put("message", "library.network.error.message");
            }
            return problems;
        }

        Optional<OrganisationKind> kind() {
            try {
                return Optional.of(OrganisationKind.valueOf(organisationKind));
            } catch (RuntimeException unknown) {
                return Optional.empty();
            }
        }
    }

    /** Records a request to join; the organisation is linked when the registry knows its name in that territory. */
    @Transactional
    long requestToJoin(AgoraUser user, JoinForm form) {
        if (user == null) {
            throw new AccessDeniedException("Sign in to ask to join the network");
        }
        Map<String, String> problems = form.problems();
        if (problems.isEmpty() && territories.find(form.territoryId()).isEmpty()) {
            problems.put("territoryId", "library.initiative.error.territory");
        }
        if (!problems.isEmpty()) {
            throw new LibraryRefused(problems);
        }
        String name = form.organisationName().strip();
        Long known = organisations.search(name, form.territoryId(), 5).stream()
                .filter(found -> Matches.nameKey(found.name()).equals(Matches.nameKey(name)))
                .map(found -> found.id().value()).findFirst().orElse(null);
        return network.request(known, name, form.kind().orElseThrow().name(), form.territoryId(),
                form.contactName().strip(), form.contactEmail().strip().toLowerCase(Locale.ROOT), form.message().strip(),
                user.id().value(), now());
    }

    @Transactional(readOnly = true)
    List<Network.Request> pending(AgoraUser staff) {
        requireStaff(staff);
        return network.requests(Network.RequestStatus.PENDING);
    }

    @Transactional(readOnly = true)
    List<Network.Request> requestsBy(AgoraUser user) {
        return network.requestsBy(user.id().value());
    }

    /**
     * Accepts a request: the organisation is found or created in the registry and becomes a member with the request's
     * contact; the person who asked is told by mail. Accepting twice changes nothing.
     */
    @Transactional
    void accept(AgoraUser staff, long requestId) {
        requireStaff(staff);
        Network.Request request = network.findRequest(requestId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (request.status() != Network.RequestStatus.PENDING) {
            return;
        }
        OrganisationId organisation = request.organisationId() != null
                && organisations.find(new OrganisationId(request.organisationId())).isPresent()
                ? new OrganisationId(request.organisationId())
                : organisations.create(staff, new OrganisationDraft(request.organisationName(),
                OrganisationKind.valueOf(request.organisationKind()), request.territoryId(), null, null));
        network.add(organisation.value(), null, request.contactName(), "", staff.id().value(), now());
        if (network.decide(requestId, Network.RequestStatus.ACCEPTED, organisation.value(), null, staff.id().value(), now())) {
            mail(request, "accepted", null);
        }
    }

    @Transactional
    void refuse(AgoraUser staff, long requestId, String note) {
        requireStaff(staff);
        String why = note == null ? "" : note.strip();
        if (why.length() < 5 || why.length() > 2000) {
            throw LibraryRefused.of("note", "library.initiative.error.reason");
        }
        Network.Request request = network.findRequest(requestId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (network.decide(requestId, Network.RequestStatus.REFUSED, null, why, staff.id().value(), now())) {
            mail(request, "refused", why);
        }
    }

    /** Staff add an organisation of the registry, named exactly; false when it already is a member. */
    @Transactional
    boolean addOrganisation(AgoraUser staff, String name, String contactName, String contactRole) {
        requireStaff(staff);
        Map<String, String> problems = contactProblems(contactName, contactRole);
        String key = Matches.nameKey(name);
        Optional<OrganisationView> found = key.isEmpty() ? Optional.empty()
                : organisations.searchAnywhere(name.strip(), 10).stream()
                .filter(organisation -> Matches.nameKey(organisation.name()).equals(key)).findFirst();
        if (found.isEmpty()) {
            problems.put("organisation", "library.network.error.organisationUnknown");
        }
        if (!problems.isEmpty()) {
            throw new LibraryRefused(problems);
        }
        return network.add(found.get().id().value(), null, contactName.strip(), InitiativeDraft.strip(contactRole),
                staff.id().value(), now());
    }

    /** Staff add a published initiative; false when it already is a member. */
    @Transactional
    boolean addInitiative(AgoraUser staff, long initiativeId, String contactName, String contactRole) {
        requireStaff(staff);
        Map<String, String> problems = contactProblems(contactName, contactRole);
        if (initiatives.find(initiativeId).filter(InitiativeView::published).isEmpty()) {
            problems.put("initiative", "library.network.error.initiative");
        }
        if (!problems.isEmpty()) {
            throw new LibraryRefused(problems);
        }
        return network.add(null, initiativeId, contactName.strip(), InitiativeDraft.strip(contactRole),
                staff.id().value(), now());
    }

    @Transactional
    void remove(AgoraUser staff, long memberId) {
        requireStaff(staff);
        network.remove(memberId);
    }

    /** Published initiatives not yet members, for the staff's form. */
    @Transactional(readOnly = true)
    List<InitiativeView> initiativesOutside() {
        List<Long> inside = network.members().stream().map(Network.Member::initiativeId).toList();
        return initiatives.published(null, null, null, List.of()).stream()
                .filter(initiative -> !inside.contains(initiative.id())).toList();
    }

    String territoryName(long id) {
        return territories.find(id).map(TerritoryView::label).orElse("");
    }

    private static Map<String, String> contactProblems(String contactName, String contactRole) {
        Map<String, String> problems = new LinkedHashMap<>();
        String contact = InitiativeDraft.strip(contactName);
        if (contact.length() < 2 || contact.length() > 200) {
            problems.put("contactName", "library.initiative.error.contactName");
        }
        if (InitiativeDraft.strip(contactRole).length() > 200) {
            problems.put("contactRole", "library.network.error.contactRole");
        }
        return problems;
    }

    private void mail(Network.Request request, String outcome, String note) {
        Optional<AgoraUser> asker = accounts.find(new AccountId(request.requestedBy()));
        if (asker.isEmpty()) {
            return;
        }
        String language = asker.get().language() == null ? "fr" : asker.get().language();
        Locale locale = Locale.forLanguageTag(language);
        String subject = messages.getMessage("library.mail.network." + outcome + ".subject",
                new Object[] {request.organisationName()}, locale);
        StringBuilder text = new StringBuilder(messages.getMessage("library.mail.network." + outcome + ".body",
                new Object[] {request.organisationName()}, locale)).append("\n\n");
        if (note != null) {
            text.append(note).append("\n\n");
        }
        text.append(baseUrl).append("/reseau\n");
        events.publishEvent(new MailRequested(request.requestedBy(), asker.get().email(), language, "library-network",
                subject, text.toString(), null, List.of(), null));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
