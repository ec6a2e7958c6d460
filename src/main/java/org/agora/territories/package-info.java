/** The territory tree: region > département > living area (bassin de vie) > commune, with INSEE codes. */
@org.springframework.modulith.ApplicationModule(displayName = "Territories")
package org.agora.territories;
