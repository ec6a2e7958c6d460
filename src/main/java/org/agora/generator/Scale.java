package org.agora.generator;

import java.util.Locale;
import java.util.Optional;

/** How much to generate. {@code test} is for the generator's own test; {@code small} is about 1 % of {@code region}. */
enum Scale {
    TEST(200, 400, 2_000, 1_500, 4, 60),
    SMALL(300, 1_000, 5_000, 1_500, 5, 150),
    REGION(30_000, 100_000, 500_000, 150_000, 500, 15_000),
    GRAND_DEBAT(500_000, 2_000_000, 10_000_000, 3_000_000, 10_000, 300_000);

    final int participants;
    final int proposals;
    final long supports;
    final long comments;
    final int meetings;
    final int registrations;

    Scale(int participants, int proposals, long supports, long comments, int meetings, int registrations) {
        this.participants = participants;
        this.proposals = proposals;
        this.supports = supports;
        this.comments = comments;
        this.meetings = meetings;
        this.registrations = registrations;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Scale> parse(String value) {
        for (Scale scale : values()) {
            if (scale.label().equals(value)) {
                return Optional.of(scale);
            }
        }
        return Optional.empty();
    }

    static Optional<Scale> ofParticipants(long count) {
        for (Scale scale : values()) {
            if (scale.participants == count) {
                return Optional.of(scale);
            }
        }
        return Optional.empty();
    }
}
