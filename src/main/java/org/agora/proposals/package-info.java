/** Proposals written by participants in a process, their public references, supports and lists. */
@org.springframework.modulith.ApplicationModule(displayName = "Proposals")
package org.agora.proposals;
