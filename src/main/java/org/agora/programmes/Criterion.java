package org.agora.programmes;

/** A criterion of a call's grid: reviewers score it 0 to 5; its weight counts in the weighted mean. */
record Criterion(long id, long callId, int position, String code, String label, int weight) {
}
