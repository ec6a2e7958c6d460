package org.agora.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface Notices extends JpaRepository<Notice, Long> {

    @Query("select n from Notice n where n.recipientId = :recipient order by n.createdAt desc, n.id desc")
    Page<Notice> findByRecipient(@Param("recipient") long recipient, Pageable pageable);

    @Query("select n from Notice n where n.recipientId = :recipient order by n.createdAt desc, n.id desc")
    List<Notice> findAllByRecipient(@Param("recipient") long recipient);

    @Query("select n from Notice n where n.id = :id and n.recipientId = :recipient")
    Optional<Notice> findOwn(@Param("id") long id, @Param("recipient") long recipient);

    long countByRecipientIdAndReadAtIsNull(long recipientId);

    @Transactional
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notice n set n.readAt = :now where n.recipientId = :recipient and n.readAt is null")
    int readAll(@Param("recipient") long recipient, @Param("now") Instant now);

    /** People with notices created since {@code since} that no mail carried yet. */
    @Query("select distinct n.recipientId from Notice n where n.mailedAt is null and n.createdAt > :since")
    List<Long> findRecipientsWithUnmailedSince(@Param("since") Instant since);

    @Query("""
            select n.id from Notice n where n.recipientId = :recipient and n.mailedAt is null and n.createdAt > :since
            order by n.createdAt, n.id""")
    List<Long> findUnmailedSince(@Param("recipient") long recipient, @Param("since") Instant since);

    /**
     * Claims one notice for a mail: 1 when this transaction got it, 0 when it was already mailed. On PostgreSQL a
     * concurrent claimer waits for the first one's row lock, then sees mailed_at set and updates nothing.
     */
    @Transactional
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notice n set n.mailedAt = :now where n.id = :id and n.mailedAt is null")
    int claimForMail(@Param("id") long id, @Param("now") Instant now);

    @Transactional
    @Modifying
    @Query("delete from Notice n where n.recipientId = :recipient")
    int deleteByRecipient(@Param("recipient") long recipient);
}
