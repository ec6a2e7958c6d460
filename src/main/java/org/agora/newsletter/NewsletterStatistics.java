package org.agora.newsletter;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts from the subscription log and the editions; no personal data leaves this class. */
@Service
class NewsletterStatistics implements NewsletterFigures {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;
    private final Editions editions;
    private final Subscribers subscribers;
    private final Clock clock;

    NewsletterStatistics(JdbcClient jdbc, Editions editions, Subscribers subscribers, Clock clock) {
        this.jdbc = jdbc;
        this.editions = editions;
        this.subscribers = subscribers;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public long editionsSent() {
        return editions.countByStatus(Edition.Status.SENT);
    }

    @Override
    @Transactional(readOnly = true)
    public long confirmedSubscribers() {
        return subscribers.countByStatus(Subscriber.Status.CONFIRMED);
    }

    @Override
    @Transactional(readOnly = true)
    public long unsubscriptions() {
        return jdbc.sql("select count(*) from newsletter_subscription_change where kind = 'UNSUBSCRIBED'")
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    long pendingSubscribers() {
        return subscribers.countByStatus(Subscriber.Status.PENDING);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Month> months() {
        Map<YearMonth, long[]> counts = new TreeMap<>();
        jdbc.sql("select kind, occurred_at from newsletter_subscription_change").query((row, n) -> {
            YearMonth month = YearMonth.from(row.getTimestamp(2).toInstant().atZone(PARIS));
            long[] pair = counts.computeIfAbsent(month, key -> new long[2]);
            pair[row.getString(1).equals("CONFIRMED") ? 0 : 1]++;
            return null;
        }).list();
        List<Month> months = new ArrayList<>();
        if (counts.isEmpty()) {
            return months;
        }
        YearMonth last = YearMonth.from(clock.instant().atZone(PARIS));
        long total = 0;
        for (YearMonth month = counts.keySet().iterator().next(); !month.isAfter(last); month = month.plusMonths(1)) {
            long[] pair = counts.getOrDefault(month, new long[2]);
            total += pair[0] - pair[1];
            months.add(new Month(month, pair[0], pair[1], total));
        }
        return months;
    }
}
