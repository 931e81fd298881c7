package de.integrationsmonitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.cli.ImonCommand;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.TableDownloadRepository;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * {@code bin/imon fetch} end to end on the embedded H2 default, against a real HTTP server on loopback replaying
 * the project's own recordings: what is printed, stored and remembered, the exit codes, and that the credentials go
 * nowhere but the request headers (not in a URL, a body, the database, the output or the log, which runs at DEBUG
 * with the JDBC parameter values at TRACE).
 */
@SpringBootTest(
        properties = {"logging.level.de.integrationsmonitor=DEBUG", "logging.level.org.springframework.jdbc.core=TRACE"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class FetchCommandTest {

    static final String TOKEN = "tok-rdb-5be0c1d9a8";
    static final String USER = "DE7Q3K2L";
    static final String PASSWORD = "pw-genesis-91f3e2aa";
    static final String GENESIS_PATH = "/genesisWS/rest/2020/";

    static final GenesisReplay REPLAY = new GenesisReplay(
            Cassette.own("12411-01-01-4.yaml"),
            Cassette.own("12531-0043.yaml"),
            Cassette.own("status-codes.yaml"),
            Cassette.own("AI-N-01-2-5.yaml"),
            Cassette.own("modifieddata.yaml"),
            Cassette.own("13111-01-03-4.yaml"));

    @TempDir
    static Path project;

    @TempDir
    static Path home;

    static volatile String baseUrl = REPLAY.baseUrl();
    static volatile String token = TOKEN;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(project.resolve("jobs/catalogue"));
        Files.createDirectories(project.resolve("jobs/register"));
        for (String file : new String[] {"kreise.csv", "laender.csv", "kreis-nachfolge.csv"}) {
            Files.copy(
                    Path.of("jobs/register", file),
                    project.resolve("jobs/register").resolve(file));
        }
        Files.copy(Path.of("jobs/catalogue/pruefregeln.yml"), project.resolve("jobs/catalogue/pruefregeln.yml"));
        registry.add("imon.project", project::toString);
        registry.add("imon.home", home::toString);
        registry.add("IMON_GENESIS_URL", () -> baseUrl);
        // GENESIS-Online at its own path, as the offices have it: the path of a request tells its database
        registry.add("IMON_GENESIS_URL_GENESIS", () -> REPLAY.baseUrl(GENESIS_PATH));
        registry.add("IMON_GENESIS_TOKEN", () -> token);
        registry.add("IMON_GENESIS_USER_GENESIS", () -> token == null ? null : USER);
        registry.add("IMON_GENESIS_PASSWORD_GENESIS", () -> token == null ? null : PASSWORD);
        registry.add("IMON_GENESIS_POLL_SECONDS", () -> "0.001");
        registry.add("IMON_GENESIS_BACKOFF_SECONDS", () -> "0.001");
        registry.add("IMON_GENESIS_RETRIES", () -> "1");
        // a Landesdatenbank beside the built-in databases (its URL, as every database's, moved to the test server)
        registry.add("IMON_GENESIS_DATABASES", () -> "nrw=https://www.landesdatenbank.nrw.de/ldbnrwws/rest/2020/");
    }

    @AfterAll
    static void stop() throws IOException {
        REPLAY.close();
    }

    @Autowired
    CommandLine.IFactory factory;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    TableDownloadRepository downloads;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void sources() throws IOException {
        Files.writeString(project.resolve("jobs/quellen.yml"), """
                sources:
                  - {table: 12411-01-01-4, database: regionalstatistik}
                  - {table: 12531-0043, database: genesis}
                  - {table: 63121-0001, database: genesis}
                  - {table: AI-N-01-2-5, database: regionalstatistik}
                """);
        baseUrl = REPLAY.baseUrl();
        token = TOKEN;
    }

    int imon(String... args) {
        return ImonCommand.commandLine(factory).execute(args);
    }

    static void noSecretIn(CapturedOutput output) {
        assertThat(output.getAll())
                .doesNotContain(TOKEN)
                .doesNotContain(PASSWORD)
                .doesNotContain(USER);
    }

    @Test
    @Order(1)
    @DisplayName("every source of jobs/quellen.yml: downloaded into the inbox, ingested under its table code")
    void fetchesTheConfiguredSources(CapturedOutput output) {
        int exit = imon("fetch");

        assertThat(exit).isZero();
        assertThat(output.getOut())
                .contains(
                        "12411-01-01-4 (regionalstatistik): downloaded 12411-01-01-4_1773175772751_de_flat.zip",
                        "12531-0043 (genesis): too large for a direct download",
                        "12531-0043 (genesis): job 12531-0043_171717171 done after 4 polls",
                        "63121-0001 (genesis): no data for this selection",
                        "AI-N-01-2-5 (regionalstatistik): downloaded AI-N-01-2-5_1773175799999_de_flat.zip",
                        "fetch: 3 fetched, 0 unchanged, 1 no data, 0 failed, 0 refused");
        assertThat(deliveries.all())
                .extracting(d -> d.tableCode() + " " + d.fileName())
                .containsExactly(
                        "12411-01-01-4 12411-01-01-4_1773175772751_de_flat.zip",
                        "12531-0043 12531-0043_171717171_flat.zip",
                        "AI-N-01-2-5 AI-N-01-2-5_1773175799999_de_flat.zip");
        assertThat(home.resolve("input/12531-0043_171717171_flat.zip")).isRegularFile();
        assertThat(downloads.lastDownload(Database.GENESIS, "12531-0043", "de")).isPresent();
        assertThat(downloads.lastDownload(Database.GENESIS, "63121-0001", "de")).isEmpty();
        noSecretIn(output);
    }

    @Test
    @Order(2)
    @DisplayName("a table unchanged since its last download is not downloaded: 'unchanged since 03.11.2026'")
    void unchangedSinceLastDownload(CapturedOutput output) {
        downloads.recordDownload(new FetchLog.Download(
                Database.REGIONALSTATISTIK,
                "13111-01-03-4",
                "de",
                LocalDateTime.of(2026, 11, 3, 2, 30),
                "13111-01-03-4_de_flat.zip",
                "a".repeat(64),
                Optional.empty(),
                Optional.empty()));
        int requests = REPLAY.requests().size();

        int exit = imon("fetch", "13111-01-03-4", "--database", "regionalstatistik");

        assertThat(exit).isZero();
        assertThat(output.getOut())
                .contains(
                        "13111-01-03-4 (regionalstatistik): unchanged since 03.11.2026",
                        "fetch: 0 fetched, 1 unchanged");
        assertThat(REPLAY.requests().subList(requests, REPLAY.requests().size()))
                .extracting(GenesisReplay.Seen::method)
                .containsExactly("catalogue/modifieddata");
        noSecretIn(output);
    }

    @Test
    @Order(2)
    @DisplayName("a table code of the Regionaldatenbank's form that quellen.yml does not list needs no --database;"
            + " another form still does")
    void regionaldatenbankTableWithoutDatabase(CapturedOutput output) {
        // asked of the Regionaldatenbank (the test server has no recording of this table, so it fails there)
        int exit = imon("fetch", "99999-01-01-4", "--force");

        assertThat(exit).as(output.getAll()).isEqualTo(1);
        assertThat(output.getOut())
                .contains("FAILED 99999-01-01-4 (regionalstatistik): Regionaldatenbank Deutschland (");
        assertThat(REPLAY.requests("data/tablefile"))
                .last()
                .satisfies(r -> assertThat(r.form()).containsEntry("name", "99999-01-01-4"));

        assertThat(imon("fetch", "12531-0044")).isEqualTo(2);
        assertThat(output.getOut()).contains("REFUSED 12531-0044: not listed in");

        assertThat(imon("fetch", "12411-0044", "--database", "nrw")).isEqualTo(1);
        assertThat(output.getOut())
                .contains("FAILED 12411-0044 (nrw): GENESIS database nrw" + " (www.landesdatenbank.nrw.de) (");
        assertThat(REPLAY.requests("data/tablefile"))
                .last()
                .satisfies(r -> assertThat(r.form()).containsEntry("name", "12411-0044"));
    }

    @Test
    @Order(3)
    @DisplayName("status 22: the table is stored, the office's warning kept with its delivery and printed")
    void adjustedRequestKeepsTheWarning(CapturedOutput output) throws IOException {
        Files.writeString(project.resolve("jobs/quellen.yml"), """
                sources:
                  - {table: 13111-01-03-4, database: regionalstatistik, start_year: 1990}
                """);

        int exit = imon("fetch", "--force");

        assertThat(exit).isZero();
        assertThat(output.getOut())
                .contains(
                        "13111-01-03-4 (regionalstatistik): downloaded 13111-01-03-4_de_flat.csv",
                        "; the office adjusted the request: erfolgreich mit Parameteranpassung: startyear 1990 auf 2025"
                                + " gesetzt");
        assertThat(REPLAY.requests("data/tablefile"))
                .last()
                .satisfies(r -> assertThat(r.form()).containsEntry("startyear", "1990"));
        long delivery = deliveries.all().stream()
                .filter(d -> d.tableCode().equals("13111-01-03-4"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(downloads.officeWarnings(delivery))
                .containsExactly("erfolgreich mit Parameteranpassung: startyear 1990 auf 2025 gesetzt");
    }

    @Test
    @Order(4)
    @DisplayName("exit 2 when a table is refused (no such table, a wrong entry), the others still fetched")
    void refusedExitsTwo(CapturedOutput output) throws IOException {
        Files.writeString(project.resolve("jobs/quellen.yml"), """
                sources:
                  - {table: 12411-99-99-9, database: genesis}
                  - {table: 12411-01-01-4, database: destatis}
                  - {table: 12411-01-01-4, database: regionalstatistik, language: en}
                """);

        int exit = imon("fetch");

        assertThat(exit).isEqualTo(2);
        assertThat(output.getOut())
                .contains(
                        "REFUSED 12411-99-99-9 (genesis): the GENESIS-Online (Destatis) has no"
                                + " table 12411-99-99-9",
                        "REFUSED 12411-01-01-4: " + project.resolve("jobs/quellen.yml") + ": source 2 (12411-01-01-4):"
                                + " database is 'destatis'; allowed: regionalstatistik, genesis, zensus",
                        "12411-01-01-4 (regionalstatistik): downloaded 12411-01-01-4_1773175790049_en_flat.zip");
        assertThat(output.getErr()).contains("imon: 2 of 3 tables refused; the lines above say why");
        noSecretIn(output);
    }

    @Test
    @Order(5)
    @DisplayName("exit 1 when a table could not be fetched: the office's error, or a service that cannot be reached")
    void failedExitsOne(CapturedOutput output) throws IOException {
        assertThat(imon("fetch", "61111-0021", "--database", "genesis")).isEqualTo(1);
        assertThat(output.getOut()).contains("FAILED 61111-0021 (genesis): the office reports an error: status -1");

        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        baseUrl = "http://127.0.0.1:" + port + "/genesisws/rest/2020/";

        assertThat(imon("fetch", "--database", "regionalstatistik")).isEqualTo(1);
        assertThat(output.getOut())
                .contains(
                        "FAILED 12411-01-01-4 (regionalstatistik): cannot connect to"
                                + " Regionaldatenbank Deutschland (127.0.0.1:" + port
                                + ", catalogue/modifieddata) (connection refused)",
                        "FAILED AI-N-01-2-5 (regionalstatistik): not tried: cannot connect to");
        assertThat(output.getErr())
                .contains("imon: 2 of 2 tables could not be fetched")
                .doesNotContain("at de.");
        noSecretIn(output);
    }

    @Test
    @Order(6)
    @DisplayName("a wrong command line exits 64; no credentials exits 2, saying how to set them")
    void usageAndNoCredentials(CapturedOutput output) {
        assertThat(imon("fetch", "--database", "destatis")).isEqualTo(64);
        assertThat(output.getErr())
                .contains("--database is 'destatis'; allowed: regionalstatistik, genesis, zensus, nrw");

        token = null;

        assertThat(imon("fetch", "12411-01-01-4", "--database", "regionalstatistik"))
                .isEqualTo(2);
        assertThat(output.getErr())
                .contains("imon: no credentials for the GENESIS web service: set"
                        + " IMON_GENESIS_TOKEN (or IMON_GENESIS_USER and IMON_GENESIS_PASSWORD), or name a credentials file"
                        + " with IMON_GENESIS_CREDENTIALS");
    }

    @Test
    @Order(7)
    @DisplayName("the credentials were in the headers of every request, and are nowhere in a URL, body or the database")
    void credentialsOnlyInHeaders() {
        List<GenesisReplay.Seen> requests = REPLAY.requests();

        assertThat(requests).hasSizeGreaterThan(10).allSatisfy(request -> {
            boolean genesis = request.path().startsWith(GENESIS_PATH);
            assertThat(request.headers())
                    .containsEntry("username", genesis ? USER : TOKEN)
                    .containsEntry("password", genesis ? PASSWORD : "");
            assertThat(request.path() + request.body()).doesNotContain(TOKEN, USER, PASSWORD);
        });
        List<String> database = jdbc.queryForList("SCRIPT", String.class);
        assertThat(database)
                .isNotEmpty()
                .noneMatch(line -> line.contains(TOKEN) || line.contains(USER) || line.contains(PASSWORD));
    }
}
