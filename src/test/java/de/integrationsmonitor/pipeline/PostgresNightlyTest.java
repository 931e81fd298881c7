package de.integrationsmonitor.pipeline;

import de.integrationsmonitor.testing.PostgresSchema;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The nightly run on PostgreSQL with the shipped {@code postgres} profile; the lock is an advisory lock there. */
@EnabledIf(value = "postgresAnswers", disabledReason = "no PostgreSQL answers on 127.0.0.1:5432")
@ActiveProfiles("postgres")
class PostgresNightlyTest extends NightlyTest {

    static final String SCHEMA = PostgresSchema.fresh("imon_nightly");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.use(registry, SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        PostgresSchema.drop(SCHEMA);
    }

    static boolean postgresAnswers() {
        return PostgresSchema.answers();
    }
}
