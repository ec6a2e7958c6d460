package org.agora.accountability;

import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleScope;
import org.agora.processes.ProcessId;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Who does what in a process's evaluation: administrators (global, or of this process) manage destinations, templates
 * and settings, and validate and publish answers; staff of the process (or global staff) evaluate.
 */
@Component
class EvaluationRights {

    private final ProcessRules processes;

    EvaluationRights(ProcessRules processes) {
        this.processes = processes;
    }

    boolean administers(AgoraUser user, long processId) {
        return user != null && user.holds(Role.ADMINISTRATOR, RoleScope.process(processId));
    }

    boolean evaluates(AgoraUser user, long processId) {
        return administers(user, processId) || user != null && user.holds(Role.STAFF, RoleScope.process(processId));
    }

    /** The process (404 when unknown) once the person is checked as its administrator (403 otherwise). */
    ProcessSettings requireAdministrator(AgoraUser user, long processId) {
        ProcessSettings process = process(processId);
        if (!administers(user, processId)) {
            throw new AccessDeniedException("Not an administrator of process " + processId);
        }
        return process;
    }

    ProcessSettings requireEvaluator(AgoraUser user, long processId) {
        ProcessSettings process = process(processId);
        if (!evaluates(user, processId)) {
            throw new AccessDeniedException("Not an evaluator of process " + processId);
        }
        return process;
    }

    ProcessSettings process(long processId) {
        if (processId <= 0) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        return processes.byId(new ProcessId(processId)).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }
}
