package de.integrationsmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.integrationsmonitor.testing.PostgresSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A computation that was rolled back (the process killed while it computed) leaves no gap in the numbering: the
 * next computation gets the number the lost one would have had, so that an interrupted night names its computation
 * in the reports as the uninterrupted night does. PostgreSQL's sequences do not roll back; the store does not use
 * them for computations.
 */
class ComputationNumberingTest {

    @Test
    void aComputationRolledBackLeavesNoGapOnH2() {
        SingleConnectionDataSource dataSource =
                new SingleConnectionDataSource("jdbc:h2:mem:computation-numbering;DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        assertTheNumbering(dataSource);
        dataSource.destroy();
    }

    @Tag("slow") // PostgreSQL
    @Test
    void aComputationRolledBackLeavesNoGapOnPostgres() throws SQLException {
        assumeTrue(PostgresSchema.answers(), "no PostgreSQL answers on 127.0.0.1:5432");
        String schema = PostgresSchema.fresh("imon_numbering");
        try (Connection c = DriverManager.getConnection(PostgresSchema.URL, PostgresSchema.USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                PostgresSchema.URL + "?currentSchema=" + schema, PostgresSchema.USER, "", true);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .load()
                    .migrate();
            assertTheNumbering(dataSource);
        } finally {
            dataSource.destroy();
            PostgresSchema.drop(schema);
        }
    }

    private static void assertTheNumbering(SingleConnectionDataSource dataSource) {
        IndicatorRepository computations = new IndicatorRepository(new JdbcTemplate(dataSource));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        LocalDateTime at = LocalDateTime.of(2026, 12, 1, 2, 30);
        long first = transaction.execute(
                status -> computations.openComputation(at, "2026.3", "a".repeat(64), "b".repeat(64), List.of()));
        transaction.executeWithoutResult(status -> {
            computations.openComputation(at, "2026.3", "a".repeat(64), "b".repeat(64), List.of());
            status.setRollbackOnly(); // the process dies before the computation commits
        });
        long next = transaction.execute(
                status -> computations.openComputation(at, "2026.3", "a".repeat(64), "b".repeat(64), List.of()));

        assertThat(first).isEqualTo(1);
        assertThat(next).isEqualTo(first + 1);
        assertThat(computations.latestComputation())
                .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(next));
    }
}
