package de.integrationsmonitor.pipeline;

import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.testing.CiServices;
import de.integrationsmonitor.testing.PostgresSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A manager and its workers as separate JVMs on one machine, as on several: every JVM gets the same IMON_HOME (the
 * shared output folder), the same PostgreSQL schema, the same broker and a queue name of its own for this test run,
 * and the same fixed clock. The machinery of the scale-out tests.
 */
final class RemoteCluster {

    /** The same render time in every JVM of a comparison. */
    static final String CLOCK = "2026-12-01T02:30:00Z";

    final Path home;
    final String schema;
    final String queue;
    private final Duration timeout;

    RemoteCluster(Path home, String schema, Duration timeout) {
        this.home = home;
        this.schema = schema;
        this.queue = "imon.test." + schema;
        this.timeout = timeout;
    }

    static boolean rabbitAnswers() {
        boolean answers;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 500);
            answers = true;
        } catch (IOException e) {
            answers = false;
        }
        return CiServices.answers("rabbitmq", answers, "127.0.0.1:5672");
    }

    /** A child JVM running {@code imon ARGS}, its output in a log file. */
    final class Jvm {
        final Process process;
        final Path log;

        Jvm(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        /** Waits until the output holds a line that matches, or the process ended. */
        boolean awaitLine(Predicate<String> line, Duration within) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                if (output().lines().anyMatch(line)) {
                    return true;
                }
                if (!process.isAlive()) {
                    return output().lines().anyMatch(line);
                }
                Thread.sleep(50);
            }
            return false;
        }

        int awaitExit(Duration within) throws InterruptedException, IOException {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("imon did not end within " + within + ":\n" + output());
            }
            return process.exitValue();
        }

        long pid() {
            return process.pid();
        }
    }

    Jvm start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dimon.project=" + Path.of("").toAbsolutePath(),
                "-Dimon.home=" + home,
                // the shipped sample: the inbox of a home of its own would be empty
                "-Dimon.inbox=" + Path.of("input").toAbsolutePath(),
                "-Dspring.profiles.active=postgres",
                "-Dimon.clock.fixed=" + CLOCK,
                "-Dimon.render.partition-size=3",
                "de.integrationsmonitor.Integrationsmonitor"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path log = Files.createTempFile("imon-remote-", ".log");
        builder.redirectOutput(log.toFile());
        builder.environment().put("IMON_DB_URL", PostgresSchema.URL + "?currentSchema=" + schema);
        builder.environment().put("IMON_DB_USER", PostgresSchema.USER);
        builder.environment().put("IMON_REMOTE_QUEUE", queue);
        builder.environment().put("IMON_REMOTE_TIMEOUT", timeout.toString());
        builder.environment().put("IMON_CLOCK_FIXED", CLOCK);
        return new Jvm(builder.start(), log);
    }

    /** A worker that has said it is ready to take partitions. */
    Jvm worker() throws IOException, InterruptedException {
        Jvm worker = start("worker");
        if (!worker.awaitLine(l -> l.contains(" ready: taking partitions"), Duration.ofMinutes(5))) {
            throw new IllegalStateException("the worker did not start:\n" + worker.output());
        }
        return worker;
    }

    /** Runs {@code imon ARGS} to its end; the exit code. */
    int run(Duration within, String... args) throws IOException, InterruptedException {
        Jvm jvm = start(args);
        int exit = jvm.awaitExit(within);
        last = jvm.output();
        return exit;
    }

    /** What the last {@link #run} printed. */
    String last = "";

    /** SHA-256 of every file of a published edition folder. */
    static Map<String, String> edition(Path home, String edition) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path folder = home.resolve("output").resolve(edition);
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path f : paths.filter(Files::isRegularFile).toList()) {
                files.put(f.getFileName().toString(), Sha256.of(f));
            }
        }
        return files;
    }

    /** One execution of a render partition as the job repository records it. */
    record PartitionRun(long id, String partition, String status, String worker) {}

    /** Every execution of a render partition, with the worker that ran it ("" where none did). */
    List<PartitionRun> renderPartitions() throws SQLException, IOException, ClassNotFoundException {
        List<PartitionRun> runs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                        PostgresSchema.URL + "?currentSchema=" + schema, PostgresSchema.USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT e.STEP_EXECUTION_ID, e.STEP_NAME, e.STATUS, x.SHORT_CONTEXT,"
                        + " x.SERIALIZED_CONTEXT FROM BATCH_STEP_EXECUTION e JOIN BATCH_STEP_EXECUTION_CONTEXT x"
                        + " ON x.STEP_EXECUTION_ID = e.STEP_EXECUTION_ID WHERE e.STEP_NAME LIKE 'render-units:%'"
                        + " ORDER BY e.STEP_EXECUTION_ID")) {
            while (rs.next()) {
                String serialized = rs.getString(5) != null ? rs.getString(5) : rs.getString(4);
                Map<?, ?> context = context(serialized);
                Object worker = context.get("partition.worker");
                runs.add(new PartitionRun(
                        rs.getLong(1), rs.getString(2), rs.getString(3), worker == null ? "" : worker.toString()));
            }
        }
        return runs;
    }

    /** Spring Batch's default serialisation of an execution context: a Java-serialised map in Base64. */
    private static Map<?, ?> context(String serialized) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(serialized.getBytes(StandardCharsets.UTF_8))))) {
            return (Map<?, ?>) in.readObject();
        }
    }
}
