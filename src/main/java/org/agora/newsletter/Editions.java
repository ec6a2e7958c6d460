package org.agora.newsletter;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Editions extends JpaRepository<Edition, Long> {

    @Query("select e from Edition e order by e.createdAt desc, e.id desc")
    List<Edition> findNewestFirst();

    @EntityGraph(attributePaths = "blocks")
    @Query("select e from Edition e where e.status = org.agora.newsletter.Edition.Status.SENT order by e.sentAt desc, e.id desc")
    List<Edition> findSent();

    @Query("select e.id from Edition e where e.status = org.agora.newsletter.Edition.Status.SENDING order by e.sendStartedAt, e.id")
    List<Long> findSendingIds();

    @EntityGraph(attributePaths = "blocks")
    @Query("select e from Edition e where e.id = :id")
    Optional<Edition> findWithBlocks(@Param("id") long id);

    long countByStatus(Edition.Status status);
}
