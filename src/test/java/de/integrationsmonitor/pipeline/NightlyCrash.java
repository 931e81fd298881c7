package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.testing.PostgresSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@code imon nightly} in child JVMs, as a scheduler does, and kills them with SIGKILL: the machinery of the
 * crash tests. A night is run once without interruption in one home; in a second home it is killed at random points
 * (chosen from a printed seed) and started again until it completes; then the stored observations per delivery, the
 * indicator values, every PDF and the manifest of both homes are compared.
 */
final class NightlyCrash {

    /** Where a night runs: its home, its database (an H2 file below the home, or a PostgreSQL schema). */
    record Home(Path path, String postgresSchema) {

        String jdbcUrl() {
            // not read-only: a database left by a killed process is recovered when it is opened
            return postgresSchema == null
                    ? "jdbc:h2:file:" + path.resolve("data/imon")
                    : PostgresSchema.URL + "?currentSchema=" + postgresSchema;
        }
    }

    /** What happened to one start of the child: its exit code (or killed), after how long, and what it printed. */
    record Start(int exit, boolean killed, Duration after, String output) {}

    private final Path inbox;
    private final Path editions;
    private final String runDate;

    NightlyCrash(Path inbox, Path editions, String runDate) {
        this.inbox = inbox;
        this.editions = editions;
        this.runDate = runDate;
    }

    /**
     * Where to kill a run: once it has written {@code progressLines} lines of progress (files taken in, reports
     * rendered: the lines of the "imon" logger), and {@code extraMillis} later. Counting progress rather than time
     * lands the kill inside the run however loaded the machine is.
     */
    record KillPoint(int progressLines, long extraMillis) {}

    /** The clock of every run of the crash test (each run is its own process and database). */
    static final String RENDER_TIME = "2026-12-01T02:30:00Z";

    /** A run to its end: no kill. */
    static final KillPoint NEVER = new KillPoint(Integer.MAX_VALUE, 0);

    /** Starts the nightly run in a child JVM; kills it with SIGKILL at the kill point unless it ended before. */
    Start start(Home home, KillPoint kill) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dimon.project=" + Path.of("").toAbsolutePath(),
                "-Dimon.home=" + home.path(),
                // the interrupted and the uninterrupted night must give the same PDFs: the same render time
                "-Dimon.clock.fixed=" + RENDER_TIME));
        if (home.postgresSchema() != null) {
            command.add("-Dspring.profiles.active=postgres");
        }
        command.addAll(List.of(
                "de.integrationsmonitor.Integrationsmonitor",
                "nightly",
                "--inbox",
                inbox.toString(),
                "--editions",
                editions.toString(),
                "--run-date",
                runDate));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path log = Files.createTempFile("imon-nightly-", ".log");
        builder.redirectOutput(log.toFile());
        if (home.postgresSchema() != null) {
            builder.environment().put("IMON_DB_URL", home.jdbcUrl());
        }
        long started = System.nanoTime();
        Process process = builder.start();
        boolean killed = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
            if (progressLines(Files.readString(log, StandardCharsets.UTF_8)) >= kill.progressLines()) {
                if (!process.waitFor(kill.extraMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no rollback by the process
                    process.waitFor();
                    killed = true;
                }
                break;
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the nightly run did not end within 30 minutes");
            }
        }
        Duration after = Duration.ofNanos(System.nanoTime() - started);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Start(killed ? -9 : process.exitValue(), killed, after, output);
    }

    /** The lines of progress a run printed: what the kill points count. */
    static int progressLines(String output) {
        return (int) output.lines().filter(l -> l.contains(" imon: ")).count();
    }

    /** Runs the night to its end without interruption. */
    Start uninterrupted(Home home) throws IOException, InterruptedException {
        return start(home, NEVER);
    }

    /**
     * Kill points within the first {@code lines} lines of progress (the number an uninterrupted run printed), from a
     * seed printed so that a failure can be repeated.
     */
    static List<KillPoint> killPoints(long seed, int count, int lines) {
        Random random = new Random(seed);
        List<KillPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new KillPoint(1 + random.nextInt(Math.max(1, lines - 1)), random.nextInt(400)));
        }
        return points;
    }

    /**
     * What must be identical after an interrupted and an uninterrupted night: per delivery (by its SHA-256) a digest
     * of its observations and quarantined lines, a digest of the latest computation's values, and the SHA-256 of every
     * file of the published edition folders.
     */
    static Map<String, String> state(Home home) throws SQLException, IOException {
        Map<String, String> state = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(
                        home.jdbcUrl(), home.postgresSchema() == null ? "sa" : PostgresSchema.USER, "");
                Statement s = c.createStatement()) {
            Map<Long, String> deliveries = new TreeMap<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT id, sha256, rows_read, rows_stored, rows_rejected," + " rows_skipped FROM delivery")) {
                while (rs.next()) {
                    deliveries.put(rs.getLong(1), rs.getString(2));
                    state.put(
                            "delivery " + rs.getString(2),
                            rs.getLong(3) + "/" + rs.getLong(4) + "/" + rs.getLong(5) + "/" + rs.getLong(6));
                }
            }
            for (Map.Entry<Long, String> d : deliveries.entrySet()) {
                state.put(
                        "observations of " + d.getValue(),
                        digest(
                                s,
                                "SELECT v.table_code, v.path, v.unit,"
                                        + " o.region_code, o.reference_date, o.period, o.figure, o.marker, o.source_line FROM observation"
                                        + " o JOIN variable v ON v.id = o.variable_id WHERE o.delivery_id = "
                                        + d.getKey()));
                state.put(
                        "quarantine of " + d.getValue(),
                        digest(
                                s,
                                "SELECT source_line, disposition, reason FROM" + " rejected_line WHERE delivery_id = "
                                        + d.getKey()));
            }
            state.put(
                    "indicator values",
                    digest(
                            s,
                            "SELECT indicator_id, region_code, reference_date, period, figure,"
                                    + " marker, numerator, denominator, small_base, land_value, germany_value, rank_in_land,"
                                    + " kreise_in_land, change_5y, cluster FROM indicator_value WHERE computation_id ="
                                    + " (SELECT MAX(id) FROM computation)"));
        }
        Path output = home.path().resolve("output");
        try (Stream<Path> files = Files.walk(output)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String relative = output.relativize(f).toString();
                if (!relative.startsWith("laeufe") && !relative.equals("pruefbericht.txt")) {
                    state.put("file " + relative, Sha256.of(f));
                }
            }
        }
        return state;
    }

    /** A digest of a query's rows, independent of their order and of how the database writes numbers. */
    private static String digest(Statement s, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.append(
                                    value instanceof BigDecimal b
                                            ? b.stripTrailingZeros().toPlainString()
                                            : String.valueOf(value))
                            .append('|');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        MessageDigest digest = Sha256.digest();
        rows.forEach(r -> digest.update((r + "\n").getBytes(StandardCharsets.UTF_8)));
        return rows.size() + " rows " + Sha256.hex(digest);
    }

    /** No staging folder, swapped-out folder or unfinished file is left in the output. */
    static void assertNoLeftovers(Home home) throws IOException {
        Path output = home.path().resolve("output");
        assertThat(output.resolve(".staging")).doesNotExist();
        assertThat(output.resolve(".previous")).doesNotExist();
        try (Stream<Path> files = Files.walk(output)) {
            assertThat(files.map(Path::toString)
                            .filter(p -> p.endsWith(".part"))
                            .toList())
                    .isEmpty();
        }
    }
}
