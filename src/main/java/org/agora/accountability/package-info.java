/**
 * The public account of what became of each proposal (<i>retour au citoyen</i>): destinations, evaluation and answers,
 * the charter and the strategy (ambitions &gt; objectives &gt; work programmes), what was sent to other levels of
 * government, referrals to advisory bodies, and each process's breakdown of its proposals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accountability")
package org.agora.accountability;
