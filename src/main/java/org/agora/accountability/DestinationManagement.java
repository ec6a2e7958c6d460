package org.agora.accountability;

import java.util.ArrayList;
import java.util.List;

import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessFeature;
import org.agora.processes.ProcessPublished;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The destinations of each process: the default five, then what its administrators make of them. */
@Service
@Transactional
class DestinationManagement {

    /** The default set (Centre-Val de Loire): label, English label, description, icon, kind, reason required. */
    static final List<DestinationForm.Checked> DEFAULTS = List.of(
            new DestinationForm.Checked("Charte et cadre éthique", "Charter and ethical framework",
                    "La proposition nourrit la charte et le cadre éthique de la démarche.", DestinationIcon.SCROLL,
                    DestinationKind.CHARTER, false),
            new DestinationForm.Checked("Mesure immédiate", "Immediate measure",
                    "La proposition devient une mesure mise en œuvre sans attendre.", DestinationIcon.BOLT,
                    DestinationKind.IMMEDIATE_MEASURE, false),
            new DestinationForm.Checked("Chantier", "Work programme",
                    "La proposition nourrit un des chantiers de la stratégie.", DestinationIcon.GEAR,
                    DestinationKind.WORK_PROGRAMME, false),
            new DestinationForm.Checked("Autre échelon", "Other level of government",
                    "La proposition relève d'un autre échelon (commune, département, État, Europe) : elle lui est transmise.",
                    DestinationIcon.ARROW, DestinationKind.OTHER_LEVEL, false),
            new DestinationForm.Checked("Non retenue", "Not retained",
                    "La proposition n'est pas retenue ; la raison en est donnée.", DestinationIcon.CROSS,
                    DestinationKind.NOT_RETAINED, true));

    private final Destinations destinations;
    private final EvaluationRights rights;
    private final JdbcTemplate jdbc;
    private final ProcessRules processes;

    DestinationManagement(Destinations destinations, EvaluationRights rights, JdbcTemplate jdbc, ProcessRules processes) {
        this.processes = processes;
        this.destinations = destinations;
        this.rights = rights;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ProcessPublished event) {
        ensureDefaults(event.process().value());
    }

    /** Processes that existed before accountability get the default set at startup. */
    @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void existingProcesses() {
        processes.publicSlugsWith(ProcessFeature.PROPOSALS).forEach(slug ->
                processes.bySlug(slug).ifPresent(process -> ensureDefaults(process.id().value())));
    }

    /** Gives the process the default set if it has no destination yet. */
    void ensureDefaults(long processId) {
        if (destinations.existsByProcessId(processId)) {
            return;
        }
        for (int index = 0; index < DEFAULTS.size(); index++) {
            destinations.save(new Destination(processId, index + 1, DEFAULTS.get(index)));
        }
    }

    List<Destination> of(long processId) {
        ensureDefaults(processId);
        return destinations.findByProcessIdOrderByPosition(processId);
    }

    Destination add(AgoraUser user, long processId, DestinationForm form) {
        rights.requireAdministrator(user, processId);
        List<Destination> current = of(processId);
        int last = current.isEmpty() ? 0 : current.getLast().getPosition();
        return destinations.saveAndFlush(new Destination(processId, last + 1, form.check()));
    }

    void edit(AgoraUser user, long processId, long destinationId, DestinationForm form) {
        rights.requireAdministrator(user, processId);
        find(processId, destinationId).change(form.check());
        destinations.flush();
    }

    /** Swaps the destination with its neighbour above (up) or below. */
    void move(AgoraUser user, long processId, long destinationId, boolean up) {
        rights.requireAdministrator(user, processId);
        List<Destination> ordered = new ArrayList<>(of(processId));
        Destination moved = find(processId, destinationId);
        int index = ordered.indexOf(moved);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= ordered.size()) {
            return;
        }
        java.util.Collections.swap(ordered, index, other);
        for (int position = 0; position < ordered.size(); position++) {
            ordered.get(position).moveTo(position + 1);
        }
    }

    /** Deletes an unused destination; false when an evaluation uses it (nothing is deleted then). */
    boolean delete(AgoraUser user, long processId, long destinationId) {
        rights.requireAdministrator(user, processId);
        Destination destination = find(processId, destinationId);
        if (inUse(destinationId)) {
            return false;
        }
        destinations.delete(destination);
        return true;
    }

    boolean inUse(long destinationId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evaluation WHERE destination_id = ?", Long.class, destinationId) > 0;
    }

    Destination find(long processId, long destinationId) {
        return destinations.findById(destinationId).filter(found -> found.getProcessId() == processId)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    ProcessSettings requireAdministrator(AgoraUser user, long processId) {
        return rights.requireAdministrator(user, processId);
    }
}
