package org.agora.processes;

/** A process became public. */
public record ProcessPublished(ProcessId process, String slug) {
}
