package org.agora.moderation;

import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleScope;
import org.agora.processes.ProcessId;
import org.agora.processes.ProcessRules;
import org.agora.territories.TerritoryDirectory;
import org.springframework.stereotype.Component;

/**
 * Who moderates what: administrators and global moderators everything; a moderator scoped to a process that
 * process's content; a moderator scoped to a territory the content of the processes whose scope lies within it.
 * Blocking a participant stops them everywhere, so it takes a global right; the log is for administrators.
 */
@Component
class Moderators {

    private final ProcessRules processes;
    private final TerritoryDirectory territories;

    Moderators(ProcessRules processes, TerritoryDirectory territories) {
        this.processes = processes;
        this.territories = territories;
    }

    boolean moderatesAnything(AgoraUser user) {
        return user != null && (user.isAdministrator() || user.holdsAnywhere(Role.MODERATOR));
    }

    boolean moderatesEverything(AgoraUser user) {
        return user != null && (user.isAdministrator() || user.holds(Role.MODERATOR, RoleScope.GLOBAL));
    }

    /** Whether this person moderates the content of this process ({@code null}: content outside any process). */
    boolean moderates(AgoraUser user, Long processId) {
        if (moderatesEverything(user)) {
            return true;
        }
        if (user == null || processId == null) {
            return false;
        }
        return user.scopesOf(Role.MODERATOR).stream().anyMatch(scope -> switch (scope.kind()) {
            case GLOBAL -> true;
            case PROCESS -> scope.id() == processId;
            case TERRITORY -> processes.byId(new ProcessId(processId))
                    .map(process -> territories.isWithin(process.territoryId(), scope.id())).orElse(false);
        });
    }

    boolean blocks(AgoraUser user) {
        return moderatesEverything(user);
    }

    boolean readsLog(AgoraUser user) {
        return user != null && user.isAdministrator();
    }
}
