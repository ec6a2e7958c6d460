/**
 * Citizens' panels drawn by fair lot: pools of volunteers, quotas, LEXIMIN selection and a verifiable public draw.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizens' panels")
package org.agora.panels;
