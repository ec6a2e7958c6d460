package org.agora.processes;

/** Identifies a participatory process; other modules refer to a process only through it. */
public record ProcessId(long value) {

    public ProcessId {
        if (value <= 0) {
            throw new IllegalArgumentException("A process id is positive");
        }
    }
}
