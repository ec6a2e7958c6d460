package org.agora.processes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.agora.accounts.AgoraUser;
import org.agora.shared.Clocks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers {@link ProcessRules} from the stored processes; drafts are invisible to other modules. */
@Service
@Transactional(readOnly = true)
class ProcessRulebook implements ProcessRules {

    private final Processes processes;
    private final ProcessPermissions permissions;
    private final Clock clock;

    ProcessRulebook(Processes processes, ProcessPermissions permissions, Clock clock) {
        this.processes = processes;
        this.permissions = permissions;
        this.clock = clock;
    }

    @Override
    public Optional<ProcessSettings> bySlug(String slug) {
        return processes.findBySlug(slug).filter(ParticipatoryProcess::isPublic).map(this::settings);
    }

    @Override
    public Optional<ProcessSettings> byId(ProcessId id) {
        return processes.findById(id.value()).filter(ParticipatoryProcess::isPublic).map(this::settings);
    }

    @Override
    public List<String> publicSlugsWith(ProcessFeature feature) {
        return processes.findByStatusInOrderByStartsOnDesc(List.of(ProcessStatus.PUBLISHED, ProcessStatus.CLOSED))
                .stream().filter(process -> process.features().contains(feature))
                .map(ParticipatoryProcess::slug).toList();
    }

    @Override
    public boolean managedBy(AgoraUser user, ProcessId id) {
        return processes.findById(id.value()).map(process -> permissions.canManage(user, process)).orElse(false);
    }

    private ProcessSettings settings(ParticipatoryProcess process) {
        LocalDate today = LocalDate.now(clock.withZone(Clocks.PARIS));
        return new ProcessSettings(process.processId(), process.slug(), process.title(), process.territoryId(),
                process.status() == ProcessStatus.CLOSED, process.features(), process.themes(),
                process.supportLimit(), process.supportThreshold(), process.proposalsOpen(today),
                process.supportsOpen(today));
    }
}
