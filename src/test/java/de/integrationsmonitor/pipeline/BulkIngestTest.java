package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.testing.Imon.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bulk-load paths (H2 multi-row inserts, PostgreSQL COPY, the consistency pass over the cells kept while
 * storing) store what the row-by-row path of before stored: every fixture ingested in one call gives, table by
 * table, the same {@code observations --format csv} and the same findings as the expected files, which were written
 * by the earlier version from the same fixtures. {@link PostgresBulkIngestTest} runs it on PostgreSQL.
 */
class BulkIngestTest extends CommandLineTest {

    static final Path ROOT = Path.of("src/test/resources/fixtures").toAbsolutePath();
    static final Path EXPECTED = Path.of("src/test/resources/expected/ingest").toAbsolutePath();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFixturesAreStoredAsTheEarlierVersionStoredThem() throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "ingest",
                ROOT.resolve("classic").toString(),
                ROOT.resolve("ffcsv").toString(),
                ROOT.resolve("reform").toString()));
        try (Stream<Path> hostile = Files.list(ROOT.resolve("hostile"))) {
            hostile.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .map(Path::toString)
                    .sorted()
                    .forEach(args::add);
        }

        java.time.LocalDate before = java.time.LocalDate.now();
        Run ingest = imon(args.toArray(String[]::new));
        java.time.LocalDate after = java.time.LocalDate.now();

        assertThat(ingest.exit()).isEqualTo(2); // the hostile files among them are refused, the others stored
        assertThat(ingest.out().strip()).isEqualTo(read("ingest.txt").strip());
        List<String> tables =
                jdbc.queryForList("SELECT DISTINCT table_code FROM delivery ORDER BY table_code", String.class);
        try (Stream<Path> expected = Files.list(EXPECTED)) {
            assertThat(tables)
                    .containsExactlyInAnyOrderElementsOf(
                            expected.map(p -> p.getFileName().toString())
                                    .filter(n -> n.startsWith("obs-"))
                                    .map(n -> n.substring(4, n.length() - 4))
                                    .toList());
        }
        for (String table : tables) {
            Run observations = imon("observations", "--table", table, "--format", "csv");
            assertThat(observations.exit()).isZero();
            assertThat(observations.out())
                    .as("observations of table %s", table)
                    .isEqualTo(read("obs-" + table + ".csv"));
        }
        Run findings = imon("findings", "--format", "csv", "--with-skipped");
        assertThat(findings.exit()).isZero();
        // findings of one line and rule come in the order of the database's choosing: compared as sorted lines
        List<String> lines = new ArrayList<>(findings.out().lines().toList());
        List<String> sorted = new ArrayList<>(lines.subList(1, lines.size()));
        sorted.sort(null);
        sorted.add(0, lines.get(0));
        // a Stand in the future is named with the day of the ingest, which the expected file cannot know
        java.time.format.DateTimeFormatter german = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
        List<String> expected = read("findings-sorted.csv")
                .lines()
                .map(line ->
                        line.replace("(ingested on {day of the ingest})", "(ingested on " + german.format(after) + ")"))
                .toList();
        if (!before.equals(after)) { // the ingest ran over midnight
            sorted.replaceAll(line -> line.replace(
                    "(ingested on " + german.format(before) + ")", "(ingested on " + german.format(after) + ")"));
        }
        assertThat(sorted).isEqualTo(expected);
    }

    private static String read(String name) throws IOException {
        return Files.readString(EXPECTED.resolve(name), StandardCharsets.UTF_8);
    }
}
