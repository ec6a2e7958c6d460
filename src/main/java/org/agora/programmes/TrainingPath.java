package org.agora.programmes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.shared.Clocks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The facilitators' training path: modules in order, sessions, attendance of the facilitators of the network's
 * centres, and per facilitator the modules completed (present at one session of the module at least). Staff only.
 */
@Service
class TrainingPath {

    private final TrainingModules modules;
    private final TrainingSessions sessions;
    private final CyberCentres centres;
    private final AccountManagement accounts;
    private final JdbcTemplate jdbc;

    TrainingPath(TrainingModules modules, TrainingSessions sessions, CyberCentres centres, AccountManagement accounts,
                 JdbcTemplate jdbc) {
        this.modules = modules;
        this.sessions = sessions;
        this.centres = centres;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<TrainingView.Module> modules() {
        return modules.findAllByOrderByPositionAscIdAsc().stream().map(TrainingModule::view).toList();
    }

    @Transactional
    Map<String, String> addModule(AgoraUser actor, String title, String description, String position, String duration) {
        CyberCentreNetwork.requireStaff(actor);
        Map<String, String> problems = new LinkedHashMap<>();
        if (CentreForm.strip(title).isEmpty() || CentreForm.strip(title).length() > 200) {
            problems.put("title", "programmes.training.error.title");
        }
        if (CentreForm.strip(description).length() > 2000) {
            problems.put("description", "programmes.training.error.description");
        }
        Integer order = CentreReportForm.count(position, 999);
        if (order == null) {
            problems.put("position", "programmes.training.error.position");
        }
        Integer minutes = CentreReportForm.count(duration, 24 * 60 * 5);
        if (minutes == null || minutes == 0) {
            problems.put("duration", "programmes.training.error.duration");
        }
        if (problems.isEmpty()) {
            modules.saveAndFlush(new TrainingModule(CentreForm.strip(title), CentreForm.strip(description), order, minutes));
        }
        return problems;
    }

    @Transactional(readOnly = true)
    List<TrainingView.Session> sessions() {
        Map<Long, TrainingView.Module> byId = modules().stream()
                .collect(Collectors.toMap(TrainingView.Module::id, module -> module));
        Map<Long, Long> present = new HashMap<>();
        jdbc.query("SELECT session_id, COUNT(*) FROM training_attendance WHERE present GROUP BY session_id",
                row -> {
                    present.put(row.getLong(1), row.getLong(2));
                });
        return sessions.findAllByOrderByStartsAtDesc().stream().map(session -> view(session, byId, present)).toList();
    }

    @Transactional(readOnly = true)
    TrainingView.Session session(long id) {
        return sessions().stream().filter(session -> session.id() == id).findFirst()
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private static TrainingView.Session view(TrainingSession session, Map<Long, TrainingView.Module> modules,
                                             Map<Long, Long> present) {
        return new TrainingView.Session(session.id(), modules.get(session.moduleId()),
                session.startsAt().atZone(Clocks.PARIS), session.place(), session.online(), session.trainer(),
                present.getOrDefault(session.id(), 0L));
    }

    /** A session of a module at a local date-time (Europe/Paris, "2026-03-12T14:00"), in a place or online. */
    @Transactional
    Map<String, String> addSession(AgoraUser actor, String moduleId, String startsAt, String place, boolean online,
                                   String trainer) {
        CyberCentreNetwork.requireStaff(actor);
        Map<String, String> problems = new LinkedHashMap<>();
        Long module = null;
        try {
            module = Long.valueOf(CentreForm.strip(moduleId));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (module == null || !modules.existsById(module)) {
            problems.put("moduleId", "programmes.training.error.module");
        }
        Instant start = null;
        try {
            LocalDateTime local = LocalDateTime.parse(CentreForm.strip(startsAt));
            if (local.getYear() < CyberCentreNetwork.FIRST_YEAR || local.getYear() > 2100) {
                problems.put("startsAt", "programmes.training.error.startsAt");
            } else {
                start = local.atZone(Clocks.PARIS).toInstant();
            }
        } catch (DateTimeParseException e) {
            problems.put("startsAt", "programmes.training.error.startsAt");
        }
        if (!online && CentreForm.strip(place).isEmpty() || CentreForm.strip(place).length() > 200) {
            problems.put("place", "programmes.training.error.place");
        }
        if (CentreForm.strip(trainer).isEmpty() || CentreForm.strip(trainer).length() > 120) {
            problems.put("trainer", "programmes.training.error.trainer");
        }
        if (problems.isEmpty()) {
            sessions.saveAndFlush(new TrainingSession(module, start, CentreForm.strip(place), online,
                    CentreForm.strip(trainer)));
        }
        return problems;
    }

    /** Everyone who runs a centre of the network, with the session's attendance when {@code sessionId} is given. */
    @Transactional(readOnly = true)
    List<TrainingView.Trainee> trainees(Long sessionId) {
        Map<Long, List<String>> centresOf = new TreeMap<>();
        centres.findAllByOrderByName().stream().filter(CyberCentre::active).forEach(centre -> centre.facilitators()
                .forEach(account -> centresOf.computeIfAbsent(account, key -> new ArrayList<>()).add(centre.name())));
        Map<Long, Boolean> present = new HashMap<>();
        if (sessionId != null) {
            jdbc.query("SELECT account_id, present FROM training_attendance WHERE session_id = ?",
                    row -> {
                        present.put(row.getLong(1), row.getBoolean(2));
                    }, sessionId);
        }
        Map<Long, List<Long>> completed = completed();
        Map<AccountId, Optional<String>> names = centresOf.isEmpty() ? Map.of()
                : accounts.pseudonyms(centresOf.keySet().stream().map(AccountId::new).toList());
        return centresOf.entrySet().stream().map(entry -> new TrainingView.Trainee(entry.getKey(),
                        names.getOrDefault(new AccountId(entry.getKey()), Optional.empty()).orElse("—"), entry.getValue(),
                        present.get(entry.getKey()), completed.getOrDefault(entry.getKey(), List.of())))
                .sorted(Comparator.comparing(TrainingView.Trainee::name)).toList();
    }

    /** The modules each account completed. */
    private Map<Long, List<Long>> completed() {
        Map<Long, List<Long>> completed = new HashMap<>();
        jdbc.query("""
                SELECT DISTINCT a.account_id, s.module_id FROM training_attendance a
                JOIN training_session s ON s.id = a.session_id WHERE a.present""",
                row -> {
                    completed.computeIfAbsent(row.getLong(1), key -> new ArrayList<>()).add(row.getLong(2));
                });
        return completed;
    }

    @Transactional(readOnly = true)
    List<Long> completedBy(long accountId) {
        return completed().getOrDefault(accountId, List.of());
    }

    /**
     * Records who was present and who was absent at a session; only the network's facilitators count, anyone else in
     * the form is ignored. Saving again replaces what was recorded.
     */
    @Transactional
    void recordAttendance(AgoraUser actor, long sessionId, Set<Long> presentIds, Set<Long> absentIds) {
        CyberCentreNetwork.requireStaff(actor);
        if (!sessions.existsById(sessionId)) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        Set<Long> network = trainees(null).stream().map(TrainingView.Trainee::accountId).collect(Collectors.toSet());
        for (long account : network) {
            Boolean present = presentIds.contains(account) ? Boolean.TRUE : absentIds.contains(account) ? Boolean.FALSE : null;
            if (present == null) {
                continue;
            }
            int updated = jdbc.update("UPDATE training_attendance SET present = ? WHERE session_id = ? AND account_id = ?",
                    present, sessionId, account);
            if (updated == 0) {
                jdbc.update("""
                        INSERT INTO training_attendance (session_id, account_id, present) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""", sessionId, account, present);
            }
        }
    }
}
