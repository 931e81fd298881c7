package de.integrationsmonitor.audit;

import de.integrationsmonitor.testing.PostgresSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The auditor's scenario on PostgreSQL with the shipped {@code postgres} profile; the second home is another
 * IMON_HOME on the same schema (what a restore of the database into a new installation gives): the archive is in
 * the database, so the re-render finds everything there.
 */
@EnabledIf(value = "postgresAnswers", disabledReason = "no PostgreSQL answers on 127.0.0.1:5432")
@ActiveProfiles("postgres")
class PostgresAuditScenarioTest extends AuditScenarioTest {

    static final String SCHEMA = PostgresSchema.fresh("imon_audit");

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

    @Override
    Child restore(Path restored) throws java.io.IOException {
        Files.createDirectories(restored);
        return (home, args) -> child(home, List.of("-Dspring.profiles.active=postgres"),
                Map.of("IMON_DB_URL", PostgresSchema.URL + "?currentSchema=" + SCHEMA, "IMON_DB_USER",
                        PostgresSchema.USER), args);
    }
}
