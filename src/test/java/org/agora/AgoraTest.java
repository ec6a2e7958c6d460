package org.agora;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on a throwaway database (see {@link TestDatabase}: H2 in memory, or a fresh PostgreSQL schema
 * in CI), without demo data. Every test class carrying it shares one Spring context (and so one database): tests
 * create the data they need with names of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DatabaseTest
// The meetings', the cyber-centres' and the webhooks' jobs wait a day before their first run: the tests call them when they mean to, and a run of their own
// between a test's setup and its call would take the work the test is about.
@SpringBootTest(properties = {"agora.demo-data=false", "agora.meetings.survey-initial-delay=PT24H",
        "agora.meetings.reminder-initial-delay=PT24H", "agora.programmes.centre-reminder-initial-delay=PT24H",
        "agora.webhooks.poll-initial-delay=PT24H", "agora.webhooks.purge-initial-delay=PT24H"})
@AutoConfigureMockMvc
public @interface AgoraTest {
}
