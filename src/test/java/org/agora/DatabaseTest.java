package org.agora;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks a test that exercises the database (migrations, repositories, module and integration tests that write).
 * CI runs these a second time against PostgreSQL ({@code -Dsurefire.groups=database}). Which database a Spring test
 * context uses is decided by {@link TestDatabase} for every context, tagged or not: see docs/testing.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("database")
public @interface DatabaseTest {
}
