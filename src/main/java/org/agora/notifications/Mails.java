package org.agora.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface Mails extends JpaRepository<Mail, Long> {

    /** Mails whose turn has come, plus those claimed by a node that did not finish within its lease (it crashed). */
    @Query("""
            select m.id from Mail m
            where (m.status = :pending and m.nextAttemptAt <= :now) or (m.status = :sending and m.claimedUntil < :now)
            order by m.nextAttemptAt, m.id""")
    List<Long> findDueIds(@Param("pending") Mail.Status pending, @Param("sending") Mail.Status sending,
                          @Param("now") Instant now, Limit limit);

    default List<Long> findDueIds(Instant now, int limit) {
        return findDueIds(Mail.Status.PENDING, Mail.Status.SENDING, now, Limit.of(limit));
    }

    /**
     * Claims one due mail for this node until {@code until}: 1 when this node got it, 0 when another node was faster
     * or it is no longer due. On PostgreSQL a concurrent claimer of the same row waits for the first one's row lock,
     * then re-evaluates the WHERE clause on the committed row (READ COMMITTED) and updates nothing. Several nodes only
     * exist with PostgreSQL: the embedded H2 file database is opened by a single JVM.
     */
    @Transactional
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Mail m set m.status = :sending, m.claimedUntil = :until
            where m.id = :id
              and ((m.status = :pending and m.nextAttemptAt <= :now) or (m.status = :sending and m.claimedUntil < :now))""")
    int claim(@Param("id") long id, @Param("now") Instant now, @Param("until") Instant until,
              @Param("pending") Mail.Status pending, @Param("sending") Mail.Status sending);

    default boolean claim(long id, Instant now, Instant until) {
        return claim(id, now, until, Mail.Status.PENDING, Mail.Status.SENDING) == 1;
    }

    /** A mail with its files loaded, to be used once the transaction is over (delivery, download). */
    @EntityGraph(attributePaths = "attachments")
    @Query("select m from Mail m where m.id = :id")
    Optional<Mail> findWithAttachments(@Param("id") long id);

    @EntityGraph(attributePaths = "attachments")
    @Query("select m from Mail m where lower(m.recipient) = lower(:recipient) order by m.createdAt desc, m.id desc")
    List<Mail> findByRecipient(@Param("recipient") String recipient);

    @Query("select m from Mail m order by m.createdAt desc, m.id desc")
    Page<Mail> findNewestFirst(Pageable pageable);

    @Query("""
            select m from Mail m where lower(m.recipient) like concat('%', lower(:recipient), '%') escape '\\'
            order by m.createdAt desc, m.id desc""")
    Page<Mail> findByRecipientContaining(@Param("recipient") String recipient, Pageable pageable);

    @Transactional
    @Modifying
    @Query("delete from Mail m where m.accountId = :accountId")
    int deleteByAccount(@Param("accountId") long accountId);
}
