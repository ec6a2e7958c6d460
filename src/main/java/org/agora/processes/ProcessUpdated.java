package org.agora.processes;

/** Staff changed a process's description or settings, or reopened it; its slug may have changed. */
public record ProcessUpdated(ProcessId process, String slug) {
}
