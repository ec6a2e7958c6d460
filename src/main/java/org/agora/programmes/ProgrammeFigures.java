package org.agora.programmes;

/** The support programmes in figures: calls, applications received and retained, grant money committed and paid. */
public record ProgrammeFigures(long calls, long openCalls, long applicationsReceived, long retained,
                               long committedCents, long paidCents) {
}
