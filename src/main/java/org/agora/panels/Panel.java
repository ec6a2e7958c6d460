package org.agora.panels;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One panel as stored (without its published file, read apart: see {@link Panels#lotteryFile}). */
record Panel(long id, String slug, String name, String purpose, long territoryId, int size, String householdColumns,
             Long processId, String meetingIds, Instant opensAt, Instant closesAt, int retentionDays,
             PanelStatus status, Integer lotterySize, String lotterySha256, Double lotteryBound,
             Double lotteryDeviation, Instant lotteryPublishedAt, String drawSeed, Integer drawIndex, Instant drawnAt,
             String drawnMembers, String members, Instant endedAt, Instant poolDeletedAt) {

    /** The pool columns that make a household's address (an empty list: no household rule). */
    public List<String> householdColumnList() {
        return split(householdColumns);
    }

    public boolean householdRule() {
        return !householdColumnList().isEmpty();
    }

    public List<Long> meetingIdList() {
        return split(meetingIds).stream().map(Long::valueOf).toList();
    }

    /** The current panelists' pseudonyms (the drawn panel with its replacements), sorted. */
    public List<String> memberList() {
        return split(members);
    }

    public List<String> drawnMemberList() {
        return split(drawnMembers);
    }

    /** The volunteer form takes answers: recruiting, and now within the recruitment period. */
    public boolean recruitingAt(Instant now) {
        return status == PanelStatus.RECRUITING && (opensAt == null || !now.isBefore(opensAt))
                && (closesAt == null || now.isBefore(closesAt));
    }

    /** When the pool's personal data goes: the panel's end plus the retention. */
    public Instant poolDeletionDue() {
        return endedAt == null ? null : endedAt.plus(java.time.Duration.ofDays(retentionDays));
    }

    static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of()
                : Arrays.stream(joined.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }
}
