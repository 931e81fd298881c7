package de.integrationsmonitor.benchmark;

import de.integrationsmonitor.kernel.ImonSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a user waits for, whole process: {@code imon findings} on an existing home ({@code startup_seconds}, the
 * median of three; the home made by one untimed run before, which also leaves the class-data-sharing archive
 * {@code bin/imon} makes) and {@code imon ingest} of the protection-seekers ZIP into that home
 * ({@code ingest_zip_whole_process_seconds}, wall clock from the launch to the exit). Each command runs as the user
 * runs it: through {@code bin/imon} (its path is {@code imon.launcher}, set by {@code bin/imon}), on the embedded
 * H2 in a temporary IMON_HOME with this installation's jobs/ and templates/; without a launcher (a test, an IDE) as
 * {@code java} on this JVM's class path.
 */
public final class StartupBenchmark {

    private final ImonSettings settings;

    public StartupBenchmark(ImonSettings settings) {
        this.settings = settings;
    }

    public List<BenchmarkFigure> measure(Optional<Path> zip) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("imon-startup-");
        try {
            copy(settings.jobs(), home.resolve("jobs"));
            copy(settings.templates(), home.resolve("templates"));
            run(home, List.of("findings")); // the home (database, schema) and the CDS archive, untimed
            List<Double> starts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                starts.add(run(home, List.of("findings")));
            }
            starts.sort(Comparator.naturalOrder());
            List<BenchmarkFigure> figures = new ArrayList<>();
            figures.add(new BenchmarkFigure("startup_seconds", starts.get(1), "s"));
            if (zip.isPresent()) {
                figures.add(new BenchmarkFigure(
                        "ingest_zip_whole_process_seconds",
                        run(home, List.of("ingest", zip.get().toAbsolutePath().toString())),
                        "s"));
            }
            return figures;
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Wall seconds from the launch of the command to its exit; a command that fails is an error. */
    private double run(Path home, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String launcher = System.getProperty("imon.launcher", "");
        if (!launcher.isBlank() && Files.isExecutable(Path.of(launcher))) {
            command.add(launcher);
        } else {
            command.addAll(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-Dimon.project=" + settings.project(),
                    "-Dimon.home=" + home,
                    "de.integrationsmonitor.Integrationsmonitor"));
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("IMON_HOME", home.toString());
        environment.remove("IMON_PROFILE"); // the embedded database of the temporary home
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("imon " + String.join(" ", args) + " took more than 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("imon " + String.join(" ", args) + " exited " + process.exitValue()
                    + " in the temporary home " + home);
        }
        return seconds;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
