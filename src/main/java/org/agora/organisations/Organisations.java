package org.agora.organisations;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Organisations extends JpaRepository<Organisation, Long> {

    Optional<Organisation> findBySiren(String siren);

    List<Organisation> findByNameKeyAndTerritoryIdOrderById(String nameKey, long territoryId);

    /** Organisations whose name key contains {@code pattern}'s key, of one kind or all, within some territories or all. */
    @Query("""
            select o from Organisation o
            where o.nameKey like concat('%', :key, '%')
              and (:kind is null or o.kind = :kind)
              and (:everywhere = true or o.territoryId in :territories)
            order by o.nameKey, o.id""")
    Page<Organisation> search(@Param("key") String key, @Param("kind") OrganisationKind kind,
                              @Param("everywhere") boolean everywhere, @Param("territories") Collection<Long> territories,
                              Pageable pageable);

    @Query("""
            select o from Organisation o
            where o.nameKey like concat(:key, '%') and o.territoryId in :territories
            order by o.nameKey, o.id""")
    List<Organisation> findByKeyPrefix(@Param("key") String key, @Param("territories") Collection<Long> territories,
                                       Pageable pageable);

    @Query("""
            select o from Organisation o
            where o.nameKey like concat(:key, '%')
            order by o.nameKey, o.id""")
    List<Organisation> findByKeyPrefixAnywhere(@Param("key") String key, Pageable pageable);

    /** Candidates to merge with an organisation: the same name key anywhere, then the others of its territory. */
    @Query("""
            select o from Organisation o
            where o.id <> :id and (o.nameKey = :key or o.territoryId = :territory)
            order by case when o.nameKey = :key then 0 else 1 end, o.nameKey, o.id""")
    List<Organisation> mergeCandidates(@Param("id") long id, @Param("key") String key, @Param("territory") long territory,
                                       Pageable pageable);

    @Query("select o.kind, count(o) from Organisation o group by o.kind")
    List<Object[]> countByKind();

    @Query("select o.kind, count(o) from Organisation o where o.id in :ids group by o.kind")
    List<Object[]> countByKindAmong(@org.springframework.data.repository.query.Param("ids") java.util.Collection<Long> ids);
}
