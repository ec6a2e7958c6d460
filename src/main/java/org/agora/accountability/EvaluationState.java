package org.agora.accountability;

/** Where a proposal's evaluation stands. Only PUBLISHED shows the answer; the others show « en cours d'examen ». */
enum EvaluationState { ASSIGNED, PROPOSED, VALIDATED, PUBLISHED }
