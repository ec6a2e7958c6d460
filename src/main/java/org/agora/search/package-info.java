/**
 * Full-text search across processes, proposals and comments (Hibernate Search, French analysis), and similar
 * proposals while one is written.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.agora.search;
