package de.integrationsmonitor.benchmark;

import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.ingest.IngestLimits;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.FindingRepository;
import de.integrationsmonitor.store.IndicatorRepository;
import de.integrationsmonitor.store.ObservationRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A temporary embedded database holding the corpus, for the compute and render benchmarks: created in a folder of
 * its own, the corpus ingested (not timed), deleted on close. The user's store is never touched.
 */
public final class BenchmarkStore implements AutoCloseable {

    final Path folder;
    final JdbcTemplate jdbc;
    final DeliveryRepository deliveries;
    final ObservationRepository observations;
    final FindingRepository findings;
    final IndicatorRepository indicators;
    final ComputationService computation;
    final com.zaxxer.hikari.HikariDataSource dataSource;
    private final TransactionTemplate transaction;

    private BenchmarkStore(Path folder, KreisRegister register) {
        this.folder = folder;
        String url = "jdbc:h2:file:" + folder.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        // a pool, as the application has: the render threads and the version ledger's own transactions each need
        // a connection of their own
        com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(8);
        pool.setPoolName("imon-benchmark");
        this.dataSource = new com.zaxxer.hikari.HikariDataSource(pool);
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.deliveries = new DeliveryRepository(jdbc);
        this.observations = new ObservationRepository(jdbc);
        this.findings = new FindingRepository(jdbc);
        this.indicators = new IndicatorRepository(jdbc);
        this.computation = new ComputationService(deliveries, observations, indicators, register, Clock.systemUTC());
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Computes the catalogue in one transaction of its own, as the Spring service does it for {@code imon compute}. */
    ComputationService.Summary compute(Path catalogue) {
        return transaction.execute(status -> computation.compute(catalogue));
    }

    /** A fresh database with the files or folders {@code paths} ingested. */
    public static BenchmarkStore ingested(List<Path> paths, KreisRegister register, ImonSettings settings)
            throws IOException {
        BenchmarkStore store = new BenchmarkStore(Files.createTempDirectory("imon-benchmark-"), register);
        try {
            TransactionTemplate transaction = new TransactionTemplate(
                    new DataSourceTransactionManager(store.dataSource));
            transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            IngestService ingest = new IngestService(store.deliveries, store.observations, store.findings, register,
                    settings, transaction, Clock.systemUTC(), IngestLimits.defaults());
            List<IngestOutcome> outcomes = ingest.ingest(paths, o -> { });
            if (outcomes.stream().anyMatch(IngestOutcome::refused)) {
                throw new IllegalStateException("a file was refused: " + outcomes.stream()
                        .filter(IngestOutcome::refused).map(IngestOutcome::message).toList());
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        dataSource.close();
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
