package org.agora.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows written to one PostgreSQL {@code COPY … FROM STDIN} in its text format: fields separated by tabs, {@code \N}
 * for null, backslash escapes. Timestamps are written in UTC.
 */
final class CopyRows implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 18;

    private final OutputStream out;
    private final Progress.Task task;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean first = true;
    private long pending;

    private CopyRows(OutputStream out, Progress.Task task) {
        this.out = out;
        this.task = task;
    }

    static CopyRows open(Connection connection, String table, String columns, Progress.Task task) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        return new CopyRows(new PGCopyOutputStream(pg, "COPY " + table + " (" + columns + ") FROM STDIN", 1 << 20), task);
    }

    CopyRows add(long value) {
        separator();
        buffer.append(value);
        return this;
    }

    CopyRows add(boolean value) {
        separator();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    CopyRows nul() {
        separator();
        buffer.append("\\N");
        return this;
    }

    CopyRows add(String value) {
        separator();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    /** An instant given as seconds since the epoch, written as a UTC timestamp. */
    CopyRows time(long epochSecond) {
        separator();
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        buffer.append(t.getYear()).append('-');
        two(t.getMonthValue()).append('-');
        two(t.getDayOfMonth()).append(' ');
        two(t.getHour()).append(':');
        two(t.getMinute()).append(':');
        two(t.getSecond()).append("+00");
        return this;
    }

    CopyRows date(LocalDate date) {
        separator();
        buffer.append(date);
        return this;
    }

    void end() {
        buffer.append('\n');
        first = true;
        pending++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private StringBuilder two(int value) {
        if (value < 10) {
            buffer.append('0');
        }
        return buffer.append(value);
    }

    private void separator() {
        if (!first) {
            buffer.append('\t');
        }
        first = false;
    }

    private void flush() {
        try {
            out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.setLength(0);
        task.add(pending);
        pending = 0;
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
