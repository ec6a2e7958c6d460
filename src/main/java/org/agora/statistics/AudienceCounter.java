package org.agora.statistics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts page views and distinct visitors in memory and writes the counters to the database every minute and on
 * shutdown, so that counting costs a page nothing but a map update (docs/decisions/0023).
 *
 * <p>A visitor is SHA-256(today's salt + address + user agent). The salt is random, drawn when the day starts and
 * never written anywhere; the set of today's hashes lives in memory only and is dropped, with the salt, when the day
 * changes. What is stored is the number of distinct hashes per day. The database gets deltas (counters added, not
 * set), so several nodes and restarts add up: a visitor seen by two nodes, or before and after a restart, counts twice.
 */
@Component
class AudienceCounter {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final Logger log = LoggerFactory.getLogger(AudienceCounter.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Key(LocalDate day, String path) {
    }

    /** One day's salt and the hashes seen that day; replaced as a whole at day change. */
    private static final class Day {
        final LocalDate date;
        final byte[] salt = new byte[32];
        final Set<String> hashes = ConcurrentHashMap.newKeySet();
        /** How many of {@link #hashes} were already added to the database. */
        final AtomicLong flushed = new AtomicLong();

        Day(LocalDate date) {
            this.date = date;
            RANDOM.nextBytes(salt);
        }
    }

    private final Map<Key, AtomicLong> views = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile Day today;
    /** The day that just ended, kept until its last distinct visitors are written. */
    private volatile Day ended;

    AudienceCounter(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.today = new Day(LocalDate.now(clock.withZone(PARIS)));
    }

    /** Counts one view of {@code path} by the visitor at {@code address} with {@code userAgent}; nothing is kept of them. */
    void record(String path, String address, String userAgent) {
        Day day = currentDay();
        views.computeIfAbsent(new Key(day.date, path), key -> new AtomicLong()).incrementAndGet();
        day.hashes.add(hash(day.salt, address, userAgent));
    }

    private Day currentDay() {
        LocalDate date = LocalDate.now(clock.withZone(PARIS));
        Day day = today;
        if (!day.date.equals(date)) {
            synchronized (this) {
                if (!today.date.equals(date)) {
                    ended = today;
                    today = new Day(date);
                }
                day = today;
            }
        }
        return day;
    }

    /** How many distinct visitors today so far, in this node's memory (for tests and the admin page). */
    long visitorsToday() {
        return currentDay().hashes.size();
    }

    /** True when {@code hash} is among today's; tests use it to check that the salt rotates. */
    boolean seenToday(String address, String userAgent) {
        Day day = currentDay();
        return day.hashes.contains(hash(day.salt, address, userAgent));
    }

    private static String hash(byte[] salt, String address, String userAgent) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update((address == null ? "" : address).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update((userAgent == null ? "" : userAgent).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(fixedDelayString = "${agora.audience.flush-interval:PT1M}", initialDelayString = "${agora.audience.flush-interval:PT1M}")
    void scheduledFlush() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Audience counters not written, kept for the next run: {}", e.toString());
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Audience counters lost at shutdown: {}", e.toString());
        }
    }

    /** Writes what was counted since the last flush; a counter that fails to be written is kept for the next one. */
    synchronized void flush() {
        currentDay();
        for (Key key : views.keySet()) {
            AtomicLong counter = views.remove(key);
            long count = counter == null ? 0 : counter.getAndSet(0);
            if (count == 0) {
                continue;
            }
            try {
                transaction.executeWithoutResult(status -> addViews(key, count));
            } catch (RuntimeException e) {
                views.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(count);
                throw e;
            }
        }
        Day previous = ended;
        if (previous != null) {
            flushVisitors(previous);
            ended = null;
        }
        flushVisitors(today);
    }

    private void flushVisitors(Day day) {
        long seen = day.hashes.size();
        long delta = seen - day.flushed.get();
        if (delta <= 0) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            Date date = Date.valueOf(day.date);
            if (jdbc.sql("update audience_daily set visitors = visitors + ? where visit_day = ?").params(delta, date).update() == 0) {
                jdbc.sql("insert into audience_daily (visit_day, visitors) values (?, ?)").params(date, delta).update();
            }
        });
        day.flushed.addAndGet(delta);
    }

    private void addViews(Key key, long count) {
        Date date = Date.valueOf(key.day());
        if (jdbc.sql("update page_view_daily set views = views + ? where view_day = ? and path = ?")
                .params(count, date, key.path()).update() == 0) {
            jdbc.sql("insert into page_view_daily (view_day, path, views) values (?, ?, ?)")
                    .params(date, key.path(), count).update();
        }
    }
}
