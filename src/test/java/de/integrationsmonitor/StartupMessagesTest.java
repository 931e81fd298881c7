package de.integrationsmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start-up that fails is one line for the operator, exit 1, whatever failed: {@code bin/imon} as a new JVM. */
@Tag("slow")
class StartupMessagesTest {

    @TempDir
    Path temp;

    record Started(int exit, List<String> err) {}

    Started imon(List<String> properties, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dimon.project=" + Path.of("").toAbsolutePath()));
        command.addAll(properties);
        command.add(Integrationsmonitor.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Started(process.exitValue(), err.lines().toList());
    }

    @Test
    void aDatabaseThatRefusesConnectionsIsNamedByHostAndPort() throws Exception {
        Started started = imon(
                List.of(
                        "-Dimon.home=" + temp,
                        "-Dspring.profiles.active=postgres",
                        "-Dspring.datasource.url=jdbc:postgresql://127.0.0.1:9/test"),
                "ingest",
                "input");

        assertThat(started.exit()).isEqualTo(1);
        assertThat(started.err())
                .singleElement()
                .asString()
                .startsWith(
                        "imon: cannot start: the database at" + " 127.0.0.1:9 cannot be reached (Connection refused)");
    }

    @Test
    void anImonHomeThatCannotBeWrittenIsSaidInOneLine() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve("data"), "a file where the database folder should be");

        Started started = imon(List.of("-Dimon.home=" + home), "ingest", "input");

        assertThat(started.exit()).isEqualTo(1);
        assertThat(started.err())
                .singleElement()
                .asString()
                .startsWith("imon: cannot start: IMON_HOME " + home + " cannot be written (FileAlreadyExistsException");
    }

    @Test
    void anUnknownHostIsSaidSo() {
        assertThat(Integrationsmonitor.startupFailure(
                        new IllegalStateException("pool", new java.net.UnknownHostException("db.invalid")),
                        "jdbc:postgresql://db.invalid/imon"))
                .isEqualTo("the database at db.invalid:5432 cannot be reached (unknown host db.invalid); is it running,"
                        + " and are IMON_DB_URL / IMON_PROFILE right?");
    }
}
