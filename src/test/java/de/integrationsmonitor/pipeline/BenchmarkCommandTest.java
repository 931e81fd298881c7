package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.testing.Imon.Run;
import de.integrationsmonitor.testing.PostgresSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imon benchmark --format csv} on a tiny corpus of fixtures prints every figure it names, each a number
 * with its unit; the figures of PostgreSQL when it answers. Speed itself is never asserted.
 */
class BenchmarkCommandTest extends CommandLineTest {

    @Test
    void csvPrintsOneRowPerNamedFigure(@TempDir Path corpus) throws IOException {
        Path fixtures = Path.of("src/test/resources/fixtures").toAbsolutePath();
        Files.createDirectories(corpus.resolve("classic"));
        Files.createDirectories(corpus.resolve("ffcsv"));
        Files.copy(
                fixtures.resolve("classic/period-column-age-groups.csv"),
                corpus.resolve("classic/period-column-age-groups.csv"));
        Files.copy(
                fixtures.resolve("classic/wide-layout-two-dates.csv"),
                corpus.resolve("classic/wide-layout-two-dates.csv"));
        try (OutputStream file = Files.newOutputStream(corpus.resolve("ffcsv/12531-0043_de_flat.zip"));
                ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("12531-0043_1_flat.csv"));
            zip.write(Files.readAllBytes(fixtures.resolve("ffcsv/12531-0043_rejected-lines_de_flat.csv")));
            zip.closeEntry();
        }

        Run run = imon(
                "benchmark", "--corpus", corpus.toString(), "--edition", "none", "--format", "csv", "--synthetic", "1");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("figure,value,unit");
        Map<String, String[]> figures = new LinkedHashMap<>();
        lines.stream().skip(1).forEach(line -> figures.put(line.split(",")[0], line.split(",", -1)));
        List<String> expected = new ArrayList<>(List.of(
                "ingest_ratio_h2",
                "ingest_ratio_h2_zip",
                "ingest_observations_per_s",
                "ingest_peak_heap_mib",
                "compute_seconds",
                "synthetic_1_seconds_per_million",
                "synthetic_1_peak_heap_mib",
                "synthetic_1_observations",
                "synthetic_1_indicator_values"));
        if (PostgresSchema.answers()) {
            expected.addAll(List.of(
                    "ingest_ratio_postgres",
                    "synthetic_1_seconds_per_million_postgres",
                    "synthetic_1_peak_heap_mib_postgres"));
        } else {
            assertThat(run.err()).contains("PostgreSQL skipped");
        }
        assertThat(figures).containsKeys(expected.toArray(String[]::new));
        for (String name : expected) {
            String[] row = figures.get(name);
            assertThat(row).as(name).hasSize(3);
            assertThat(Double.parseDouble(row[1])).as(name).isPositive().isFinite();
            assertThat(row[2]).as(name).isNotBlank();
        }
        assertThat(figures.get("ingest_peak_heap_mib")[2]).isEqualTo("MiB");
        assertThat(figures.get("ingest_ratio_h2")[2]).isEqualTo("ratio");
        // the synthetic extracts give the catalogue something to compute: protection seekers per 1,000
        // inhabitants and the share recognised, for every Kreis of each year of the files (about 400 a year)
        assertThat(Double.parseDouble(figures.get("synthetic_1_indicator_values")[1]))
                .isGreaterThan(2 * 400);
    }
}
