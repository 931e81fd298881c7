package de.integrationsmonitor.audit;

import de.integrationsmonitor.testing.OnPostgres;
import de.integrationsmonitor.testing.PostgresSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The auditor's scenario on PostgreSQL with the shipped {@code postgres} profile; the second home is another
 * IMON_HOME on the same schema (what a restore of the database into a new installation gives): the archive is in
 * the database, so the re-render finds everything there.
 */
@OnPostgres("imon_audit")
class PostgresAuditScenarioTest extends AuditScenarioTest {

    @Override
    Child restore(Path restored) throws java.io.IOException {
        Files.createDirectories(restored);
        return (home, args) -> child(
                home,
                List.of("-Dspring.profiles.active=postgres"),
                Map.of(
                        "IMON_DB_URL",
                        PostgresSchema.URL + "?currentSchema=" + PostgresSchema.of(getClass()),
                        "IMON_DB_USER",
                        PostgresSchema.USER),
                args);
    }
}
