package org.agora.territories;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Read-only queries on the territory tree for other modules. */
public interface TerritoryDirectory {

    Optional<TerritoryView> find(long id);

    /** The territories with these ids, in one query; unknown ids are left out. */
    java.util.Map<Long, TerritoryView> findAll(java.util.Collection<Long> ids);

    Optional<TerritoryView> findByCode(TerritoryKind kind, String code);

    /** Communes whose postal code starts with the query, or whose name matches it ignoring case, accents and hyphens. */
    List<TerritoryView> searchCommunes(String query, int limit);

    /** Territories that can scope a process or a role: the region(s), départements and living areas, tree-ordered. */
    List<TerritoryView> scopes();

    /** The territory and every territory below it. */
    Set<Long> selfAndDescendants(long territoryId);

    /** True when {@code territoryId} is {@code ancestorId} or lies below it. */
    boolean isWithin(long territoryId, long ancestorId);
}
