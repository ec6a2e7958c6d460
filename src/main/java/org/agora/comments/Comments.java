package org.agora.comments;

import java.util.Collection;
import java.util.List;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Comments extends ListCrudRepository<Comment, Long> {

    /** The comment, locked until the end of the transaction, so that parallel changes (a double click) queue up. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Comment c where c.id = :id")
    Optional<Comment> findForChange(long id);

    List<Comment> findByResourceTypeAndResourceIdOrderByPostedAtAscIdAsc(String resourceType, long resourceId);

    List<Comment> findByAuthorIdOrderByPostedAtAsc(long authorId);

    List<Comment> findByStatusOrderByIdAsc(Comment.Status status);

    /** Published comments per resource, in one grouped query; the caller keeps only the pairs it asked for. */
    @Query("""
            select c.resourceType, c.resourceId, count(c) from Comment c
            where c.status = org.agora.comments.Comment.Status.PUBLISHED
              and c.resourceType in :types and c.resourceId in :ids
            group by c.resourceType, c.resourceId""")
    List<Object[]> countPublished(Collection<String> types, Collection<Long> ids);
}
