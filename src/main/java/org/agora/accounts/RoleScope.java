package org.agora.accounts;

/** Where a role applies: everywhere, within a territory (and the territories below it), or within one process. */
public record RoleScope(Kind kind, long id) implements java.io.Serializable {

    public enum Kind { GLOBAL, TERRITORY, PROCESS }

    public static final RoleScope GLOBAL = new RoleScope(Kind.GLOBAL, 0);

    public RoleScope {
        if (kind == null) {
            throw new IllegalArgumentException("A scope has a kind");
        }
        if ((kind == Kind.GLOBAL) != (id == 0)) {
            throw new IllegalArgumentException("Only the global scope has no id");
        }
    }

    public static RoleScope territory(long territoryId) {
        return new RoleScope(Kind.TERRITORY, territoryId);
    }

    public static RoleScope process(long processId) {
        return new RoleScope(Kind.PROCESS, processId);
    }
}
