package org.agora.library;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Browsing the published initiatives: filters, ranked search, similar initiatives, the territory view. */
@Service
class InitiativeCatalogue {

    static final int PAGE_SIZE = 12;

    private final Initiatives initiatives;
    private final TerritoryDirectory territories;

    InitiativeCatalogue(Initiatives initiatives, TerritoryDirectory territories) {
        this.initiatives = initiatives;
        this.territories = territories;
    }

    /** One initiative of a list, with its excerpt (words searched marked) and its territory's name. */
    record Hit(InitiativeView initiative, int score, List<Matches.Part> title, List<Matches.Part> excerpt,
               String territory) {
    }

    record Results(List<Hit> hits, int total, int page, int totalPages) {
    }

    /**
     * The published initiatives of this territory (and below), kind and tag; with words, only those holding all of
     * them, best first (title, then tags, then summary, then the rest), else newest first.
     */
    @Transactional(readOnly = true)
    Results search(String query, Long territoryId, InitiativeKind kind, String tag, int page) {
        List<String> words = Matches.words(query);
        Set<Long> within = territoryId == null ? null : territories.selfAndDescendants(territoryId);
        List<Hit> hits = new ArrayList<>();
        for (InitiativeView initiative : initiatives.published(within, kind, tag == null || tag.isBlank() ? null
                : Matches.lower(tag.strip()), words)) {
            hits.add(new Hit(initiative, score(initiative, words), Matches.highlight(initiative.title(), words, 1000),
                    Matches.highlight(initiative.summary(), words, 240),
                    territoryName(initiative.territoryId())));
        }
        if (!words.isEmpty()) {
            // Stable sort: equal scores keep the newest first.
            hits.sort(Comparator.comparingInt(Hit::score).reversed());
        }
        int totalPages = Math.max(1, (hits.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), totalPages);
        int from = (current - 1) * PAGE_SIZE;
        return new Results(hits.subList(from, Math.min(hits.size(), from + PAGE_SIZE)), hits.size(), current, totalPages);
    }

    static int score(InitiativeView initiative, List<String> words) {
        return Matches.score(initiative.title(), words, 8) + Matches.score(String.join(" ", initiative.tags()), words, 5)
                + Matches.score(initiative.summary(), words, 3) + Matches.score(initiative.organisationName(), words, 2)
                + Matches.score(initiative.tools() + " " + initiative.results() + " " + initiative.lessons(), words, 1);
    }

    /** A similar initiative and why it is similar. */
    record Similar(InitiativeView initiative, int score, boolean sameKind, List<String> sharedTags, boolean sameArea) {
    }

    /**
     * Up to {@code limit} other published initiatives most like this one: the same kind counts 3, each shared tag 2,
     * the same territory 3 or the same département 1. Only those scoring at least 2 are listed.
     */
    @Transactional(readOnly = true)
    List<Similar> similar(InitiativeView initiative, int limit) {
        Map<Long, Optional<Long>> departments = new HashMap<>();
        Optional<Long> department = department(initiative.territoryId(), departments);
        List<Similar> similar = new ArrayList<>();
        for (InitiativeView other : initiatives.published(null, null, null, List.of())) {
            if (other.id() == initiative.id()) {
                continue;
            }
            boolean sameKind = other.kind() == initiative.kind();
            List<String> shared = other.tags().stream().filter(initiative.tags()::contains).toList();
            boolean sameTerritory = other.territoryId() == initiative.territoryId();
            boolean sameDepartment = !sameTerritory && department.isPresent()
                    && department.equals(department(other.territoryId(), departments));
            int score = (sameKind ? 3 : 0) + 2 * shared.size() + (sameTerritory ? 3 : sameDepartment ? 1 : 0);
            if (score >= 2) {
                similar.add(new Similar(other, score, sameKind, shared, sameTerritory || sameDepartment));
            }
        }
        similar.sort(Comparator.comparingInt(Similar::score).reversed());
        return List.copyOf(similar.subList(0, Math.min(limit, similar.size())));
    }

    /** A territory of the territory view: its published initiatives (itself and below), and its living areas. */
    record Area(TerritoryView territory, long count, List<Area> areas) {
    }

    /** The départements with their living areas and how many published initiatives each holds. */
    @Transactional(readOnly = true)
    List<Area> territoryView() {
        List<InitiativeView> published = initiatives.published(null, null, null, List.of());
        List<TerritoryView> scopes = territories.scopes();
        List<Area> departments = new ArrayList<>();
        for (TerritoryView department : scopes) {
            if (department.kind() != TerritoryKind.DEPARTEMENT) {
                continue;
            }
            List<Area> areas = new ArrayList<>();
            for (TerritoryView area : scopes) {
                if (area.kind() == TerritoryKind.LIVING_AREA && Long.valueOf(department.id()).equals(area.parentId())) {
                    areas.add(new Area(area, count(published, territories.selfAndDescendants(area.id())), List.of()));
                }
            }
            departments.add(new Area(department, count(published, territories.selfAndDescendants(department.id())), areas));
        }
        return departments;
    }

    /** Tags of published initiatives, most used first. */
    @Transactional(readOnly = true)
    Map<String, Long> tags() {
        Map<String, Long> tags = new LinkedHashMap<>();
        initiatives.publishedTags().forEach(entry -> tags.put(entry.getKey(), entry.getValue()));
        return tags;
    }

    String territoryName(long id) {
        return territories.find(id).map(TerritoryView::label).orElse("");
    }

    Optional<TerritoryView> territory(long id) {
        return territories.find(id);
    }

    List<TerritoryView> scopes() {
        return territories.scopes();
    }

    private static long count(List<InitiativeView> published, Set<Long> within) {
        return published.stream().filter(initiative -> within.contains(initiative.territoryId())).count();
    }

    private Optional<Long> department(long territoryId, Map<Long, Optional<Long>> cache) {
        return cache.computeIfAbsent(territoryId, id -> {
            Set<Long> seen = new HashSet<>();
            Optional<TerritoryView> current = territories.find(id);
            while (current.isPresent() && seen.add(current.get().id())) {
                if (current.get().kind() == TerritoryKind.DEPARTEMENT) {
                    return Optional.of(current.get().id());
                }
                current = current.get().parentId() == null ? Optional.empty() : territories.find(current.get().parentId());
            }
            return Optional.empty();
        });
    }
}
