package org.agora.programmes;

/** Whether a centre is part of the network today; a centre that left keeps its history (agreements, reports). */
enum CentreStatus { ACTIVE, LEFT }
