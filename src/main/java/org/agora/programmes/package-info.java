@org.springframework.modulith.ApplicationModule(displayName = "Support programmes")
package org.agora.programmes;
