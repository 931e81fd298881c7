package de.integrationsmonitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.integrationsmonitor.cli.ImonCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * The nightly run fetches the configured sources first when credentials are set, and its summary says per table
 * what fetching gave; against a real HTTP server on loopback replaying the project's own recordings.
 */
@SpringBootTest
class NightlyFetchTest {

    static final GenesisReplay REPLAY = new GenesisReplay(
            Cassette.own("12411-01-01-4.yaml"), Cassette.own("status-codes.yaml"), Cassette.own("modifieddata.yaml"));

    @TempDir
    static Path project;

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(project.resolve("jobs/catalogue"));
        Files.createDirectories(project.resolve("jobs/register"));
        for (String file : new String[] {"kreise.csv", "laender.csv", "kreis-nachfolge.csv"}) {
            Files.copy(
                    Path.of("jobs/register", file),
                    project.resolve("jobs/register").resolve(file));
        }
        for (String file : new String[] {"pruefregeln.yml", "indikatoren.yml"}) {
            Files.copy(
                    Path.of("jobs/catalogue", file),
                    project.resolve("jobs/catalogue").resolve(file));
        }
        Files.writeString(project.resolve("jobs/quellen.yml"), """
                sources:
                  - {table: 12411-01-01-4, database: regionalstatistik}
                  - {table: 63121-0001, database: genesis}
                """);
        registry.add("imon.project", project::toString);
        registry.add("imon.home", home::toString);
        registry.add("IMON_GENESIS_URL", REPLAY::baseUrl);
        registry.add("IMON_GENESIS_TOKEN", () -> "tok-nightly-5be0c1d9a8");
        registry.add("IMON_GENESIS_POLL_SECONDS", () -> "0.001");
        registry.add("IMON_GENESIS_RETRIES", () -> "0");
    }

    @AfterAll
    static void stop() throws IOException {
        REPLAY.close();
    }

    @Autowired
    CommandLine.IFactory factory;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNightWithCredentialsFetchesTheSourcesIngestsThemAndSaysPerTableWhatItGave() throws IOException {
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Path editions = Files.createDirectories(home.resolve("editions"));

        int exit = ImonCommand.commandLine(factory)
                .execute(
                        "nightly",
                        "--inbox",
                        inbox.toString(),
                        "--editions",
                        editions.toString(),
                        "--run-date",
                        "2026-12-01");

        assertThat(exit).isZero();
        assertThat(jdbc.queryForList("SELECT table_code FROM delivery", String.class))
                .containsExactly("12411-01-01-4");
        Path json;
        try (Stream<Path> files = Files.list(home.resolve("output/laeufe"))) {
            json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertThat(summary.get("fetched").findValuesAsText("result")).containsExactly("fetched", "no data");
        assertThat(summary.get("takenIn").findValuesAsText("table")).containsExactly("12411-01-01-4");
        assertThat(summary.get("steps").findValuesAsText("name").get(0)).isEqualTo("fetch");
        assertThat(Files.readString(json)).doesNotContain("tok-nightly-5be0c1d9a8");
    }
}
