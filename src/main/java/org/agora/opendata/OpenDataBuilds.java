package org.agora.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.agora.shared.OpenDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the open data files and says which build is served.
 *
 * <p>The files live in the configured directory ({@code agora.opendata.dir}), which every node of a cluster mounts
 * (shared storage); the database says which build is current. A build claims the one row of {@code opendata_lock}
 * with a conditional UPDATE, so a single node builds at a time; it writes into {@code <id>.part}, renames the folder
 * to {@code <id>} and only then marks the build DONE: until then, and forever if anything fails, the previous DONE
 * build stays the one served. The two newest DONE builds are kept (a download may still be reading the older one).
 */
@Component
class OpenDataBuilds {

    private static final Logger log = LoggerFactory.getLogger(OpenDataBuilds.class);

    enum Trigger { START, NIGHTLY, ON_DEMAND }

    enum Outcome { RUNNING, DONE, FAILED }

    record Build(long id, Instant startedAt, Instant finishedAt, Outcome outcome, Trigger trigger, String error) {
    }

    record DatasetFile(String dataset, OpenDataFormat format, long rows, long bytes, String sha256) {
    }

    private final JdbcClient jdbc;
    private final List<OpenDataset> datasets;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Path root;
    private final Duration lockTimeout;

    OpenDataBuilds(JdbcClient jdbc, List<OpenDataset> datasets, MessageSource messages, Clock clock,
                   PlatformTransactionManager transactions, @Value("${agora.opendata.dir}") Path root,
                   @Value("${agora.opendata.lock-timeout:PT6H}") Duration lockTimeout) {
        this.jdbc = jdbc;
        this.datasets = datasets.stream().sorted(Comparator.comparing(OpenDataset::name)).toList();
        this.messages = messages;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.root = root.toAbsolutePath();
        this.lockTimeout = lockTimeout;
    }

    /** Every dataset the modules publish, by name. */
    List<OpenDataset> datasets() {
        return datasets;
    }

    Optional<OpenDataset> dataset(String name) {
        return datasets.stream().filter(dataset -> dataset.name().equals(name)).findFirst();
    }

    /**
     * Every node runs this at night; the lock lets one build, and a node whose clock runs late finds a build started
     * within the hour and leaves it at that.
     */
    @Scheduled(cron = "${agora.opendata.cron:0 30 2 * * *}", zone = "Europe/Paris")
    void nightly() {
        try {
            Instant recent = clock.instant().minus(Duration.ofHours(1));
            boolean builtRecently = jdbc.sql("SELECT COUNT(*) FROM opendata_build WHERE started_at > :recent")
                    .param("recent", utc(recent)).query(Long.class).single() > 0;
            if (!builtRecently) {
                build(Trigger.NIGHTLY, null).ifPresent(build -> log.info("Open data nightly build {}: {}", build.id(), build.outcome()));
            }
        } catch (RuntimeException e) {
            log.warn("Open data nightly build failed: {}", e.toString());
        }
    }

    /** Builds every dataset now, in this thread; empty when another build holds the lock. */
    Optional<Build> build(Trigger trigger, Long requestedBy) {
        return build(trigger, requestedBy, datasets);
    }

    Optional<Build> build(Trigger trigger, Long requestedBy, List<OpenDataset> these) {
        return claim().map(holder -> {
            long id = begin(trigger, requestedBy, holder);
            run(id, holder, these);
            return find(id).orElseThrow();
        });
    }

    /** Starts a build in the background; empty when another build holds the lock. */
    Optional<Long> start(Trigger trigger, Long requestedBy) {
        return claim().map(holder -> {
            long id = begin(trigger, requestedBy, holder);
            Thread.ofVirtual().name("opendata-build-" + id).start(() -> run(id, holder, datasets));
            return id;
        });
    }

    private long begin(Trigger trigger, Long requestedBy, String holder) {
        try {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO opendata_build (started_at, outcome, trigger_kind, requested_by) "
                            + "VALUES (:now, 'RUNNING', :trigger, :by)")
                    .param("now", utc(clock.instant())).param("trigger", trigger.name()).param("by", requestedBy)
                    .update(keys, "id");
            return keys.getKeyAs(Number.class).longValue();
        } catch (RuntimeException e) {
            release(holder);
            throw e;
        }
    }

    private void run(long id, String holder, List<OpenDataset> these) {
        Path part = root.resolve(id + ".part");
        try {
            List<DatasetFile> files = new ArrayList<>();
            deleteTree(part);
            Files.createDirectories(part);
            for (OpenDataset dataset : these) {
                try {
                    Map<OpenDataFormat, OpenDataWriter.Written> written = OpenDataWriter.write(dataset, part, messages);
                    written.forEach((format, file) ->
                            files.add(new DatasetFile(dataset.name(), format, file.rows(), file.bytes(), file.sha256())));
                } catch (IOException | RuntimeException e) {
                    throw new BuildFailure(dataset.name() + ": " + e, e);
                }
            }
            Files.move(part, root.resolve(Long.toString(id)), StandardCopyOption.ATOMIC_MOVE);
            transaction.executeWithoutResult(status -> {
                for (DatasetFile file : files) {
                    jdbc.sql("INSERT INTO opendata_file (build_id, dataset, format, row_count, byte_count, sha256) "
                                    + "VALUES (:build, :dataset, :format, :rows, :bytes, :sha)")
                            .param("build", id).param("dataset", file.dataset()).param("format", file.format().code())
                            .param("rows", file.rows()).param("bytes", file.bytes()).param("sha", file.sha256()).update();
                }
                jdbc.sql("UPDATE opendata_build SET outcome = 'DONE', finished_at = :now WHERE id = :id")
                        .param("now", utc(clock.instant())).param("id", id).update();
            });
            log.info("Open data build {} done: {} dataset(s)", id, these.size());
            removeOldBuilds();
        } catch (IOException | RuntimeException e) {
            log.warn("Open data build {} failed, the previous files stay: {}", id, e.toString());
            try {
                deleteTree(part);
            } catch (IOException | RuntimeException cleanup) {
                log.warn("Could not remove {}: {}", part, cleanup.toString());
            }
            String error = e instanceof BuildFailure ? e.getMessage() : e.toString();
            jdbc.sql("UPDATE opendata_build SET outcome = 'FAILED', finished_at = :now, error = :error WHERE id = :id")
                    .param("now", utc(clock.instant())).param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                    .param("id", id).update();
        } finally {
            release(holder);
        }
    }

    /** The build the public page serves: the newest DONE one. */
    Optional<Build> current() {
        return jdbc.sql("SELECT * FROM opendata_build WHERE outcome = 'DONE' ORDER BY id DESC LIMIT 1")
                .query(OpenDataBuilds::build).optional();
    }

    Optional<Build> find(long id) {
        return jdbc.sql("SELECT * FROM opendata_build WHERE id = :id").param("id", id).query(OpenDataBuilds::build).optional();
    }

    /** The latest builds, newest first, for the staff page. */
    List<Build> recent(int limit) {
        return jdbc.sql("SELECT * FROM opendata_build ORDER BY id DESC LIMIT :limit").param("limit", limit)
                .query(OpenDataBuilds::build).list();
    }

    List<DatasetFile> files(long buildId) {
        return jdbc.sql("SELECT * FROM opendata_file WHERE build_id = :id ORDER BY dataset, format").param("id", buildId)
                .query((rs, row) -> new DatasetFile(rs.getString("dataset"), OpenDataFormat.ofCode(rs.getString("format")),
                        rs.getLong("row_count"), rs.getLong("byte_count"), rs.getString("sha256")))
                .list();
    }

    /** Where a file of a build lies in the shared directory. */
    Path path(long buildId, String dataset, OpenDataFormat format) {
        return root.resolve(Long.toString(buildId)).resolve(format.fileName(dataset));
    }

    private Optional<String> claim() {
        String holder = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int claimed = jdbc.sql("UPDATE opendata_lock SET holder = :holder, locked_until = :until WHERE id = 1 AND locked_until < :now")
                .param("holder", holder).param("until", utc(now.plus(lockTimeout))).param("now", utc(now)).update();
        return claimed == 1 ? Optional.of(holder) : Optional.empty();
    }

    private void release(String holder) {
        jdbc.sql("UPDATE opendata_lock SET holder = NULL, locked_until = :now WHERE id = 1 AND holder = :holder")
                .param("now", utc(clock.instant().minus(1, ChronoUnit.SECONDS))).param("holder", holder).update();
    }

    /** Keeps the two newest DONE builds' folders; removes older folders and leftovers of failed builds. */
    private void removeOldBuilds() {
        List<Long> done = jdbc.sql("SELECT id FROM opendata_build WHERE outcome = 'DONE' ORDER BY id DESC")
                .query(Long.class).list();
        if (done.size() < 2) {
            return;
        }
        Set<String> keep = new HashSet<>(List.of(Long.toString(done.get(0)), Long.toString(done.get(1))));
        long oldestKept = done.get(1);
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.toList()) {
                String name = folder.getFileName().toString();
                String number = name.endsWith(".part") ? name.substring(0, name.length() - 5) : name;
                if (!keep.contains(name) && number.matches("\\d+") && Long.parseLong(number) < oldestKept) {
                    deleteTree(folder);
                }
            }
        } catch (IOException e) {
            log.warn("Could not remove old open data builds: {}", e.toString());
        }
        jdbc.sql("DELETE FROM opendata_file WHERE build_id < :oldest").param("oldest", oldestKept).update();
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Build build(ResultSet rs, int row) throws SQLException {
        return new Build(rs.getLong("id"), instant(rs, "started_at"), instant(rs, "finished_at"),
                Outcome.valueOf(rs.getString("outcome")), Trigger.valueOf(rs.getString("trigger_kind")), rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static final class BuildFailure extends RuntimeException {
        BuildFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
