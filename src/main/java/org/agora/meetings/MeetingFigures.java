package org.agora.meetings;

/**
 * Attendance of one meeting or of several added up: {@code registered} confirmed seats, {@code presentRegistered}
 * of them marked present, {@code walkIns} present without a seat. The rate is present among registered over
 * registered, null when nobody registered.
 */
public record MeetingFigures(int meetings, int registered, int presentRegistered, int walkIns) {

    public static final MeetingFigures NONE = new MeetingFigures(0, 0, 0, 0);

    public int presentTotal() {
        return presentRegistered + walkIns;
    }

    /** Attendance rate, from 0 to 1, or null when nobody registered. */
    public Double rate() {
        return registered == 0 ? null : (double) presentRegistered / registered;
    }

    /** The rate as a whole percentage, or null. */
    public Integer ratePercent() {
        Double rate = rate();
        return rate == null ? null : (int) Math.round(rate * 100);
    }

    public MeetingFigures plus(MeetingFigures other) {
        return new MeetingFigures(meetings + other.meetings, registered + other.registered,
                presentRegistered + other.presentRegistered, walkIns + other.walkIns);
    }
}
