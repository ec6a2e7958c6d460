package org.agora.processes;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.agora.accounts.AgoraUser;
import org.agora.shared.Clocks;
import org.springframework.context.ApplicationContext;

/** Lets other modules' tests make public processes with participation rules through the (module-internal) staff use cases. */
public final class ParticipationProcesses {

    private final ProcessManagement management;
    private final ProcessRules rules;
    private final AgoraUser staff;

    public ParticipationProcesses(ApplicationContext context, AgoraUser staff) {
        this.management = context.getBean(ProcessManagement.class);
        this.rules = context.getBean(ProcessRules.class);
        this.staff = staff;
    }

    /** A published process in its only phase (today ± a month), whose phase opens proposals and supports as asked. */
    public ProcessSettings published(String title, long territoryId, List<String> themes, Integer supportLimit,
                                     Integer supportThreshold, boolean proposalsOpen, boolean supportsOpen,
                                     Set<ProcessFeature> features) {
        LocalDate today = LocalDate.now(Clocks.PARIS);
        ProcessForm form = new ProcessForm(ProcessFixtures.unique(title), "", "Résumé de « " + title + " »", "",
                territoryId, "", false, features,
                List.of(new ProcessForm.PhaseRow("Contribuer", "", today.minusMonths(1).toString(),
                        today.plusMonths(1).toString(), proposalsOpen, supportsOpen)),
                String.join("\n", themes), supportLimit == null ? "" : supportLimit.toString(),
                supportThreshold == null ? "" : supportThreshold.toString());
        long id = management.create(staff, form, null);
        management.publish(id, staff);
        return rules.byId(new ProcessId(id)).orElseThrow();
    }

    /** Proposals, supports and comments on, both open now. */
    public ProcessSettings open(String title, long territoryId, List<String> themes, Integer supportLimit,
                                Integer supportThreshold) {
        return published(title, territoryId, themes, supportLimit, supportThreshold, true, true,
                Set.of(ProcessFeature.PROPOSALS, ProcessFeature.SUPPORTS, ProcessFeature.COMMENTS));
    }

    /** Changes the process's address (its slug) and nothing else. */
    public ProcessSettings moveTo(ProcessId id, String slug) {
        ProcessForm form = management.formOf(id.value(), staff);
        management.update(id.value(), staff, new ProcessForm(form.title(), slug, form.summary(), form.description(),
                form.territoryId(), form.imageAlt(), false, form.features(), form.phases(), form.themes(),
                form.supportLimit(), form.supportThreshold()), null);
        return reread(id);
    }

    public void close(ProcessId id) {
        management.close(id.value(), staff);
    }

    public ProcessSettings reread(ProcessId id) {
        return rules.byId(id).orElseThrow();
    }
}
