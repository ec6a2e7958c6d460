package org.agora.territories;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Territories extends JpaRepository<Territory, Long> {

    Optional<Territory> findByKindAndCode(TerritoryKind kind, String code);

    List<Territory> findByKindIn(Collection<TerritoryKind> kinds);

    @Query("select t.id from Territory t where t.path like concat(:path, '%')")
    List<Long> idsUnder(String path);

    /** Communes whose name matches, the exact name first, then names starting with the query, then the rest. */
    @Query("""
            select t from Territory t where t.kind = org.agora.territories.TerritoryKind.COMMUNE
              and t.searchName like concat('%', :normalized, '%')
            order by case when t.searchName = :normalized then 0
                          when t.searchName like concat(:normalized, '%') then 1 else 2 end,
                     t.searchName, t.code""")
    List<Territory> communesNamed(String normalized, Pageable page);

    /** Communes with a postal code starting with the digits; stored codes are comma-separated. */
    @Query("""
            select t from Territory t where t.kind = org.agora.territories.TerritoryKind.COMMUNE
              and concat(',', t.postalCodes) like concat('%,', :digits, '%')
            order by t.postalCodes, t.searchName""")
    List<Territory> communesWithPostalCode(String digits, Pageable page);

    /** Any territory whose name or code matches, for the administration list. */
    @Query("""
            select t from Territory t where t.searchName like concat('%', :normalized, '%') or t.code = :code
            order by t.kind, t.searchName""")
    List<Territory> search(String normalized, String code, Pageable page);

    @Query("select t.kind, count(t) from Territory t group by t.kind")
    List<Object[]> countByKind();
}
