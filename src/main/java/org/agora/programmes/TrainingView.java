package org.agora.programmes;

import java.time.ZonedDateTime;
import java.util.List;

/** The training path as pages show it. */
final class TrainingView {

    private TrainingView() {
    }

    record Module(long id, String title, String description, int position, int durationMinutes) {
    }

    record Session(long id, Module module, ZonedDateTime startsAt, String place, boolean online, String trainer,
                   long present) {
    }

    /** A facilitator of the network with the centres they run, and (attendance page) whether they were present. */
    record Trainee(long accountId, String name, List<String> centres, Boolean present, List<Long> modulesCompleted) {

        public boolean completed(long moduleId) {
            return modulesCompleted.contains(moduleId);
        }
    }
}
