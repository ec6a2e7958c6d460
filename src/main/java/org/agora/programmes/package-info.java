/**
 * Support programmes for territories: calls for applications (accompaniment days by a contractor) and for projects
 * (grants), the applications organisations send, their review and decision, grants and payments, accompaniment,
 * reports and public showcases; and the network of cyber-centres.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support programmes")
package org.agora.programmes;
