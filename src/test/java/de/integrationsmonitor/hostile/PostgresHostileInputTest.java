package de.integrationsmonitor.hostile;

import de.integrationsmonitor.testing.PostgresSchema;
import org.springframework.test.context.ActiveProfiles;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hostile-input corpus on PostgreSQL, the production database, in a schema of its own. Skipped, with that
 * reason, when no PostgreSQL answers on 127.0.0.1:5432.
 */
@EnabledIf(value = "de.integrationsmonitor.testing.PostgresSchema#answers",
        disabledReason = "no PostgreSQL answers on 127.0.0.1:5432")
@ActiveProfiles("postgres")
class PostgresHostileInputTest extends HostileInputTest {

    static final String SCHEMA = PostgresSchema.fresh("imon_hostile_");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.use(registry, SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        PostgresSchema.drop(SCHEMA);
    }
}
