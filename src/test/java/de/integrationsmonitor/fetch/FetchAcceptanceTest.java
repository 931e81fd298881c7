package de.integrationsmonitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.integrationsmonitor.cli.ImonCommand;
import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.store.DeliveryRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * The fetch against the real recordings of ../shared/genesis/recorded, replayed by a real HTTP server on loopback:
 * pystatis's cassettes of GENESIS-Online and the Regionaldatenbank, and restatis's answers of
 * {@code catalogue/modifieddata}.
 */
@Tag("acceptance")
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class FetchAcceptanceTest {

    static final Path RECORDED =
            Path.of("..", "shared", "genesis", "recorded").toAbsolutePath().normalize();
    static final String TOKEN = "tok-acceptance-0c4e19";
    static final GenesisReplay REPLAY = recordings();
    static final Path INBOX = temporary("imon-fetch-inbox-");
    static final Path HOME = temporary("imon-fetch-home-");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> Path.of("").toAbsolutePath().toString());
        registry.add("imon.home", HOME::toString);
        registry.add("IMON_INBOX", INBOX::toString);
        registry.add("IMON_GENESIS_TOKEN", () -> TOKEN);
        registry.add("IMON_GENESIS_URL_GENESIS", () -> REPLAY.baseUrl("/genesisWS/rest/2020/"));
        registry.add("IMON_GENESIS_URL_REGIONALSTATISTIK", () -> REPLAY.baseUrl("/genesisws/rest/2020/"));
        registry.add("IMON_GENESIS_POLL_SECONDS", () -> "0.001");
        registry.add("IMON_GENESIS_BACKOFF_SECONDS", () -> "0.001");
    }

    /** Every real recording on one server; without ../shared, an empty one (the tests are skipped). */
    private static GenesisReplay recordings() {
        if (!Files.isDirectory(RECORDED)) {
            return new GenesisReplay();
        }
        Map<String, String> json = Map.of("Content-Type", "application/json");
        Cassette modifieddata = new Cassette(
                "restatis",
                List.of(
                        new Cassette.Interaction(
                                "catalogue/modifieddata",
                                Map.of("selection", "61111", "date", "01.01.2022"),
                                200,
                                json,
                                read(RECORDED.resolve("restatis/modifieddata-code0.json"))),
                        new Cassette.Interaction(
                                "catalogue/modifieddata",
                                Map.of("selection", "61234", "date", "01.01.2022"),
                                200,
                                json,
                                read(RECORDED.resolve("restatis/modifieddata-code104.json")))));
        return new GenesisReplay(
                Cassette.load(RECORDED.resolve("pystatis/12531-0043.yaml")),
                Cassette.load(RECORDED.resolve("pystatis/12411-01-01-4.yaml")),
                Cassette.load(RECORDED.resolve("pystatis/61111-0021.yaml")),
                Cassette.load(RECORDED.resolve("pystatis/63121-0001.yaml")),
                modifieddata);
    }

    @AfterAll
    static void stop() throws IOException {
        REPLAY.close();
    }

    @Autowired
    CommandLine.IFactory factory;

    @Autowired
    FetchService fetch;

    @Autowired
    FetchLog log;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void recordingsPresent() {
        assumeTrue(Files.isDirectory(RECORDED), "real recordings not present: " + RECORDED);
    }

    List<FetchOutcome> fetch(Source... sources) {
        return fetch.fetch(List.of(sources), FetchOptions.defaults(), new FetchListener() {});
    }

    @Test
    @DisplayName("bin/imon fetch 12531-0043: 98, job=true, 99, 406 polls, resultfile; 116,738 rows ingested")
    void protectionSeekersThroughTheJobMode(CapturedOutput output) {
        int exit = ImonCommand.commandLine(factory).execute("fetch", "12531-0043", "--database", "genesis");

        assertThat(exit).isZero();
        assertThat(output.getOut())
                .contains(
                        "12531-0043 (genesis): too large for a direct download (status 98",
                        "job 12531-0043_175879554 created",
                        "job 12531-0043_175879554 done after 406 polls",
                        "12531-0043 (genesis): downloaded 12531-0043_175879554_flat.zip");
        assertThat(REPLAY.requests("data/tablefile"))
                .filteredOn(r -> r.form().get("name").equals("12531-0043"))
                .extracting(r -> r.form().get("job"))
                .containsExactly("false", "true");
        assertThat(REPLAY.requests("data/resultfile"))
                .singleElement()
                .satisfies(r -> assertThat(r.form()).containsEntry("name", "12531-0043_175879554"));
        Delivery delivery = deliveries.all().stream()
                .filter(d -> d.tableCode().equals("12531-0043"))
                .findFirst()
                .orElseThrow();
        assertThat(delivery.dataLines()).isEqualTo(116_738);
        assertThat(delivery.rowsStored()).isEqualTo(116_738);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM observation WHERE delivery_id = ?", Long.class, delivery.id()))
                .isEqualTo(116_738);
        assertThat(Files.exists(INBOX.resolve("12531-0043_175879554_flat.zip"))).isTrue();
        assertThat(REPLAY.requests()).allSatisfy(r -> {
            assertThat(r.headers()).containsEntry("username", TOKEN).containsEntry("password", "");
            assertThat(r.path() + r.body()).doesNotContain(TOKEN);
        });
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("the Regionaldatenbank's 12411-01-01-4 in German and English: the same figures, two deliveries")
    void populationInGermanAndEnglish() {
        Source german = Source.of("12411-01-01-4", Database.REGIONALSTATISTIK);
        Source english = new Source(
                "12411-01-01-4",
                Database.REGIONALSTATISTIK,
                "",
                List.of(),
                Optional.empty(),
                Optional.empty(),
                "en",
                Optional.of("12411"));

        List<FetchOutcome> outcomes = fetch(german, english);

        assertThat(outcomes)
                .extracting(FetchOutcome::result)
                .containsExactly(FetchOutcome.Result.FETCHED, FetchOutcome.Result.FETCHED);
        assertThat(outcomes)
                .extracting(o -> o.fileName().orElseThrow())
                .containsExactly("12411-01-01-4_1773175772751_de_flat.zip", "12411-01-01-4_1773175790049_en_flat.zip");
        List<Long> ids = outcomes.stream()
                .map(o -> o.ingest().orElseThrow().deliveryId().orElseThrow())
                .toList();
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> {
            Delivery d = deliveries.find(id).orElseThrow();
            assertThat(d.tableCode()).isEqualTo("12411-01-01-4");
            assertThat(d.rowsStored() + d.rowsRejected() + d.rowsSkipped()).isEqualTo(d.dataLines());
            assertThat(d.rowsRejected()).isZero();
        });
        // Mannheim, women, 31.12.2024: 158,789 in both files
        String sql = "SELECT o.figure FROM observation o JOIN variable v ON v.id = o.variable_id WHERE o.delivery_id"
                + " = ? AND o.region_code = '08222' AND v.path LIKE '%weiblich'";
        assertThat(ids)
                .allSatisfy(id -> assertThat(jdbc.queryForList(sql, java.math.BigDecimal.class, id))
                        .singleElement()
                        .satisfies(v -> assertThat(v).isEqualByComparingTo("158789")));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM observation WHERE delivery_id = ?", Long.class, ids.get(0)))
                .isEqualTo(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM observation WHERE delivery_id = ?", Long.class, ids.get(1)));
    }

    @Test
    @DisplayName("status -1 is a failure with the server's message, 104 a finding: no data for this selection")
    void errorAndNoData() {
        // forced: whether another test downloaded them before does not matter here
        List<FetchOutcome> outcomes = fetch.fetch(
                List.of(Source.of("61111-0021", Database.GENESIS), Source.of("63121-0001", Database.GENESIS)),
                new FetchOptions(false, true, Optional.empty()),
                new FetchListener() {});

        assertThat(outcomes.get(0).result()).isEqualTo(FetchOutcome.Result.FAILED);
        assertThat(outcomes.get(0).message())
                .startsWith("the office reports an error: status -1 (Für die"
                        + " Teiltabelle mit der Metadatenkombination: Verbraucherpreisindex für Deutschland (61111)")
                .contains("wurde kein Datenquader gefunden!");
        assertThat(outcomes.get(1).result()).isEqualTo(FetchOutcome.Result.NO_DATA);
        assertThat(outcomes.get(1).message())
                .isEqualTo("no data for this selection (status 104 (Es gibt keine"
                        + " Objekte zum angegebenen Selektionskriterium))");
    }

    @Test
    @DisplayName("modifieddata 0: the statistic changed, the table is asked for; 104: unchanged, nothing downloaded")
    void changeDetection() {
        LocalDateTime january = LocalDateTime.of(2022, 1, 1, 2, 30);
        log.recordDownload(new FetchLog.Download(
                Database.GENESIS,
                "61111-0021",
                "de",
                january,
                "61111-0021_de_flat.zip",
                "b".repeat(64),
                Optional.empty(),
                Optional.empty()));
        log.recordDownload(new FetchLog.Download(
                Database.GENESIS,
                "61234-0001",
                "de",
                january,
                "61234-0001_de_flat.zip",
                "c".repeat(64),
                Optional.empty(),
                Optional.empty()));
        int asked = REPLAY.requests("data/tablefile").size();

        List<FetchOutcome> outcomes =
                fetch(Source.of("61111-0021", Database.GENESIS), Source.of("61234-0001", Database.GENESIS));

        // 61111 changed on 17.02.2026: asked for, and the office answers -1 for this selection
        assertThat(outcomes.get(0).result()).isEqualTo(FetchOutcome.Result.FAILED);
        assertThat(outcomes.get(1).describe()).isEqualTo("61234-0001 (genesis): unchanged since 01.01.2022");
        assertThat(REPLAY.requests("data/tablefile")
                        .subList(asked, REPLAY.requests("data/tablefile").size()))
                .extracting(r -> r.form().get("name"))
                .containsExactly("61111-0021");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporary(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
