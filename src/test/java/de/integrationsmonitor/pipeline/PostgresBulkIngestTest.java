package de.integrationsmonitor.pipeline;

import de.integrationsmonitor.testing.PostgresSchema;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bulk ingest comparison on PostgreSQL (COPY), the production database, with the configuration users run: the shipped
 * profile {@code postgres} (application-postgres.properties), pointed through its own IMON_DB_URL at a schema of
 * this run's, dropped afterwards. Runs when a PostgreSQL answers on 127.0.0.1:5432 (database {@code test}).
 */
@EnabledIf(value = "postgresAnswers", disabledReason = "no PostgreSQL answers on 127.0.0.1:5432")
@ActiveProfiles("postgres")
class PostgresBulkIngestTest extends BulkIngestTest {

    static final String SCHEMA = PostgresSchema.fresh("imon_bulk_ingest");

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
