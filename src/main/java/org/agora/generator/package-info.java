/**
 * The scale data generator ({@code java -jar target/agora.jar generate …}, docs/benchmarks.md): fills a PostgreSQL
 * database with synthetic participants, proposals, supports, comments and meetings through COPY, then has the
 * application build its search index. Nothing depends on it; it writes rows with JDBC and uses no module's beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data generator")
package org.agora.generator;
