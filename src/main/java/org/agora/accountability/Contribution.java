package org.agora.accountability;

import java.time.LocalDate;

/**
 * Something a proposal fed, as the public sees it: its kind, title and public page; {@code status} is the name of the
 * target's status when it has one (a work programme's, an immediate measure's, "REPLIED"/"SENT" for a transmission,
 * "OPINION"/"PENDING" for a referral), {@code progress} a work programme's progress in percent, else null; for a
 * transmission, {@code level} is the recipient's level, {@code sentOn} and {@code repliedOn} its dates (else null).
 */
public record Contribution(ContributionKind kind, String title, String path, String status, Integer progress,
                           String recipient, String level, LocalDate sentOn, LocalDate repliedOn) {
}
