package de.integrationsmonitor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.kernel.ImonSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-process figures come from commands that did their work in a home of their own: the start of
 * {@code imon findings}, and {@code imon ingest} of a zipped flat file, each a JVM of its own (a command that fails
 * ends the benchmark with its exit code instead of giving a figure).
 */
class StartupBenchmarkTest {

    @Test
    void startupAndTheZipIngestAreTimedAsWholeProcessesThatSucceeded(@TempDir Path temp) throws Exception {
        Path zip = temp.resolve("12411-01-01-4_population-by-sex_de_flat.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("12411-01-01-4_population-by-sex_de_flat.csv"));
            out.write(Files.readAllBytes(
                    Path.of("src/test/resources/fixtures/ffcsv/" + "12411-01-01-4_population-by-sex_de_flat.csv")));
            out.closeEntry();
        }
        ImonSettings settings = new ImonSettings(Path.of("").toAbsolutePath(), temp.resolve("unused"));

        List<BenchmarkFigure> figures = new StartupBenchmark(settings).measure(Optional.of(zip));

        assertThat(figures)
                .extracting(BenchmarkFigure::figure)
                .containsExactly("startup_seconds", "ingest_zip_whole_process_seconds");
        assertThat(figures).allSatisfy(f -> assertThat(f.value()).isPositive().isLessThan(600));
        assertThat(figures).extracting(BenchmarkFigure::unit).containsOnly("s");
    }
}
