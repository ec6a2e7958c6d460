package org.agora.meetings;

/**
 * Satisfaction of one meeting or several added up: {@code surveyed} people sent the survey, {@code answers} of them
 * answered, {@code verySatisfied} answered "tout à fait satisfait".
 */
public record MeetingSatisfaction(int surveyed, int answers, int verySatisfied) {

    /** Share of answers among the people surveyed, from 0 to 1, or null when nobody was surveyed. */
    public Double responseRate() {
        return surveyed == 0 ? null : (double) answers / surveyed;
    }

    /** Share of "tout à fait satisfait" among the answers, from 0 to 1, or null without answers. */
    public Double verySatisfiedShare() {
        return answers == 0 ? null : (double) verySatisfied / answers;
    }
}
