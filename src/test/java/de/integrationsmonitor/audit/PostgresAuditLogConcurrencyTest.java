package de.integrationsmonitor.audit;

import de.integrationsmonitor.testing.PostgresSchema;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The audit log's chain under concurrent appends on PostgreSQL (SELECT ... FOR UPDATE on the head row). */
@EnabledIf(value = "postgresAnswers", disabledReason = "no PostgreSQL answers on 127.0.0.1:5432")
@ActiveProfiles("postgres")
class PostgresAuditLogConcurrencyTest extends AuditLogConcurrencyTest {

    static final String SCHEMA = PostgresSchema.fresh("imon_auditlog");

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
