package de.integrationsmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A store kept since before the one-pass computation gets its list of which variables each delivery has from the
 * observations it holds, so that its revisions are still told apart cell by cell after the upgrade.
 */
class DeliveryVariablesMigrationTest {

    @Test
    void anUpgradedStoreListsTheVariablesOfEveryDeliveryItHolds() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:mem:delivery-variables-migration;DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure()
                .dataSource(dataSource)
                .target("51")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (long delivery = 1; delivery <= 2; delivery++) {
            jdbc.update(
                    "INSERT INTO delivery (id, file_name, sha256, table_code, format, encoding, ingested_at,"
                            + " rows_read, rows_stored, rows_rejected, rows_skipped) VALUES (?, ?, ?, '12411-03-03-4', 'CLASSIC',"
                            + " 'ISO-8859-1', CURRENT_TIMESTAMP, 2, 2, 0, 0)",
                    delivery,
                    "extract-" + delivery + ".csv",
                    String.valueOf(delivery).repeat(64));
        }
        for (long variable = 1; variable <= 3; variable++) {
            jdbc.update(
                    "INSERT INTO variable (id, table_code, path, unit, period_kind) VALUES (?, '12411-03-03-4',"
                            + " ?, 'Anzahl', 'STICHTAG')",
                    variable,
                    "Insgesamt | " + variable);
        }
        // the first delivery has variables 1 and 2, the revision 2 and 3; variable 2 twice in the first
        for (long[] cell : new long[][] {{1, 1}, {1, 2}, {1, 2}, {2, 2}, {2, 3}}) {
            jdbc.update(
                    "INSERT INTO observation (delivery_id, variable_id, region_code, reference_date, period,"
                            + " figure, source_line) VALUES (?, ?, '03159', DATE '2016-12-31', '31.12.2016', 1, 9)",
                    cell[0],
                    cell[1]);
        }

        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();

        List<Map<String, Object>> listed = jdbc.queryForList(
                "SELECT delivery_id, variable_id FROM delivery_variable" + " ORDER BY delivery_id, variable_id");
        assertThat(listed)
                .extracting(r -> r.get("DELIVERY_ID") + "/" + r.get("VARIABLE_ID"))
                .containsExactly("1/1", "1/2", "2/2", "2/3");
        dataSource.destroy();
    }
}
