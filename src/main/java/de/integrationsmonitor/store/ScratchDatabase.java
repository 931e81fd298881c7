package de.integrationsmonitor.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import java.util.Comparator;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A throw-away database for the benchmark: an embedded H2 in a temporary folder, or a schema of its own in the
 * PostgreSQL of {@code IMON_DB_URL} (default 127.0.0.1:5432/test), migrated as the application's, with the
 * repositories over it; closing it drops the schema and deletes the folder. The user's store is never touched. The
 * benchmark measures the domain services over it; every line of SQL it needs stays here.
 */
public final class ScratchDatabase implements AutoCloseable {

    /** The database a measurement runs on. */
    public enum Kind {
        H2,
        POSTGRES
    }

    private final Kind kind;
    private final Path folder;
    private final String schema;
    private final DataSource dataSource;
    private final AutoCloseable closer;
    private final JdbcTemplate jdbc;
    private final DeliveryRepository deliveries;
    private final ObservationRepository observations;
    private final FindingRepository findings;
    private final IndicatorRepository indicators;

    private ScratchDatabase(Kind kind, Path folder, String schema, DataSource dataSource, AutoCloseable closer) {
        this.kind = kind;
        this.folder = folder;
        this.schema = schema;
        this.dataSource = dataSource;
        this.closer = closer;
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(
                        "classpath:db/migration/common",
                        kind == Kind.H2 ? "classpath:db/migration/h2" : "classpath:db/migration/postgresql");
        if (kind == Kind.POSTGRES) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        flyway.load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.deliveries = new DeliveryRepository(jdbc);
        this.observations = new ObservationRepository(jdbc);
        this.findings = new FindingRepository(jdbc);
        this.indicators = new IndicatorRepository(jdbc);
    }

    /**
     * An embedded H2 with a pool of connections, as the application has: render threads and the version ledger's
     * own transactions each need a connection of their own.
     */
    public static ScratchDatabase pooledH2() throws IOException {
        Path folder = Files.createTempDirectory("imon-benchmark-");
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(h2Url(folder));
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(8);
        pool.setPoolName("imon-benchmark");
        HikariDataSource dataSource = new HikariDataSource(pool);
        return opened(Kind.H2, folder, "", dataSource, dataSource::close);
    }

    /** An embedded H2 or a fresh PostgreSQL schema on one connection, as the ingest benchmark measures them. */
    public static ScratchDatabase singleConnection(Kind kind) throws IOException {
        Path folder = Files.createTempDirectory("imon-benchmark-");
        String schema = "imon_benchmark_" + Long.toString(System.nanoTime(), 36);
        SingleConnectionDataSource dataSource;
        if (kind == Kind.H2) {
            dataSource = new SingleConnectionDataSource(h2Url(folder), "sa", "", true);
        } else {
            try (Connection c = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
                    Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                deleteRecursively(folder);
                throw new IOException("cannot create the schema " + schema + ": " + e.getMessage(), e);
            }
            String url = postgresUrl();
            dataSource = new SingleConnectionDataSource(
                    url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    postgresUser(),
                    postgresPassword(),
                    true);
        }
        return opened(kind, folder, schema, dataSource, dataSource::destroy);
    }

    private static ScratchDatabase opened(
            Kind kind, Path folder, String schema, DataSource dataSource, AutoCloseable closer) throws IOException {
        try {
            return new ScratchDatabase(kind, folder, schema, dataSource, closer);
        } catch (RuntimeException e) {
            new ScratchDatabase.Remains(kind, folder, schema, closer).close();
            throw e;
        }
    }

    private static String h2Url(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
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
            return Optional.of(
                    "PostgreSQL does not answer at " + url + " (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null
                                    ? ""
                                    : ": " + e.getMessage().lines().findFirst().orElse("")) + ")");
        }
    }

    private static String postgresUrl() {
        return Optional.ofNullable(System.getenv("IMON_DB_URL"))
                .filter(u -> u.startsWith("jdbc:postgresql:"))
                .orElse("jdbc:postgresql://127.0.0.1:5432/test");
    }

    private static String postgresUser() {
        return Optional.ofNullable(System.getenv("IMON_DB_USER")).orElse("postgres");
    }

    private static String postgresPassword() {
        return Optional.ofNullable(System.getenv("IMON_DB_PASSWORD")).orElse("");
    }

    public Kind kind() {
        return kind;
    }

    /** A folder of its own beside the database, for output the benchmark writes. */
    public Path folder() {
        return folder;
    }

    public DeliveryRepository deliveries() {
        return deliveries;
    }

    public ObservationRepository observations() {
        return observations;
    }

    public FindingRepository findings() {
        return findings;
    }

    public IndicatorRepository indicators() {
        return indicators;
    }

    /** The audit log, the report versions and the archive of inputs, in transactions of their own. */
    public AuditRepository audit() {
        return new AuditRepository(jdbc, transactionManager());
    }

    public PlatformTransactionManager transactionManager() {
        return new DataSourceTransactionManager(dataSource);
    }

    /** One file, one transaction of its own, as the application's {@code fileTransaction}. */
    public TransactionTemplate fileTransaction() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager());
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return transaction;
    }

    /** The rows of a table of the schema (e.g. {@code observation}, {@code report_version}). */
    public long rows(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /**
     * The yardstick of the ingest: the stored observations written out flat and loaded back by the database's own
     * bulk load into a table like {@code observation} with the same index; its seconds. H2 writes a CSV and reads it
     * by {@code CSVREAD}; PostgreSQL copies out and in by {@code COPY}.
     */
    public double bulkLoadSeconds() {
        return kind == Kind.H2 ? csvread() : copy();
    }

    private double csvread() {
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

    private double copy() {
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

    @Override
    public void close() throws IOException {
        new Remains(kind, folder, schema, closer).close();
    }

    /** What is left to clean up: the connections, the PostgreSQL schema, the folder. */
    private record Remains(Kind kind, Path folder, String schema, AutoCloseable closer) {

        void close() throws IOException {
            try {
                closer.close();
            } catch (Exception e) {
                // the connections go with the process; the schema and the folder are still removed
            }
            if (kind == Kind.POSTGRES) {
                try (Connection c = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
                        Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (SQLException e) {
                    System.err.println(
                            "imon: the benchmark's schema " + schema + " could not be dropped: " + e.getMessage());
                }
            }
            deleteRecursively(folder);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
