package org.agora.generator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress bar: every few seconds one line per table being loaded (rows, rows per second, estimated time left),
 * and a summary line when a table is done. Kept as lines rather than redrawn in place, so that logs stay readable.
 */
final class Progress implements AutoCloseable {

    /** One table being loaded; {@link #add} is called by the loading thread, the others read. */
    static final class Task {
        final String name;
        final long expected;
        final AtomicLong rows = new AtomicLong();
        final long started = System.nanoTime();
        volatile long finished;

        Task(String name, long expected) {
            this.name = name;
            this.expected = expected;
        }

        void add(long count) {
            rows.addAndGet(count);
        }

        Duration took() {
            return Duration.ofNanos((finished == 0 ? System.nanoTime() : finished) - started);
        }
    }

    record Done(String name, long rows, Duration took) {
    }

    private final PrintStream out;
    private final List<Task> running = new CopyOnWriteArrayList<>();
    private final List<Done> done = new CopyOnWriteArrayList<>();
    private final Thread ticker;

    Progress(PrintStream out, Duration every) {
        this.out = out;
        this.ticker = Thread.ofPlatform().daemon().name("generator-progress").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(every);
                    running.forEach(task -> out.println(line(task)));
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
    }

    Task start(String name, long expected) {
        Task task = new Task(name, expected);
        running.add(task);
        return task;
    }

    void finish(Task task) {
        task.finished = System.nanoTime();
        running.remove(task);
        done.add(new Done(task.name, task.rows.get(), task.took()));
        out.println(String.format(Locale.ROOT, "  %-22s done: %,d rows in %s (%,.0f rows/s)", task.name, task.rows.get(),
                format(task.took()), rate(task.rows.get(), task.took())));
    }

    List<Done> done() {
        return List.copyOf(done);
    }

    static String line(Task task) {
        long rows = task.rows.get();
        Duration took = task.took();
        double rate = rate(rows, took);
        int percent = task.expected <= 0 ? 0 : (int) Math.min(100, rows * 100 / task.expected);
        String bar = "#".repeat(percent / 5) + ".".repeat(20 - percent / 5);
        String eta = rate <= 0 || rows >= task.expected ? "-" : format(Duration.ofSeconds((long) ((task.expected - rows) / rate)));
        return String.format(Locale.ROOT, "  %-22s [%s] %3d%% %,d/%,d rows  %,.0f rows/s  ETA %s", task.name, bar, percent,
                rows, task.expected, rate, eta);
    }

    static double rate(long rows, Duration took) {
        double seconds = took.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 60 ? "%dm%02ds".formatted(seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        ticker.interrupt();
    }
}
