package org.agora.newsletter;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Subscribers extends JpaRepository<Subscriber, Long> {

    Optional<Subscriber> findByEmail(String email);

    Optional<Subscriber> findByToken(String token);

    @Query("select s from Subscriber s where s.status = org.agora.newsletter.Subscriber.Status.CONFIRMED order by s.id")
    List<Subscriber> findConfirmed();

    long countByStatus(Subscriber.Status status);
}
