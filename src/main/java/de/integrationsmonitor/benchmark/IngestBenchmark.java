package de.integrationsmonitor.benchmark;

import de.integrationsmonitor.ImonSettings;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.ingest.LineAccount;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.FindingRepository;
import de.integrationsmonitor.store.IndicatorRepository;
import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.store.ObservationRepository;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import de.integrationsmonitor.report.EditionLoader;
import de.integrationsmonitor.report.ReportService;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures ingest against a yardstick: the same observations loaded by H2's own bulk CSV load ({@code CSVREAD}).
 * Each measurement runs in a fresh embedded database of its own, so the user's store is never touched.
 */
public final class IngestBenchmark {

    private final KreisRegister register;
    private final ImonSettings settings;

    public IngestBenchmark(KreisRegister register, ImonSettings settings) {
        this.register = register;
        this.settings = settings;
    }

    /** The figures of one measurement. */
    public record Result(String label, long files, long dataLines, long observations, double ingestSeconds,
                         double bulkSeconds, long peakHeapBytes, double computeSeconds, long indicatorValues,
                         Optional<Rendering> rendering) {

        public double linesPerSecond() {
            return dataLines / ingestSeconds;
        }

        public double observationsPerSecond() {
            return observations / ingestSeconds;
        }

        public double bulkObservationsPerSecond() {
            return observations / bulkSeconds;
        }

        /** Our observations per second as a share of the bulk load's. */
        public double ratio() {
            return observationsPerSecond() / bulkObservationsPerSecond();
        }
    }

    /** Rendering an edition: how many Kreis reports, how long, the peak heap while rendering. */
    public record Rendering(String edition, int reports, int failed, double seconds, long peakHeapBytes) {
        public double reportsPerSecond() {
            return reports / seconds;
        }
    }

    public Result measure(String label, List<Path> paths) throws IOException {
        return measure(label, paths, Optional.empty());
    }

    public Result measure(String label, List<Path> paths, Optional<Path> edition) throws IOException {
        Path folder = Files.createTempDirectory("imon-benchmark-");
        String url = "jdbc:h2:file:" + folder.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        try {
            Flyway.configure().dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            DeliveryRepository deliveries = new DeliveryRepository(jdbc);
            IngestService ingest = new IngestService(deliveries, new ObservationRepository(jdbc),
                    new FindingRepository(jdbc), register, settings, transaction, Clock.systemUTC(),
                    de.integrationsmonitor.ingest.IngestLimits.defaults());

            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            List<IngestOutcome> outcomes = ingest.ingest(paths, o -> { });
            double ingestSeconds = (System.nanoTime() - start) / 1e9;
            long peak = peakHeap();
            if (outcomes.stream().anyMatch(IngestOutcome::refused)) {
                throw new IllegalStateException("a file was refused: " + outcomes.stream()
                        .filter(IngestOutcome::refused).map(IngestOutcome::message).toList());
            }
            long lines = outcomes.stream().flatMap(o -> o.account().stream()).mapToLong(LineAccount::dataLines).sum();
            long observations = jdbc.queryForObject("SELECT COUNT(*) FROM observation", Long.class);

            // The yardstick: the same rows as a flat CSV, loaded by the database's own bulk reader.
            Path csv = folder.resolve("observations.csv");
            jdbc.execute("CALL CSVWRITE('" + csv + "', 'SELECT delivery_id, variable_id, region_code, reference_date,"
                    + " period, figure, marker, source_line FROM observation')");
            // same columns and the same indexes as the observation table, so both loads maintain the same structures
            jdbc.execute("CREATE TABLE observation_bulk AS SELECT * FROM observation WITH NO DATA");
            jdbc.execute("CREATE INDEX observation_bulk_lookup ON observation_bulk (variable_id, reference_date,"
                    + " region_code)");
            jdbc.execute("CREATE INDEX observation_bulk_delivery ON observation_bulk (delivery_id)");
            long bulkStart = System.nanoTime();
            jdbc.execute("INSERT INTO observation_bulk (delivery_id, variable_id, region_code, reference_date,"
                    + " period, figure, marker, source_line) SELECT * FROM CSVREAD('" + csv + "')");
            double bulkSeconds = (System.nanoTime() - bulkStart) / 1e9;

            // The whole catalogue over what was ingested, as `imon compute` does it.
            IndicatorRepository indicators = new IndicatorRepository(jdbc);
            ComputationService computation = new ComputationService(deliveries, new ObservationRepository(jdbc),
                    indicators, register, Clock.systemUTC());
            long computeStart = System.nanoTime();
            ComputationService.Summary summary = computation.compute(settings.catalogue());
            double computeSeconds = (System.nanoTime() - computeStart) / 1e9;
            long values = summary.valuesPerIndicator().values().stream().mapToLong(Integer::longValue).sum();
            Optional<Rendering> rendering = Optional.empty();
            if (edition.isPresent()) {
                ImonSettings temporary = new ImonSettings(settings.project(), folder);
                ReportService reports = new ReportService(temporary, indicators, deliveries,
                        new FindingRepository(jdbc), computation, register);
                System.gc();
                resetPeaks();
                long renderStart = System.nanoTime();
                ReportService.EditionResult result = reports.render(EditionLoader.load(edition.get()),
                        Optional.empty(), line -> { });
                double renderSeconds = (System.nanoTime() - renderStart) / 1e9;
                rendering = Optional.of(new Rendering(result.edition(), result.written().size(),
                        result.failed().size(), renderSeconds, peakHeap()));
            }
            return new Result(label, outcomes.size(), lines, observations, ingestSeconds, bulkSeconds, peak,
                    computeSeconds, values, rendering);
        } finally {
            dataSource.destroy();
            deleteRecursively(folder);
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
