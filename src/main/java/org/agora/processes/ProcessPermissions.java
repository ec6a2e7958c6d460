package org.agora.processes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleScope;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.stereotype.Component;

/**
 * Who manages which process: administrators and global staff every process; staff scoped to a territory the
 * processes whose scope lies within it; staff scoped to a process that process only.
 */
@Component
class ProcessPermissions {

    private final TerritoryDirectory territories;

    ProcessPermissions(TerritoryDirectory territories) {
        this.territories = territories;
    }

    boolean managesEverything(AgoraUser user) {
        return user != null && (user.isAdministrator() || user.holds(Role.STAFF, RoleScope.GLOBAL));
    }

    boolean canManage(AgoraUser user, ParticipatoryProcess process) {
        return canManage(user, process, territories::isWithin);
    }

    /**
     * The same rule for a whole list: the territories under each of the person's territory scopes are read once,
     * not once per process.
     */
    Predicate<ParticipatoryProcess> manageableBy(AgoraUser user) {
        Map<Long, Set<Long>> under = user == null || managesEverything(user) ? Map.of()
                : user.scopesOf(Role.STAFF).stream().filter(scope -> scope.kind() == RoleScope.Kind.TERRITORY)
                        .map(RoleScope::id).distinct()
                        .collect(Collectors.toMap(Function.identity(), territories::selfAndDescendants));
        return process -> canManage(user, process,
                (territoryId, scopeId) -> under.getOrDefault(scopeId, Set.of()).contains(territoryId));
    }

    private boolean canManage(AgoraUser user, ParticipatoryProcess process, BiPredicate<Long, Long> within) {
        if (user == null) {
            return false;
        }
        if (managesEverything(user)) {
            return true;
        }
        return user.scopesOf(Role.STAFF).stream().anyMatch(scope -> switch (scope.kind()) {
            case GLOBAL -> true;
            case PROCESS -> process.id() != null && scope.id() == process.id();
            case TERRITORY -> within.test(process.territoryId(), scope.id());
        });
    }

    /** Creating a process needs staff rights over a territory (or everywhere); process-scoped staff cannot. */
    boolean canCreate(AgoraUser user) {
        return managesEverything(user) || user != null && user.scopesOf(Role.STAFF).stream()
                .anyMatch(scope -> scope.kind() == RoleScope.Kind.TERRITORY);
    }

    /** The territories this person may give as a process's scope. */
    List<TerritoryView> scopesFor(AgoraUser user) {
        List<TerritoryView> all = territories.scopes();
        if (managesEverything(user)) {
            return all;
        }
        List<Long> within = user == null ? List.of() : user.scopesOf(Role.STAFF).stream()
                .filter(scope -> scope.kind() == RoleScope.Kind.TERRITORY).map(RoleScope::id).toList();
        return all.stream().filter(candidate -> within.stream()
                .anyMatch(ancestor -> territories.isWithin(candidate.id(), ancestor))).toList();
    }
}
