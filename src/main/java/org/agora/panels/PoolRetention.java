package org.agora.panels;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the personal data of a pool once its panel has ended and the retention has passed, keeping the pseudonyms,
 * the selection results and the published files. Each pool is claimed by setting pool_deleted_at: idempotent, and
 * safe with several nodes (a second run finds nothing left to clear).
 */
@Component
class PoolRetention {

    private final Panels panels;
    private final Volunteers volunteers;
    private final Clock clock;

    PoolRetention(Panels panels, Volunteers volunteers, Clock clock) {
        this.panels = panels;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${agora.panels.retention-delay:PT1H}", initialDelayString = "${agora.panels.retention-initial-delay:PT5M}")
    void scheduled() {
        deleteDue(clock.instant());
    }

    /** Returns how many volunteers' data this run deleted. */
    @Transactional
    int deleteDue(Instant now) {
        int deleted = 0;
        for (Panel panel : panels.endedWithPool()) {
            if (!now.isBefore(panel.poolDeletionDue())) {
                deleted += volunteers.deletePersonalData(panel.id(), now);
                panels.poolDeleted(panel.id(), now);
            }
        }
        return deleted;
    }
}
