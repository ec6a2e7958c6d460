package org.agora.moderation;

import org.agora.processes.ProcessId;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.springframework.stereotype.Component;

/** Process titles for moderation's pages; a process no longer public shows as its number. */
@Component
class ProcessNames {

    private final ProcessRules processes;

    ProcessNames(ProcessRules processes) {
        this.processes = processes;
    }

    String title(Long processId) {
        return processId == null ? null
                : processes.byId(new ProcessId(processId)).map(ProcessSettings::title).orElse("#" + processId);
    }
}
