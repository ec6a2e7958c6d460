package org.agora.processes;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.agora.accounts.AgoraUser;

/** Processes made through the staff use cases, with unique titles so that test classes sharing a database do not collide. */
class ProcessFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ProcessManagement management;
    private final Processes processes;
    private final AgoraUser staff;

    ProcessFixtures(ProcessManagement management, Processes processes, AgoraUser staff) {
        this.management = management;
        this.processes = processes;
        this.staff = staff;
    }

    static String unique(String title) {
        return title + " " + SEQUENCE.incrementAndGet();
    }

    ParticipatoryProcess draft(String title, long territoryId, LocalDate starts, LocalDate ends) {
        ProcessForm form = new ProcessForm(title, "", "Résumé de « " + title + " »",
                "## Pourquoi ?\n\nParce que.\n\n- un\n- deux", territoryId, "", false, Set.of(ProcessFeature.PROPOSALS),
                List.of(new ProcessForm.PhaseRow("Contribuer", "", starts.toString(), ends.toString())));
        long id = management.create(staff, form, null);
        return processes.findById(id).orElseThrow();
    }

    ParticipatoryProcess published(String title, long territoryId, LocalDate starts, LocalDate ends) {
        ParticipatoryProcess process = draft(title, territoryId, starts, ends);
        management.publish(process.id(), staff);
        return processes.findById(process.id()).orElseThrow();
    }

    ParticipatoryProcess closed(String title, long territoryId, LocalDate starts, LocalDate ends) {
        ParticipatoryProcess process = published(title, territoryId, starts, ends);
        management.close(process.id(), staff);
        return processes.findById(process.id()).orElseThrow();
    }
}
