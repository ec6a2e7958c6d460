package org.agora;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every module's migrations, in the order the application runs them, on an empty database (H2 or PostgreSQL). */
@DatabaseTest
class MigrationsTest {

    /** Add each module's tables here as its migrations arrive. */
    static final Set<String> EXPECTED_TABLES = Set.of(
            "flyway_schema_history",
            "event_publication", "event_publication_archive",
            "account", "account_token", "personal_access_token", "pseudonym_key", "role_assignment", "ambassador", "login_throttle", "account_action",
            "mail_outbox", "mail_attachment", "resource_follow", "notice", "notification_preference",
            "moderation_case", "moderation_report", "moderation_action", "participant_block",
            "search_entries", "search_rebuilds",
            "charter_article", "ambition", "objective", "work_programme", "work_programme_milestone",
            "work_programme_update", "immediate_measure", "immediate_measure_status", "transmission", "advisory_body",
            "referral", "contribution", "proposal_claim", "contribution_import", "contribution_import_upload",
            "contribution_import_mapping",
            "destination", "evaluation_setting", "evaluation", "evaluation_note", "answer_template",
            "meeting_series", "meeting", "meeting_question", "meeting_registration", "meeting_answer",
            "organisation", "meeting_encounter",
            "meeting_attendance", "meeting_survey_aspect", "meeting_survey_answer", "meeting_survey_rating",
            "meeting_minutes", "meeting_minutes_attachment",
            "panel", "panel_team", "panel_quota", "panel_volunteer", "panel_selection", "panel_replacement",
            "programme_call", "programme_call_field", "programme_criterion", "programme_applicant", "programme_member",
            "programme_application", "programme_answer", "programme_file", "programme_message", "programme_reviewer",
            "programme_score", "programme_grant", "programme_grant_adjustment", "programme_payment",
            "programme_accompaniment", "programme_session", "programme_report", "programme_showcase",
            "newsletter_subscriber", "newsletter_subscription_change", "newsletter_edition", "newsletter_edition_block",
            "newsletter_delivery", "newsletter_answered_proposal", "page_view_daily", "audience_daily",
            "figure_contribution_day", "figure_contributor_day", "figure_contributor_total", "figure_refresh",
            "figure_territory_closure",
            "library_initiative", "library_initiative_tag", "library_initiative_file", "library_resource",
            "library_resource_theme", "library_resource_file", "library_network_member", "library_network_request",
            "cyber_centre", "cyber_centre_facilitator", "centre_agreement", "centre_payment", "centre_report",
            "centre_report_reminder", "training_module", "training_session", "training_attendance",
            "opendata_build", "opendata_file", "opendata_lock",
            "webhook_endpoint", "webhook_delivery", "webhook_attempt", "webhook_action");

    @Test
    void createsEveryModulesTablesOnAnEmptyDatabase() throws Exception {
        TestDatabase.Fresh database = TestDatabase.create();
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(database.url(), database.username(), database.password())
                    .locations(applicationProperty("spring.flyway.locations").split(","))
                    .schemas(database.postgres() ? new String[] {database.schema()} : new String[0])
                    .load();
            MigrateResult result = flyway.migrate();

            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isPositive();
            assertThat(tables(database)).containsAll(EXPECTED_TABLES);
            // A second run on a migrated database has nothing to do.
            assertThat(flyway.migrate().migrationsExecuted).isZero();
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        } finally {
            database.drop();
        }
    }

    private static Set<String> tables(TestDatabase.Fresh database) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema")) {
            while (rows.next()) {
                tables.add(rows.getString(1).toLowerCase());
            }
        }
        return tables;
    }

    private static String applicationProperty(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MigrationsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty(name);
    }
}
