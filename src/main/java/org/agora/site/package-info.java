/** Layout, home page, legal pages, language switch, error pages and sitemap. A sink: no module depends on it. */
@org.springframework.modulith.ApplicationModule(displayName = "Site")
package org.agora.site;
