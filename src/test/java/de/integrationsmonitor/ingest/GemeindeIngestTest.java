package de.integrationsmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.kernel.AuditTrail;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.FindingRepository;
import de.integrationsmonitor.store.ObservationRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** A Gemeinde table (regional depth -5) through the ingest into the store (H2), with its findings. */
class GemeindeIngestTest {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/gemeinden/gemeinden-depth-5.csv")
            .toAbsolutePath();

    @TempDir
    Path home;

    JdbcTemplate jdbc;
    DeliveryRepository deliveries;
    IngestService ingest;

    void store(String name) {
        SingleConnectionDataSource dataSource =
                new SingleConnectionDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        deliveries = new DeliveryRepository(jdbc);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ingest = new IngestService(
                deliveries,
                new ObservationRepository(jdbc),
                new FindingRepository(jdbc),
                KreisRegister.loadDefault(),
                new ImonSettings(Path.of("").toAbsolutePath(), home),
                transaction,
                Clock.systemUTC(),
                IngestLimits.defaults(),
                AuditTrail.NONE);
    }

    @Test
    void everyLineBelowTheKreisIsStoredUnderItsKeyAndTheKreisAddsUp() {
        store("gemeinde-ingest-fixture");
        ingest.ingest(List.of(FIXTURE), o -> {});

        Delivery d = deliveries.all().get(0);
        assertThat(d.dataLines()).isEqualTo(16);
        assertThat(d.rowsStored()).isEqualTo(15);
        assertThat(d.rowsSkipped()).isEqualTo(1); // the Regierungsbezirk 031
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT region_code FROM observation WHERE LENGTH(region_code) > 5"
                                + " ORDER BY region_code",
                        String.class))
                .containsExactly(
                        "03151009",
                        "03151401",
                        "03151401002",
                        "03151401004",
                        "0713100007",
                        "0713101",
                        "0713101001",
                        "0713101004",
                        "0713102",
                        "0713102004");
        assertThat(jdbc.queryForList("SELECT rule_id FROM finding", String.class))
                .doesNotContain("gemeinden-summe-kreis", "register-unknown-gemeinde");
    }

    @Test
    void aGemeindeKeyTheRegisterOfItsGebietsstandDoesNotKnowIsAWarning() throws Exception {
        store("gemeinde-ingest-register");
        Path file = home.resolve("12411-01-01-5_2021.csv");
        Files.writeString(file, """
                GENESIS-Tabelle: 12411-01-01-5
                Bevölkerungsstand: Bevölkerung - Stichtag 01.01. -;;
                regionale Tiefe: Gemeinden, Samt-/Verbandsgemeinden;;
                Bevölkerungsstand (Anzahl);;
                ;;01.01.2021
                ;;Insgesamt
                12073;      Uckermark, Landkreis;1300
                12073008;        Angermünde, Stadt;1000
                12073999;        Nirgendwo;300
                __________
                Synthetische Werte (Testdaten)
                Stand: 10.10.2021 / 11:01:03
                """, StandardCharsets.UTF_8);

        ingest.ingest(List.of(file), o -> {});

        List<Map<String, Object>> unknown = jdbc.queryForList(
                "SELECT region_code, severity, message FROM finding" + " WHERE rule_id = 'register-unknown-gemeinde'");
        assertThat(unknown).singleElement().satisfies(f -> {
            assertThat(f.get("REGION_CODE")).isEqualTo("12073999");
            assertThat(f.get("SEVERITY")).isEqualTo("warning");
            assertThat((String) f.get("MESSAGE")).contains("register of 01.01.2021 has no such Gemeinde");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM observation WHERE region_code = '12073999'", Long.class))
                .isEqualTo(1);
    }
}
