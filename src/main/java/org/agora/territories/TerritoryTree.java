package org.agora.territories;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The territory tree as other modules query it. */
@Service
@Transactional(readOnly = true)
class TerritoryTree implements TerritoryDirectory {

    static final int MAX_RESULTS = 50;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");

    private final Territories territories;

    TerritoryTree(Territories territories) {
        this.territories = territories;
    }

    @Override
    public Optional<TerritoryView> find(long id) {
        return territories.findById(id).map(Territory::view);
    }

    @Override
    public java.util.Map<Long, TerritoryView> findAll(java.util.Collection<Long> ids) {
        java.util.Map<Long, TerritoryView> found = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            territories.findAllById(java.util.Set.copyOf(ids)).forEach(territory -> found.put(territory.id(), territory.view()));
        }
        return found;
    }

    @Override
    public Optional<TerritoryView> findByCode(TerritoryKind kind, String code) {
        return territories.findByKindAndCode(kind, code).map(Territory::view);
    }

    @Override
    public List<TerritoryView> searchCommunes(String query, int limit) {
        String trimmed = query == null ? "" : query.strip();
        PageRequest page = PageRequest.of(0, Math.clamp(limit, 1, MAX_RESULTS));
        if (DIGITS.matcher(trimmed).matches()) {
            return territories.communesWithPostalCode(trimmed, page).stream().map(Territory::view).toList();
        }
        String normalized = TerritoryNames.normalize(trimmed);
        if (normalized.length() < 2) {
            return List.of();
        }
        return territories.communesNamed(normalized, page).stream().map(Territory::view).toList();
    }

    @Override
    public List<TerritoryView> scopes() {
        List<Territory> nodes = territories.findByKindIn(List.of(TerritoryKind.REGION, TerritoryKind.DEPARTEMENT,
                TerritoryKind.LIVING_AREA));
        Set<Long> ids = nodes.stream().map(Territory::id).collect(Collectors.toSet());
        Collator collator = Collator.getInstance(Locale.FRENCH);
        Comparator<Territory> byName = Comparator.comparing(Territory::name, collator);
        Map<Long, List<Territory>> children = new LinkedHashMap<>();
        List<Territory> roots = new ArrayList<>();
        for (Territory node : nodes) {
            if (node.parentId() == null || !ids.contains(node.parentId())) {
                roots.add(node);
            } else {
                children.computeIfAbsent(node.parentId(), parent -> new ArrayList<>()).add(node);
            }
        }
        List<TerritoryView> ordered = new ArrayList<>(nodes.size());
        roots.sort(Comparator.comparing(Territory::kind).thenComparing(byName));
        roots.forEach(root -> walk(root, children, byName, ordered));
        return ordered;
    }

    private static void walk(Territory node, Map<Long, List<Territory>> children, Comparator<Territory> order,
                             List<TerritoryView> into) {
        into.add(node.view());
        children.getOrDefault(node.id(), List.of()).stream().sorted(order)
                .forEach(child -> walk(child, children, order, into));
    }

    @Override
    public Set<Long> selfAndDescendants(long territoryId) {
        return territories.findById(territoryId)
                .map(territory -> (Set<Long>) new HashSet<>(territories.idsUnder(territory.path())))
                .orElse(Set.of());
    }

    @Override
    public boolean isWithin(long territoryId, long ancestorId) {
        if (territoryId == ancestorId) {
            return territories.existsById(territoryId);
        }
        return territories.findById(territoryId)
                .map(territory -> territory.path().contains("/" + ancestorId + "/"))
                .orElse(false);
    }

    Map<TerritoryKind, Long> countsByKind() {
        Map<TerritoryKind, Long> counts = new EnumMap<>(TerritoryKind.class);
        for (TerritoryKind kind : TerritoryKind.values()) {
            counts.put(kind, 0L);
        }
        territories.countByKind().forEach(row -> counts.put((TerritoryKind) row[0], (Long) row[1]));
        return counts;
    }

    /** Name or code search over every kind, for the administration page. */
    List<AdminRow> search(String query, int limit) {
        String normalized = TerritoryNames.normalize(query);
        List<Territory> found = territories.search(normalized, query == null ? "" : query.strip(),
                PageRequest.of(0, limit));
        Map<Long, String> parentNames = territories.findAllById(found.stream().map(Territory::parentId)
                        .filter(java.util.Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(Territory::id, Territory::name));
        return found.stream().map(territory -> new AdminRow(territory.view(),
                territory.parentId() == null ? null : parentNames.get(territory.parentId()))).toList();
    }

    record AdminRow(TerritoryView territory, String parentName) {
    }
}
