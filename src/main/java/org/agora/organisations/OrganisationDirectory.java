package org.agora.organisations;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The registry of organisations, the module's API: other modules find, search and create organisations here (a
 * facilitator recording an encounter may create one); staff also edit and merge them on the admin pages.
 */
@Service
public class OrganisationDirectory {

    static final int PAGE_SIZE = 25;

    private final Organisations organisations;
    private final TerritoryDirectory territories;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganisationDirectory(Organisations organisations, TerritoryDirectory territories, ApplicationEventPublisher events,
                          Clock clock) {
        this.organisations = organisations;
        this.territories = territories;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> find(OrganisationId id) {
        return organisations.findById(id.value()).map(Organisation::view);
    }

    /** Organisations of this territory or below whose name starts with {@code namePrefix} (ignoring case and accents). */
    @Transactional(readOnly = true)
    public List<OrganisationView> search(String namePrefix, long territoryId, int limit) {
        return organisations.findByKeyPrefix(Organisation.key(namePrefix), territories.selfAndDescendants(territoryId),
                PageRequest.of(0, Math.max(1, limit))).stream().map(Organisation::view).toList();
    }

    /** Organisations of any territory whose name starts with {@code namePrefix} (ignoring case and accents). */
    @Transactional(readOnly = true)
    public List<OrganisationView> searchAnywhere(String namePrefix, int limit) {
        return organisations.findByKeyPrefixAnywhere(Organisation.key(namePrefix), PageRequest.of(0, Math.max(1, limit)))
                .stream().map(Organisation::view).toList();
    }

    /**
     * Creates an organisation for staff, administrators and facilitators. Idempotent: an organisation with the same
     * SIREN, or with the same name in the same territory, is returned instead of a second record.
     *
     * @throws OrganisationRefused    when the draft is invalid (its problems name the fields)
     * @throws AccessDeniedException  when the person may not create organisations
     */
    @Transactional
    public OrganisationId create(AgoraUser actor, OrganisationDraft draft) {
        if (!mayCreate(actor)) {
            throw new AccessDeniedException("Cannot create organisations");
        }
        OrganisationForm form = new OrganisationForm(draft.name(), draft.kind() == null ? null : draft.kind().name(),
                draft.territoryId(), "", draft.siren(), draft.website(), true);
        Map<String, String> problems = new LinkedHashMap<>(form.problems());
        if (problems.isEmpty() && territories.find(draft.territoryId()).isEmpty()) {
            problems.put("scopeId", "organisations.error.territory");
        }
        if (!problems.isEmpty()) {
            throw new OrganisationRefused(problems);
        }
        OrganisationForm.Checked checked = form.check(draft.territoryId());
        Optional<Organisation> same = checked.siren() == null ? Optional.empty() : organisations.findBySiren(checked.siren());
        if (same.isEmpty()) {
            same = organisations.findByNameKeyAndTerritoryIdOrderById(Organisation.key(checked.name()),
                    checked.territoryId()).stream().findFirst();
        }
        return same.orElseGet(() -> organisations.saveAndFlush(new Organisation(checked, actor.id().value(), now())))
                .view().id();
    }

    /** How many organisations of each kind the registry holds (every kind present, zero included). */
    @Transactional(readOnly = true)
    public Map<OrganisationKind, Long> countsByKind() {
        Map<OrganisationKind, Long> counts = new EnumMap<>(OrganisationKind.class);
        for (OrganisationKind kind : OrganisationKind.values()) {
            counts.put(kind, 0L);
        }
        for (Object[] row : organisations.countByKind()) {
            counts.put((OrganisationKind) row[0], (Long) row[1]);
        }
        return counts;
    }

    /**
     * How many of these organisations there are of each kind (every kind present, zero included); ids of no
     * organisation count for nothing. Read in chunks of one grouped query each.
     */
    @Transactional(readOnly = true)
    public Map<OrganisationKind, Long> countsByKind(java.util.Collection<Long> ids) {
        Map<OrganisationKind, Long> counts = new EnumMap<>(OrganisationKind.class);
        for (OrganisationKind kind : OrganisationKind.values()) {
            counts.put(kind, 0L);
        }
        List<Long> all = List.copyOf(ids);
        for (int start = 0; start < all.size(); start += 1000) {
            for (Object[] row : organisations.countByKindAmong(all.subList(start, Math.min(all.size(), start + 1000)))) {
                counts.merge((OrganisationKind) row[0], (Long) row[1], Long::sum);
            }
        }
        return counts;
    }

    static boolean mayCreate(AgoraUser user) {
        return mayManage(user) || user.holdsAnywhere(Role.FACILITATOR);
    }

    static boolean mayManage(AgoraUser user) {
        return user != null && (user.isAdministrator() || user.holdsAnywhere(Role.STAFF));
    }

    static void requireManager(AgoraUser user) {
        if (!mayManage(user)) {
            throw new AccessDeniedException("Only staff manage the organisations");
        }
    }

    // ----- The admin pages (staff and administrators) -----

    @Transactional(readOnly = true)
    Page<OrganisationView> list(String query, OrganisationKind kind, Long territoryId, int page) {
        Set<Long> within = territoryId == null ? Set.of(-1L) : territories.selfAndDescendants(territoryId);
        return organisations.search(Organisation.key(query), kind, territoryId == null, within,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE)).map(Organisation::view);
    }

    @Transactional(readOnly = true)
    OrganisationView require(long id) {
        return organisations.findById(id).map(Organisation::view).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    /** What saving a form gave: the organisation's id, or the problems per field and the likely duplicates. */
    record Saved(Long id, Map<String, String> problems, List<OrganisationView> duplicates) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Creates ({@code id} null) or changes an organisation from the admin form. */
    @Transactional
    Saved save(AgoraUser actor, Long id, OrganisationForm form) {
        requireManager(actor);
        Organisation existing = id == null ? null : organisations.findById(id)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        Map<String, String> problems = new LinkedHashMap<>(form.problems());
        Long territoryId = problems.containsKey("scopeId") ? null : territory(form, problems);
        if (!problems.isEmpty()) {
            return new Saved(id, problems, List.of());
        }
        OrganisationForm.Checked checked = form.check(territoryId);
        if (checked.siren() != null && organisations.findBySiren(checked.siren())
                .filter(other -> !other.id().equals(id)).isPresent()) {
            problems.put("siren", "organisations.error.sirenTaken");
            return new Saved(id, problems, List.of());
        }
        boolean moved = existing == null || !existing.nameKey().equals(Organisation.key(checked.name()))
                || existing.territoryId() != checked.territoryId();
        List<OrganisationView> duplicates = !moved || form.duplicateConfirmed() ? List.of()
                : organisations.findByNameKeyAndTerritoryIdOrderById(Organisation.key(checked.name()), checked.territoryId())
                .stream().filter(other -> !other.id().equals(id)).map(Organisation::view).toList();
        if (!duplicates.isEmpty()) {
            problems.put("name", "organisations.error.likelyDuplicate");
            return new Saved(id, problems, duplicates);
        }
        if (existing == null) {
            existing = organisations.saveAndFlush(new Organisation(checked, actor.id().value(), now()));
        } else {
            existing.change(checked, now());
            organisations.flush();
        }
        return new Saved(existing.id(), Map.of(), List.of());
    }

    /** The commune typed, else the larger territory chosen; a problem is recorded when neither designates one. */
    private Long territory(OrganisationForm form, Map<String, String> problems) {
        String commune = OrganisationForm.strip(form.commune());
        if (commune.isEmpty()) {
            if (territories.find(form.scopeId()).isEmpty()) {
                problems.put("scopeId", "organisations.error.territory");
                return null;
            }
            return form.scopeId();
        }
        String name = commune.contains(" (") ? commune.substring(0, commune.indexOf(" (")) : commune;
        List<TerritoryView> found = territories.searchCommunes(name, 20);
        List<TerritoryView> exact = found.stream().filter(view -> view.label().equalsIgnoreCase(commune)
                || view.name().equalsIgnoreCase(commune) || view.postalCodes().contains(commune)).toList();
        List<TerritoryView> chosen = exact.isEmpty() ? found : exact;
        if (chosen.size() == 1 && chosen.getFirst().kind() == TerritoryKind.COMMUNE) {
            return chosen.getFirst().id();
        }
        problems.put("commune", chosen.isEmpty() ? "organisations.error.communeUnknown" : "organisations.error.communeAmbiguous");
        return null;
    }

    /** The organisations staff may merge {@code id} into: same name anywhere first, then the others of its territory. */
    @Transactional(readOnly = true)
    List<OrganisationView> mergeCandidates(OrganisationView organisation) {
        return organisations.mergeCandidates(organisation.id().value(), Organisation.key(organisation.name()),
                organisation.territoryId(), PageRequest.of(0, 100)).stream().map(Organisation::view).toList();
    }

    /**
     * Merges the duplicate {@code removed} into {@code kept}: the kept one takes over the SIREN and website only the
     * removed one had, the removed one is deleted, and {@link OrganisationsMerged} lets other modules re-point.
     */
    @Transactional
    void merge(AgoraUser actor, long removed, long kept) {
        requireManager(actor);
        if (removed == kept) {
            throw new IllegalArgumentException("An organisation cannot be merged into itself");
        }
        Organisation duplicate = organisations.findById(removed).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        Organisation keeper = organisations.findById(kept).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        String siren = duplicate.siren();
        duplicate.forgetSiren();
        organisations.flush();
        keeper.absorb(siren, duplicate.website(), now());
        organisations.delete(duplicate);
        organisations.flush();
        events.publishEvent(new OrganisationsMerged(new OrganisationId(kept), new OrganisationId(removed)));
    }

    List<TerritoryView> scopes() {
        return territories.scopes();
    }

    Optional<TerritoryView> territory(long id) {
        return territories.find(id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
