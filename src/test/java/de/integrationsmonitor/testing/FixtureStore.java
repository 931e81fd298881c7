package de.integrationsmonitor.testing;

import de.integrationsmonitor.ingest.IngestLimits;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.kernel.AuditTrail;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.FindingRepository;
import de.integrationsmonitor.store.ObservationRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An in-memory H2 store holding every fixture of the classic, ffcsv and reform folders, and two revisions of one
 * classic table: one with a later Stand, and one with an older Stand ingested after it (the Stand decides, not the
 * order of ingestion).
 */
public record FixtureStore(
        JdbcTemplate jdbc, ObservationRepository observations, DeliveryRepository deliveries, List<Long> deliveryIds) {

    public static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();

    public static FixtureStore withEveryFixtureAndRevisions(String name, Path home) throws IOException {
        SingleConnectionDataSource dataSource =
                new SingleConnectionDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ObservationRepository observations = new ObservationRepository(jdbc);
        DeliveryRepository deliveries = new DeliveryRepository(jdbc);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        IngestService ingest = new IngestService(
                deliveries,
                observations,
                new FindingRepository(jdbc),
                KreisRegister.loadDefault(),
                new ImonSettings(Path.of("").toAbsolutePath(), home),
                transaction,
                Clock.systemUTC(),
                IngestLimits.defaults(),
                AuditTrail.NONE);
        String original = Files.readString(FIXTURES.resolve("classic/period-column-age-groups.csv"));
        Path revised = home.resolve("12411-03-03-4-revised.csv");
        Files.writeString(
                revised,
                original.replace(";3398;1992;1406", ";3400;1994;1406")
                        .replace("Stand: 14.12.2017 / 15:51:18", "Stand: 02.02.2018 / 09:00:00"));
        Path older = home.resolve("12411-03-03-4-older.csv");
        Files.writeString(
                older,
                original.replace(";3398;1992;1406", ";3000;1600;1400")
                        .replace("Stand: 14.12.2017 / 15:51:18", "Stand: 01.01.2017 / 09:00:00"));
        ingest.ingest(
                List.of(
                        FIXTURES.resolve("classic"),
                        FIXTURES.resolve("ffcsv"),
                        FIXTURES.resolve("reform"),
                        revised,
                        older),
                o -> {});
        return new FixtureStore(
                jdbc,
                observations,
                deliveries,
                deliveries.all().stream().map(Delivery::id).toList());
    }
}
