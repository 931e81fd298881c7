package de.integrationsmonitor.benchmark;

import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.ingest.IngestLimits;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.ingest.LineAccount;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.report.edition.EditionLoader;
import de.integrationsmonitor.report.ReportService;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.FindingRepository;
import de.integrationsmonitor.store.IndicatorRepository;
import de.integrationsmonitor.store.ObservationRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures ingest against a yardstick: the same observations loaded by the database's own bulk load (H2's
 * {@code CSVREAD}, PostgreSQL's {@code COPY}) into a table with the same indexes. Each measurement runs in a fresh
 * database of its own (an embedded H2 in a temporary folder, a temporary PostgreSQL schema dropped afterwards), so
 * the user's store is never touched.
 */
public final class IngestBenchmark {

    private final KreisRegister register;
    private final ImonSettings settings;

    public IngestBenchmark(KreisRegister register, ImonSettings settings) {
        this.register = register;
        this.settings = settings;
    }

    /** The database a measurement runs on. */
    public enum Database {
        H2, POSTGRES
    }

    /** What to measure beside the ingest itself. */
    public record Plan(boolean yardstick, boolean compute, Optional<Path> edition) {
        public static Plan ingestOnly() {
            return new Plan(true, false, Optional.empty());
        }
    }

    /** The figures of one measurement (bulkSeconds and computeSeconds are NaN when not measured). */
    public record Result(String label, Database database, long files, long dataLines, long observations,
                         double ingestSeconds, double bulkSeconds, long peakHeapBytes, double computeSeconds,
                         long indicatorValues, long computePeakHeapBytes, long liveHeapBytes,
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

        /** Seconds of ingest and computation per million observations. */
        public double secondsPerMillion() {
            return (ingestSeconds + (Double.isNaN(computeSeconds) ? 0 : computeSeconds)) / (observations / 1e6);
        }

        /** The larger peak heap of ingest and computation. */
        public long peakBytes() {
            return Math.max(peakHeapBytes, computePeakHeapBytes);
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

    /** On H2: ingest, the yardstick, the whole catalogue, and the edition when one is given. */
    public Result measure(String label, List<Path> paths, Optional<Path> edition) throws IOException {
        return measure(Database.H2, label, paths, new Plan(true, true, edition));
    }

    /**
     * Why PostgreSQL cannot be measured (nothing answers at {@code IMON_DB_URL}, default 127.0.0.1:5432), or empty
     * when it answers.
     */
    public static Optional<String> postgresMissing() {
        String url = postgresUrl();
        try {
            URI uri = URI.create(url.substring("jdbc:".length()));
            String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
            }
            try (Connection c = DriverManager.getConnection(url, postgresUser(), postgresPassword())) {
                return Optional.empty();
            }
        } catch (IOException | SQLException | IllegalArgumentException e) {
            return Optional.of("PostgreSQL does not answer at " + url + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")");
        }
    }

    private static String postgresUrl() {
        return Optional.ofNullable(System.getenv("IMON_DB_URL")).filter(u -> u.startsWith("jdbc:postgresql:"))
                .orElse("jdbc:postgresql://127.0.0.1:5432/test");
    }

    private static String postgresUser() {
        return Optional.ofNullable(System.getenv("IMON_DB_USER")).orElse("postgres");
    }

    private static String postgresPassword() {
        return Optional.ofNullable(System.getenv("IMON_DB_PASSWORD")).orElse("");
    }

    public Result measure(Database database, String label, List<Path> paths, Plan plan) throws IOException {
        Path folder = Files.createTempDirectory("imon-benchmark-");
        String schema = "imon_benchmark_" + Long.toString(System.nanoTime(), 36);
        SingleConnectionDataSource dataSource;
        if (database == Database.H2) {
            dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + folder.resolve("db")
                    + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", true);
        } else {
            try (Connection c = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
                 Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IOException("cannot create the schema " + schema + ": " + e.getMessage(), e);
            }
            String url = postgresUrl();
            dataSource = new SingleConnectionDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema="
                    + schema, postgresUser(), postgresPassword(), true);
        }
        try {
            var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common",
                    database == Database.H2 ? "classpath:db/migration/h2" : "classpath:db/migration/postgresql");
            if (database == Database.POSTGRES) {
                flyway.schemas(schema).defaultSchema(schema);
            }
            flyway.load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            DeliveryRepository deliveries = new DeliveryRepository(jdbc);
            IngestService ingest = new IngestService(deliveries, new ObservationRepository(jdbc),
                    new FindingRepository(jdbc), register, settings, transaction, Clock.systemUTC(),
                    IngestLimits.defaults());

            List<IngestOutcome> outcomes;
            double ingestSeconds;
            long peak;
            long live;
            try (HeapPeak heap = HeapPeak.start()) {
                long start = System.nanoTime();
                outcomes = ingest.ingest(paths, o -> { });
                ingestSeconds = (System.nanoTime() - start) / 1e9;
                peak = heap.bytes();
                live = heap.liveBytes();
            }
            if (outcomes.stream().anyMatch(IngestOutcome::refused)) {
                throw new IllegalStateException("a file was refused: " + outcomes.stream()
                        .filter(IngestOutcome::refused).map(IngestOutcome::message).toList());
            }
            long lines = outcomes.stream().flatMap(o -> o.account().stream()).mapToLong(LineAccount::dataLines).sum();
            long observations = jdbc.queryForObject("SELECT COUNT(*) FROM observation", Long.class);

            double bulkSeconds = Double.NaN;
            if (plan.yardstick()) {
                bulkSeconds = database == Database.H2 ? csvread(jdbc, folder) : copy(jdbc, folder);
            }

            double computeSeconds = Double.NaN;
            long values = 0;
            long computePeak = 0;
            Optional<Rendering> rendering = Optional.empty();
            if (plan.compute()) {
                // The whole catalogue over what was ingested, as `imon compute` does it.
                IndicatorRepository indicators = new IndicatorRepository(jdbc);
                ComputationService computation = new ComputationService(deliveries, new ObservationRepository(jdbc),
                        indicators, register, Clock.systemUTC());
                try (HeapPeak heap = HeapPeak.start()) {
                    long computeStart = System.nanoTime();
                    ComputationService.Summary summary = computation.compute(settings.catalogue());
                    computeSeconds = (System.nanoTime() - computeStart) / 1e9;
                    computePeak = heap.bytes();
                    live = Math.max(live, heap.liveBytes());
                    values = summary.valuesPerIndicator().values().stream().mapToLong(Integer::longValue).sum();
                }
                if (plan.edition().isPresent()) {
                    ImonSettings temporary = new ImonSettings(settings.project(), folder);
                    ReportService reports = new ReportService(temporary, indicators, deliveries,
                            new FindingRepository(jdbc), computation, register);
                    try (HeapPeak heap = HeapPeak.start()) {
                        long renderStart = System.nanoTime();
                        ReportService.EditionResult result = reports.render(EditionLoader.load(plan.edition().get()),
                                Optional.empty(), line -> { });
                        double renderSeconds = (System.nanoTime() - renderStart) / 1e9;
                        rendering = Optional.of(new Rendering(result.edition(), result.written().size(),
                                result.failed().size(), renderSeconds, heap.bytes()));
                    }
                }
            }
            return new Result(label, database, outcomes.size(), lines, observations, ingestSeconds, bulkSeconds,
                    peak, computeSeconds, values, computePeak, live, rendering);
        } finally {
            dataSource.destroy();
            if (database == Database.POSTGRES) {
                try (Connection c = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
                     Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (SQLException e) {
                    System.err.println("imon: the benchmark's schema " + schema + " could not be dropped: "
                            + e.getMessage());
                }
            }
            deleteRecursively(folder);
        }
    }

    /** H2's yardstick: the stored rows written as a flat CSV, loaded by {@code CSVREAD}; its seconds. */
    private static double csvread(JdbcTemplate jdbc, Path folder) {
        Path csv = folder.resolve("observations.csv");
        jdbc.execute("CALL CSVWRITE('" + csv + "', 'SELECT delivery_id, variable_id, region_code, reference_date,"
                + " period, figure, marker, source_line FROM observation')");
        // same columns and the same index as the observation table (by delivery), so both loads maintain the same
        // structures
        jdbc.execute("CREATE TABLE observation_bulk AS SELECT * FROM observation WITH NO DATA");
        jdbc.execute("CREATE INDEX observation_bulk_delivery ON observation_bulk (delivery_id)");
        long bulkStart = System.nanoTime();
        jdbc.execute("INSERT INTO observation_bulk (delivery_id, variable_id, region_code, reference_date,"
                + " period, figure, marker, source_line) SELECT * FROM CSVREAD('" + csv + "')");
        return (System.nanoTime() - bulkStart) / 1e9;
    }

    /**
     * PostgreSQL's yardstick: the stored rows copied out ({@code COPY ... TO STDOUT}) into a file, then loaded by
     * {@code COPY ... FROM STDIN} into a table like {@code observation} with its indexes; its seconds.
     */
    private static double copy(JdbcTemplate jdbc, Path folder) {
        Path file = folder.resolve("observations.copy");
        String columns = "delivery_id, variable_id, region_code, reference_date, period, figure, marker, source_line";
        return jdbc.execute((ConnectionCallback<Double>) c -> {
            try {
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                try (OutputStream out = Files.newOutputStream(file)) {
                    copy.copyOut("COPY (SELECT " + columns + " FROM observation) TO STDOUT", out);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE observation_bulk (LIKE observation INCLUDING DEFAULTS INCLUDING"
                            + " CONSTRAINTS INCLUDING INDEXES)");
                }
                long start = System.nanoTime();
                try (InputStream in = Files.newInputStream(file)) {
                    copy.copyIn("COPY observation_bulk (" + columns + ") FROM STDIN", in);
                }
                return (System.nanoTime() - start) / 1e9;
            } catch (IOException e) {
                throw new SQLException("the COPY yardstick failed: " + e.getMessage(), e);
            }
        });
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
