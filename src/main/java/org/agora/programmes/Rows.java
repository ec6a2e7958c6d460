package org.agora.programmes;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;

/** Conversions between SQL values and ours, and who counts as staff for the support programmes. */
final class Rows {

    private Rows() {
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Staff run the calls: they see every application, assign reviewers and decide. */
    static boolean isStaff(AgoraUser user) {
        return user != null && (user.isAdministrator() || user.holdsAnywhere(Role.STAFF));
    }

    static void requireStaff(AgoraUser user) {
        if (!isStaff(user)) {
            throw ProgrammeRefused.forbidden();
        }
    }

    static void requireSignedIn(AgoraUser user) {
        if (user == null) {
            throw ProgrammeRefused.forbidden();
        }
    }

    static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
