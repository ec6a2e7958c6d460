/** Participatory processes (démarches): phases, territory scope, features switched on. */
@org.springframework.modulith.ApplicationModule(displayName = "Processes")
package org.agora.processes;
