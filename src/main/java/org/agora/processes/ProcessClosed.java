package org.agora.processes;

/** A process ended: it stays public, read-only. */
public record ProcessClosed(ProcessId process, String slug) {
}
