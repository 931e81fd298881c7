package de.integrationsmonitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetch flow against a real HTTP server on loopback that replays the project's own recorded answers
 * (src/test/resources/genesis/recorded), and against scripted failures: what lands in the inbox, what is asked of
 * the office, and what each table's outcome says.
 */
class FetcherTest {

    static final String TOKEN = "tok-3f9a1c77e2d54b0f";
    static final Clock NOV_5 = Clock.fixed(
            LocalDateTime.of(2026, 11, 5, 2, 30)
                    .atZone(ZoneId.of("Europe/Berlin"))
                    .toInstant(),
            ZoneId.of("Europe/Berlin"));

    @TempDir
    Path inbox;

    final MemoryFetchLog log = new MemoryFetchLog();
    final ReadingIntake intake = new ReadingIntake();
    final List<String> progress = new ArrayList<>();
    final List<GenesisReplay> servers = new ArrayList<>();
    final Map<Database, Lock> locks = locks();

    static Map<Database, Lock> locks() {
        Map<Database, Lock> locks = new java.util.concurrent.ConcurrentHashMap<>();
        Arrays.stream(Database.values()).forEach(d -> locks.put(d, new ReentrantLock(true)));
        return locks;
    }

    GenesisReplay replay(Cassette... cassettes) {
        GenesisReplay replay = new GenesisReplay(cassettes);
        servers.add(replay);
        return replay;
    }

    @AfterEach
    void stop() throws IOException {
        for (GenesisReplay server : servers) {
            server.close();
        }
    }

    Fetcher fetcher(String baseUrl, String... settings) {
        Map<String, String> env = new HashMap<>(Map.of(
                FetchSettings.URL,
                baseUrl,
                FetchSettings.POLL,
                "0.001",
                FetchSettings.BACKOFF,
                "0.001",
                FetchSettings.RETRIES,
                "2",
                FetchSettings.READ_TIMEOUT,
                "5"));
        for (int i = 0; i < settings.length; i += 2) {
            env.put(settings[i], settings[i + 1]);
        }
        return new Fetcher(
                FetchSettings.from(env::get, inbox),
                d -> Optional.of(Credentials.token(TOKEN)),
                log,
                intake,
                NOV_5,
                locks);
    }

    List<FetchOutcome> fetch(Fetcher fetcher, FetchOptions options, Source... sources) {
        return fetcher.fetch(List.of(sources), options, new FetchListener() {
            @Override
            public void progress(String line) {
                progress.add(line);
            }
        });
    }

    FetchOutcome fetchOne(Fetcher fetcher, Source source) {
        return fetch(fetcher, FetchOptions.defaults(), source).get(0);
    }

    static Source regional(String table) {
        return Source.of(table, Database.REGIONALSTATISTIK);
    }

    static Source genesis(String table) {
        return Source.of(table, Database.GENESIS);
    }

    static Source english(Source source) {
        return new Source(
                source.table(),
                source.database(),
                "",
                List.of(),
                Optional.empty(),
                Optional.empty(),
                "en",
                source.statistic());
    }

    List<String> inboxFiles() throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Nested
    @DisplayName("a table the office hands out at once (Regionaldatenbank, ZIP)")
    class Direct {

        @Test
        @DisplayName("German and English: each ZIP lands in the inbox under the office's name and is read under the"
                + " table it was asked for")
        void germanAndEnglish() throws IOException {
            GenesisReplay replay = replay(Cassette.own("12411-01-01-4.yaml"));

            List<FetchOutcome> outcomes = fetch(
                    fetcher(replay.baseUrl()),
                    FetchOptions.defaults(),
                    regional("12411-01-01-4"),
                    english(regional("12411-01-01-4")));

            assertThat(outcomes)
                    .extracting(FetchOutcome::result)
                    .containsExactly(FetchOutcome.Result.FETCHED, FetchOutcome.Result.FETCHED);
            assertThat(inboxFiles())
                    .containsExactly(
                            "12411-01-01-4_1773175772751_de_flat.zip", "12411-01-01-4_1773175790049_en_flat.zip");
            assertThat(intake.reads)
                    .extracting(ReadingIntake.Read::tableCode)
                    .containsExactly("12411-01-01-4", "12411-01-01-4");
            // Dessau-Roßlau, total population 31.12.2024, in both languages
            assertThat(intake.reads)
                    .allSatisfy(read -> assertThat(read.observations()).anySatisfy(o -> {
                        assertThat(o.regionCode()).isEqualTo("15001");
                        assertThat(o.variablePath()).endsWith("Insgesamt");
                        assertThat(o.cell().number())
                                .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("75402"));
                    }));
            assertThat(outcomes.get(0).describe())
                    .isEqualTo("12411-01-01-4 (regionalstatistik): downloaded"
                            + " 12411-01-01-4_1773175772751_de_flat.zip ("
                            + String.format(
                                    java.util.Locale.ROOT,
                                    "%,d",
                                    Files.size(inbox.resolve("12411-01-01-4_1773175772751_de_flat.zip")))
                            + " bytes), stored as"
                            + " delivery 1");
        }

        @Test
        @DisplayName("the request is the documented form: ffcsv, uncompressed, no job, in the language asked")
        void theForm() {
            GenesisReplay replay = replay(Cassette.own("12411-01-01-4.yaml"));
            Source selection = new Source(
                    "12411-01-01-4",
                    Database.REGIONALSTATISTIK,
                    "KREISE",
                    List.of("15001", "15002"),
                    Optional.of(2020),
                    Optional.of(2024),
                    "de",
                    Optional.of("12411"));

            fetchOne(fetcher(replay.baseUrl()), selection);

            GenesisReplay.Seen request = replay.requests().get(0);
            assertThat(request.path()).isEqualTo("/genesisws/rest/2020/data/tablefile");
            assertThat(request.headers()).containsEntry("content-type", "application/x-www-form-urlencoded");
            assertThat(request.form())
                    .containsExactly(
                            Map.entry("name", "12411-01-01-4"),
                            Map.entry("area", "all"),
                            Map.entry("compress", "false"),
                            Map.entry("startyear", "2020"),
                            Map.entry("endyear", "2024"),
                            Map.entry("regionalvariable", "KREISE"),
                            Map.entry("regionalkey", "15001,15002"),
                            Map.entry("format", "ffcsv"),
                            Map.entry("language", "de"),
                            Map.entry("job", "false"));
        }

        @Test
        @DisplayName("the credentials travel in the username/password headers of every request, and nowhere else")
        void credentialsOnlyInHeaders() {
            GenesisReplay replay = replay(Cassette.own("12531-0043.yaml"));

            fetchOne(fetcher(replay.baseUrl()), genesis("12531-0043"));

            assertThat(replay.requests()).hasSize(7).allSatisfy(request -> {
                assertThat(request.headers()).containsEntry("username", TOKEN).containsEntry("password", "");
                assertThat(request.path()).doesNotContain(TOKEN);
                assertThat(request.body())
                        .doesNotContain(TOKEN)
                        .doesNotContainIgnoringCase("username")
                        .doesNotContainIgnoringCase("password");
            });
            assertThat(progress).noneMatch(line -> line.contains(TOKEN));
            assertThat(log.downloads.toString()).doesNotContain(TOKEN);
        }

        @Test
        @DisplayName("a Regionalatlas table (AI-N-01-2-5) is stored under its code, which no file name reveals")
        void regionalatlas() {
            GenesisReplay replay = replay(Cassette.own("AI-N-01-2-5.yaml"));

            FetchOutcome outcome = fetchOne(fetcher(replay.baseUrl()), regional("AI-N-01-2-5"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FETCHED);
            assertThat(intake.reads).singleElement().satisfies(read -> {
                assertThat(read.fileName()).isEqualTo("AI-N-01-2-5_1773175799999_de_flat.zip");
                assertThat(read.tableCode()).isEqualTo("AI-N-01-2-5");
                assertThat(read.observations())
                        .extracting(
                                o -> o.regionCode() + " " + o.cell().number().orElseThrow())
                        .containsExactly("15001 52.2", "15002 51.3");
            });
        }

        @Test
        @DisplayName("status 22: the table comes with the office's warning, which is kept with the download")
        void adjustedParameters() throws IOException {
            GenesisReplay replay = replay(Cassette.own("13111-01-03-4.yaml"));
            Source source = new Source(
                    "13111-01-03-4",
                    Database.REGIONALSTATISTIK,
                    "",
                    List.of(),
                    Optional.of(1990),
                    Optional.empty(),
                    "de",
                    Optional.of("13111"));

            FetchOutcome outcome = fetchOne(fetcher(replay.baseUrl()), source);

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FETCHED);
            assertThat(outcome.officeWarning())
                    .contains("erfolgreich mit Parameteranpassung: startyear 1990 auf 2025" + " gesetzt");
            assertThat(outcome.describe())
                    .endsWith("; the office adjusted the request: erfolgreich mit"
                            + " Parameteranpassung: startyear 1990 auf 2025 gesetzt");
            assertThat(inboxFiles()).containsExactly("13111-01-03-4_de_flat.csv");
            assertThat(intake.reads)
                    .singleElement()
                    .satisfies(r -> assertThat(r.observations()).isNotEmpty());
            assertThat(log.downloads).singleElement().satisfies(d -> {
                assertThat(d.officeWarning()).isEqualTo(outcome.officeWarning());
                assertThat(d.deliveryId()).contains(1L);
            });
        }

        @Test
        @DisplayName("the same bytes again are no new delivery, and no second copy stays in the inbox")
        void identicalBytes() throws IOException {
            GenesisReplay replay = replay(Cassette.own("12411-01-01-4.yaml"), Cassette.own("12411-01-01-4.yaml"));
            Fetcher fetcher = fetcher(replay.baseUrl());
            fetch(fetcher, FetchOptions.defaults(), regional("12411-01-01-4"));
            Files.move(inbox.resolve("12411-01-01-4_1773175772751_de_flat.zip"), inbox.resolve("elsewhere.zip"));

            FetchOutcome again = fetch(
                            fetcher, new FetchOptions(false, true, Optional.empty()), regional("12411-01-01-4"))
                    .get(0);

            assertThat(again.result()).isEqualTo(FetchOutcome.Result.FETCHED);
            assertThat(again.message()).contains("identical to delivery 1: not stored again, not kept in the inbox");
            assertThat(intake.reads).hasSize(1);
            assertThat(inboxFiles()).containsExactly("elsewhere.zip");
        }

        @Test
        @DisplayName("--download-only: the file is in the inbox, nothing is ingested")
        void downloadOnly() throws IOException {
            GenesisReplay replay = replay(Cassette.own("12411-01-01-4.yaml"));

            FetchOutcome outcome = fetch(
                            fetcher(replay.baseUrl()),
                            new FetchOptions(true, false, Optional.empty()),
                            regional("12411-01-01-4"))
                    .get(0);

            assertThat(outcome.message()).contains("not ingested (--download-only)");
            assertThat(inboxFiles()).containsExactly("12411-01-01-4_1773175772751_de_flat.zip");
            assertThat(intake.reads).isEmpty();
            assertThat(log.downloads)
                    .singleElement()
                    .satisfies(d -> assertThat(d.deliveryId()).isEmpty());
        }
    }

    @Nested
    @DisplayName("a table too large for a direct download: the job mode")
    class JobMode {

        @Test
        @DisplayName("98 -> job=true -> 99 -> catalogue/results until done -> data/resultfile")
        void jobFlow() throws IOException {
            GenesisReplay replay = replay(Cassette.own("12531-0043.yaml"));

            FetchOutcome outcome = fetchOne(fetcher(replay.baseUrl()), genesis("12531-0043"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FETCHED);
            assertThat(replay.requests())
                    .extracting(GenesisReplay.Seen::method)
                    .containsExactly(
                            "data/tablefile",
                            "data/tablefile",
                            "catalogue/results",
                            "catalogue/results",
                            "catalogue/results",
                            "catalogue/results",
                            "data/resultfile");
            assertThat(replay.requests("data/tablefile"))
                    .extracting(r -> r.form().get("job"))
                    .containsExactly("false", "true");
            assertThat(replay.requests("catalogue/results"))
                    .allSatisfy(r -> assertThat(r.form())
                            .containsEntry("selection", "12531-0043_171717171")
                            .containsEntry("area", "user"));
            assertThat(replay.requests("data/resultfile"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.form()).containsEntry("name", "12531-0043_171717171"));
            assertThat(progress)
                    .anyMatch(l -> l.contains("job 12531-0043_171717171 created"))
                    .anyMatch(l -> l.contains("job 12531-0043_171717171 done after 4 polls"));
            assertThat(inboxFiles()).containsExactly("12531-0043_171717171_flat.zip");
            assertThat(intake.reads)
                    .singleElement()
                    .satisfies(r -> assertThat(r.tableCode()).isEqualTo("12531-0043"));
        }

        @Test
        @DisplayName("a job that never finishes: the overall time-out ends the wait with a clear message")
        void jobNeverDone() {
            GenesisReplay replay = replay(Cassette.own("12531-0043.yaml"));
            replay.then(
                    GenesisReplay.response(
                            Cassette.own("12531-0043.yaml").interactions().get(0)),
                    GenesisReplay.response(
                            Cassette.own("12531-0043.yaml").interactions().get(1)));
            for (int i = 0; i < 1000; i++) {
                replay.then(GenesisReplay.status(104, "Es gibt keine Objekte zum angegebenen Selektionskriterium"));
            }

            FetchOutcome outcome = fetchOne(
                    fetcher(replay.baseUrl(), FetchSettings.POLL, "0.01", FetchSettings.JOB_TIMEOUT, "0.2"),
                    genesis("12531-0043"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FAILED);
            assertThat(outcome.message())
                    .startsWith("job 12531-0043_171717171 was not done after 0.2 s (")
                    .contains("polls of catalogue/results); the office may still be preparing it: fetch again later,"
                            + " or allow more time with IMON_GENESIS_JOB_TIMEOUT_SECONDS");
            assertThat(replay.requests("data/resultfile")).isEmpty();
        }
    }

    @Nested
    @DisplayName("answers that are no table")
    class NoTable {

        @Test
        @DisplayName("-1: failed, with the server's message; 104: no data (a finding); 90: the table is refused")
        void statusCodes() {
            GenesisReplay replay = replay(Cassette.own("status-codes.yaml"));

            List<FetchOutcome> outcomes = fetch(
                    fetcher(replay.baseUrl()),
                    FetchOptions.defaults(),
                    genesis("61111-0021"),
                    genesis("63121-0001"),
                    genesis("12411-99-99-9"));

            assertThat(outcomes)
                    .extracting(FetchOutcome::result)
                    .containsExactly(
                            FetchOutcome.Result.FAILED, FetchOutcome.Result.NO_DATA, FetchOutcome.Result.REFUSED);
            assertThat(outcomes.get(0).describe())
                    .isEqualTo("FAILED 61111-0021 (genesis): the office reports an"
                            + " error: status -1 (Für die Teiltabelle mit der Metadatenkombination: Verbraucherpreisindex für"
                            + " Deutschland (61111) wurde kein Datenquader gefunden!)");
            assertThat(outcomes.get(1).describe())
                    .isEqualTo("63121-0001 (genesis): no data for this selection"
                            + " (status 104 (Es gibt keine Objekte zum angegebenen Selektionskriterium))");
            assertThat(outcomes.get(2).describe())
                    .isEqualTo("REFUSED 12411-99-99-9 (genesis): the GENESIS-Online"
                            + " (Destatis) has no table 12411-99-99-9 (status 90 (Die Tabelle 12411-99-99-9 ist nicht"
                            + " vorhanden.)); check the table code in jobs/quellen.yml");
            assertThat(log.downloads).isEmpty();
        }

        @Test
        @DisplayName("an HTML error page is refused with its content type and first bytes; nothing stays behind")
        void htmlPage() throws IOException {
            GenesisReplay replay = replay().then(new MockResponse()
                    .setHeader("Content-Type", "text/html;charset=UTF-8")
                    .setBody("<!DOCTYPE html>\n<html><head><title>Wartungsarbeiten</title></head><body>Die Datenbank"
                            + " ist wegen Wartungsarbeiten nicht erreichbar.</body></html>"));

            FetchOutcome outcome = fetchOne(fetcher(replay.baseUrl()), regional("12411-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.REFUSED);
            assertThat(outcome.message())
                    .contains(
                            "answered neither a ZIP nor a status object: content type" + " text/html;charset=UTF-8",
                            "first bytes '<!DOCTYPE html> <html><head><title>Wartungsarbeiten");
            assertThat(inboxFiles()).isEmpty();
        }

        @Test
        @DisplayName("a truncated ZIP is refused by ingest with its reason, and removed from the inbox")
        void truncatedZip() throws IOException {
            byte[] zip =
                    Cassette.own("12411-01-01-4.yaml").interactions().get(0).body();
            GenesisReplay replay = replay().then(new MockResponse()
                    .setHeader("Content-Type", "application/zip")
                    .setHeader("Content-Disposition", "attachment; filename=12411-01-01-4_1773175772751_de_flat.zip")
                    .setBody(new Buffer().write(Arrays.copyOf(zip, zip.length / 2))));

            FetchOutcome outcome = fetchOne(fetcher(replay.baseUrl()), regional("12411-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.REFUSED);
            assertThat(outcome.message())
                    .startsWith(
                            "the download was refused by ingest and removed from the inbox:"
                                    + " 12411-01-01-4_1773175772751_de_flat.zip: the file starts like a ZIP but cannot be opened as one");
            assertThat(inboxFiles()).isEmpty();
            assertThat(log.downloads).isEmpty();
        }
    }

    @Nested
    @DisplayName("time-outs, server errors and status 6 are tried again, a bounded number of times")
    class Retries {

        @Test
        @DisplayName("a time-out, then the table: fetched on the second attempt")
        void timeOutThenTable() {
            GenesisReplay replay = replay(Cassette.own("12411-01-01-4.yaml"))
                    .then(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

            FetchOutcome outcome =
                    fetchOne(fetcher(replay.baseUrl(), FetchSettings.READ_TIMEOUT, "0.2"), regional("12411-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FETCHED);
            assertThat(replay.requests("data/tablefile")).hasSize(2);
        }

        @Test
        @DisplayName("no answer at all: failed after the configured attempts, naming host, port and the time-out")
        void timeOutEveryTime() {
            GenesisReplay replay = replay().then(
                            new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE),
                            new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            String host = java.net.URI.create(replay.baseUrl()).getHost() + ":"
                    + java.net.URI.create(replay.baseUrl()).getPort();

            FetchOutcome outcome = fetchOne(
                    fetcher(replay.baseUrl(), FetchSettings.READ_TIMEOUT, "0.2", FetchSettings.RETRIES, "1"),
                    regional("12411-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FAILED);
            assertThat(outcome.message())
                    .isEqualTo("no answer from Regionaldatenbank Deutschland (" + host + ","
                            + " data/tablefile) within 0.2 s (read time-out); gave up after 2 attempts");
        }

        @Test
        @DisplayName("a body that stops arriving counts as a read time-out too")
        void stalledBody() {
            byte[] zip =
                    Cassette.own("12411-01-01-4.yaml").interactions().get(0).body();
            GenesisReplay replay = replay().then(new MockResponse()
                    .setHeader("Content-Type", "application/zip")
                    .setBody(new Buffer().write(zip))
                    .throttleBody(256, 2, TimeUnit.SECONDS));

            FetchOutcome outcome = fetchOne(
                    fetcher(replay.baseUrl(), FetchSettings.READ_TIMEOUT, "0.3", FetchSettings.RETRIES, "0"),
                    regional("12411-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FAILED);
            assertThat(outcome.message()).contains("(read time-out)");
        }

        @Test
        @DisplayName("HTTP 503 twice, then the table")
        void serverErrorThenTable() {
            GenesisReplay replay = replay(Cassette.own("12411-01-01-4.yaml"))
                    .then(
                            new MockResponse().setResponseCode(503).setBody("Service Unavailable"),
                            new MockResponse().setResponseCode(503).setBody("Service Unavailable"));

            FetchOutcome outcome = fetchOne(fetcher(replay.baseUrl()), regional("12411-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FETCHED);
            assertThat(replay.requests("data/tablefile")).hasSize(3);
        }

        @Test
        @DisplayName("HTTP 500 every time: failed after the configured attempts, with what the server said")
        void serverErrorEveryTime() {
            GenesisReplay replay = replay();
            for (int i = 0; i < 3; i++) {
                replay.then(new MockResponse()
                        .setResponseCode(500)
                        .setHeader("Content-Type", "text/plain")
                        .setBody("Internal Server Error"));
            }

            FetchOutcome outcome = fetchOne(fetcher(replay.baseUrl()), regional("12411-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FAILED);
            assertThat(outcome.message())
                    .endsWith("answered HTTP 500 (content type text/plain, first bytes"
                            + " 'Internal Server Error'); gave up after 3 attempts");
            assertThat(replay.requests()).hasSize(3);
        }

        @Test
        @DisplayName("status 6 (too many parallel requests): backs off and asks again")
        void tooManyRequests() {
            GenesisReplay replay = replay(Cassette.own("12411-01-01-4.yaml"))
                    .then(
                            GenesisReplay.status(6, "Zu viele parallele Anfragen"),
                            GenesisReplay.status(6, "Zu viele parallele Anfragen"));

            FetchOutcome outcome = fetchOne(fetcher(replay.baseUrl()), regional("12411-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FETCHED);
            assertThat(replay.requests("data/tablefile")).hasSize(3);
        }

        @Test
        @DisplayName("status 6 every time: failed, saying so")
        void tooManyRequestsEveryTime() {
            GenesisReplay replay = replay();
            for (int i = 0; i < 3; i++) {
                replay.then(GenesisReplay.status(6, "Zu viele parallele Anfragen"));
            }

            FetchOutcome outcome = fetchOne(fetcher(replay.baseUrl()), regional("12411-01-01-4"));

            assertThat(outcome.message())
                    .isEqualTo("too many parallel requests, status 6 (Zu viele parallele"
                            + " Anfragen); gave up after 3 attempts");
        }

        @Test
        @DisplayName("a service that cannot be reached: host and port named, the database's other tables not tried")
        void unreachable() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }

            List<FetchOutcome> outcomes = fetch(
                    fetcher("http://127.0.0.1:" + port + "/genesisws/rest/2020/"),
                    FetchOptions.defaults(),
                    regional("12411-01-01-4"),
                    regional("13111-01-03-4"));

            assertThat(outcomes)
                    .extracting(FetchOutcome::result)
                    .containsExactly(FetchOutcome.Result.FAILED, FetchOutcome.Result.FAILED);
            assertThat(outcomes.get(0).message())
                    .startsWith("cannot connect to Regionaldatenbank Deutschland" + " (127.0.0.1:" + port
                            + ", data/tablefile)")
                    .endsWith("; gave up after 3 attempts");
            assertThat(outcomes.get(1).message())
                    .isEqualTo("not tried: " + outcomes.get(0).message());
        }

        @Test
        @DisplayName("a redirect is not followed: the credentials stay with the configured host")
        void redirect() {
            GenesisReplay replay = replay().then(new MockResponse()
                    .setResponseCode(302)
                    .setHeader("Location", "https://elsewhere.example/genesisws/rest/2020/data/tablefile"));

            FetchOutcome outcome = fetchOne(fetcher(replay.baseUrl()), regional("12411-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FAILED);
            assertThat(outcome.message())
                    .contains("answered HTTP 302 (a redirect to"
                            + " https://elsewhere.example/genesisws/rest/2020/data/tablefile, not followed");
            assertThat(replay.requests()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("change detection: catalogue/modifieddata before downloading")
    class ChangeDetection {

        @Test
        @DisplayName("asks with the statistic and the date of the last download; unchanged tables are not downloaded")
        void changedAndUnchanged() {
            GenesisReplay replay = replay(Cassette.own("modifieddata.yaml"), Cassette.own("12411-01-01-4.yaml"));
            LocalDateTime nov3 = LocalDateTime.of(2026, 11, 3, 2, 31);
            log.downloadedOn(Database.REGIONALSTATISTIK, "12411-01-01-4", nov3)
                    .downloadedOn(Database.REGIONALSTATISTIK, "13111-01-03-4", nov3);

            List<FetchOutcome> outcomes = fetch(
                    fetcher(replay.baseUrl()),
                    FetchOptions.defaults(),
                    regional("12411-01-01-4"),
                    regional("13111-01-03-4"));

            assertThat(outcomes)
                    .extracting(FetchOutcome::describe)
                    .containsExactly(
                            outcomes.get(0).describe(),
                            "13111-01-03-4 (regionalstatistik): unchanged since 03.11.2026");
            assertThat(outcomes.get(0).result()).isEqualTo(FetchOutcome.Result.FETCHED);
            assertThat(replay.requests("catalogue/modifieddata"))
                    .extracting(r -> r.form().get("selection") + " " + r.form().get("date"))
                    .containsExactly("12411 03.11.2026", "13111 03.11.2026");
            assertThat(replay.requests("data/tablefile"))
                    .extracting(r -> r.form().get("name"))
                    .containsExactly("12411-01-01-4");
            assertThat(progress)
                    .contains("12411-01-01-4 (regionalstatistik): statistic 12411 changed since"
                            + " 03.11.2026 (office date 05.11.2026)");
            assertThat(log.lastDownload(Database.REGIONALSTATISTIK, "12411-01-01-4", "de"))
                    .contains(LocalDateTime.now(NOV_5));
        }

        @Test
        @DisplayName("a table never downloaded, or --force: no question, the table is downloaded")
        void firstTimeOrForced() {
            GenesisReplay replay = replay(Cassette.own("12411-01-01-4.yaml"), Cassette.own("12411-01-01-4.yaml"));
            Fetcher fetcher = fetcher(replay.baseUrl());

            fetch(fetcher, FetchOptions.defaults(), regional("12411-01-01-4"));
            fetch(fetcher, new FetchOptions(false, true, Optional.empty()), regional("12411-01-01-4"));

            assertThat(replay.requests())
                    .extracting(GenesisReplay.Seen::method)
                    .containsExactly("data/tablefile", "data/tablefile");
        }
    }

    @Test
    @DisplayName("one request at a time per database, however many runs ask at once")
    void oneRequestAtATime() throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        GenesisReplay replay = replay(
                Cassette.own("12411-01-01-4.yaml"),
                Cassette.own("12411-01-01-4.yaml"),
                Cassette.own("12411-01-01-4.yaml"),
                Cassette.own("12411-01-01-4.yaml"));
        for (int i = 0; i < 4; i++) {
            replay.then(seen -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                return GenesisReplay.status(104, "Es gibt keine Objekte zum angegebenen Selektionskriterium");
            });
        }
        List<Thread> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Fetcher fetcher = fetcher(replay.baseUrl());
            runs.add(new Thread(() -> fetcher.fetch(
                    List.of(regional("12411-01-01-4")), FetchOptions.defaults(), new FetchListener() {})));
        }
        runs.forEach(Thread::start);
        for (Thread run : runs) {
            run.join();
        }

        assertThat(replay.requests()).hasSize(4);
        assertThat(most.get()).isEqualTo(1);
    }

    /** The recorded 12411-01-01-4 ZIP, its one entry renamed (the content unchanged). */
    static byte[] zipWithEntry(String entryName) throws IOException {
        byte[] zip = Cassette.own("12411-01-01-4.yaml").interactions().get(0).body();
        byte[] csv;
        try (java.util.zip.ZipInputStream in =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            in.getNextEntry();
            csv = in.readAllBytes();
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            out.putNextEntry(new java.util.zip.ZipEntry(entryName));
            out.write(csv);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    static MockResponse zipAnswer(byte[] zip, String fileName) {
        return new MockResponse()
                .setHeader("Content-Type", "application/zip")
                .setHeader("Content-Disposition", "attachment; filename=" + fileName)
                .setBody(new Buffer().write(zip));
    }

    @Nested
    @DisplayName("an answer that is another table than the one asked for is refused, naming both")
    class AnotherTable {

        @Test
        @DisplayName("12511-01-01-4 asked, the 12411-01-01-4 ZIP answered: refused by its entry name, nothing stored")
        void entryNameOfAnotherTable() throws IOException {
            GenesisReplay replay = replay().then(zipAnswer(
                    Cassette.own("12411-01-01-4.yaml").interactions().get(0).body(),
                    "12511-01-01-4_1773175772751_de_flat.zip"));

            FetchOutcome outcome = fetchOne(fetcher(replay.baseUrl()), regional("12511-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.REFUSED);
            assertThat(outcome.message())
                    .contains("12511-01-01-4_1773175772751_de_flat.zip: the ZIP entry"
                            + " '12411-01-01-4_1773175772751_de_flat.csv' is table 12411-01-01-4, but table 12511-01-01-4 was"
                            + " asked for");
            assertThat(intake.reads).isEmpty();
            assertThat(log.downloads).isEmpty();
            assertThat(inboxFiles()).isEmpty();
        }

        @Test
        @DisplayName("the entry named as asked, the figures of another statistic: refused by statistics_code")
        void statisticsCodeOfAnotherStatistic() throws IOException {
            GenesisReplay replay = replay().then(zipAnswer(
                    zipWithEntry("12511-01-01-4_1773175772751_de_flat.csv"),
                    "12511-01-01-4_1773175772751_de_flat.zip"));

            FetchOutcome outcome = fetchOne(fetcher(replay.baseUrl()), regional("12511-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.REFUSED);
            assertThat(outcome.message())
                    .contains("line 2: in the ZIP entry '12511-01-01-4_1773175772751_de_flat.csv':"
                            + " statistics_code is 12411, but table 12511-01-01-4 of"
                            + " statistic 12511 was asked for");
            assertThat(intake.reads).isEmpty();
            assertThat(log.downloads).isEmpty();
        }
    }

    @Nested
    @DisplayName("the office's own text is printed and kept without the credentials, control characters or excess")
    class OfficeText {

        static final String USER = "DEUSER01";
        static final String PASSWORD = "geheim-Passwort-7";

        Fetcher withPassword(String baseUrl) {
            Map<String, String> env = Map.of(
                    FetchSettings.URL,
                    baseUrl,
                    FetchSettings.POLL,
                    "0.001",
                    FetchSettings.BACKOFF,
                    "0.001",
                    FetchSettings.RETRIES,
                    "0",
                    FetchSettings.READ_TIMEOUT,
                    "5");
            return new Fetcher(
                    FetchSettings.from(env::get, inbox),
                    d -> Optional.of(Credentials.of(USER, PASSWORD)),
                    log,
                    intake,
                    NOV_5,
                    locks);
        }

        static void clean(String text) {
            assertThat(text)
                    .doesNotContain(USER, PASSWORD, TOKEN)
                    .doesNotContain("\n", "\r", "\u001b")
                    .doesNotContainPattern("[\\p{Cntrl}\\u0085\\u2028\\u2029]")
                    .hasSizeLessThan(1200);
        }

        @Test
        @DisplayName("status 22 whose warning echoes the token, forges a line and runs on: masked, one line, capped")
        void warningOfStatus22() throws IOException {
            byte[] recorded = Cassette.own("13111-01-03-4.yaml").interactions().stream()
                    .filter(i -> i.method().equals("data/tablefile"))
                    .findFirst()
                    .orElseThrow()
                    .body();
            com.fasterxml.jackson.databind.node.ObjectNode answer = (com.fasterxml.jackson.databind.node.ObjectNode)
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(recorded);
            ((com.fasterxml.jackson.databind.node.ObjectNode) answer.get("Status"))
                    .put(
                            "Content",
                            "Parameter"
                                    + " angepasst fuer username=" + TOKEN
                                    + "\n\u001b[1A\u001b[2Kimon: 0 refused, all good"
                                    + " \u2028" + "x".repeat(20_000));
            GenesisReplay replay = replay().then(new MockResponse()
                    .setHeader("Content-Type", "application/json")
                    .setBody(answer.toString()));

            FetchOutcome outcome = fetchOne(
                    fetcher(replay.baseUrl()),
                    new Source(
                            "13111-01-03-4",
                            Database.REGIONALSTATISTIK,
                            "",
                            List.of(),
                            Optional.of(1990),
                            Optional.empty(),
                            "de",
                            Optional.of("13111")));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FETCHED);
            clean(outcome.describe());
            assertThat(outcome.describe()).contains("username=*** [1A [2Kimon: 0 refused, all good");
            assertThat(log.downloads)
                    .singleElement()
                    .satisfies(d -> clean(d.officeWarning().orElseThrow()));
        }

        @Test
        @DisplayName("status -1 whose error text echoes user and password: masked")
        void errorOfStatusMinusOne() {
            GenesisReplay replay = replay().then(GenesisReplay.status(
                    -1, "Fehler bei Anmeldung " + USER + "/" + PASSWORD + "\\r\\nimon: done"));

            FetchOutcome outcome = fetchOne(withPassword(replay.baseUrl()), regional("12411-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FAILED);
            clean(outcome.describe());
            assertThat(outcome.message()).contains("Fehler bei Anmeldung ***/*** imon: done");
        }

        @Test
        @DisplayName("HTTP 500 whose body echoes the password: masked in what is printed")
        void bodyOfHttp500() {
            GenesisReplay replay = replay().then(new MockResponse()
                    .setResponseCode(500)
                    .setHeader("Content-Type", "text/plain")
                    .setBody("password=" + PASSWORD + "\n\u001b]0;pwned\u0007"));

            FetchOutcome outcome = fetchOne(withPassword(replay.baseUrl()), regional("12411-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FAILED);
            clean(outcome.describe());
            assertThat(outcome.message()).contains("first bytes 'password=*** ]0;pwned'");
        }
    }

    @Nested
    @DisplayName("a download has a deadline and a size cap, whatever the server does")
    class Bounded {

        @Test
        @DisplayName("a server dripping the ZIP byte by byte is cut off at the whole-download deadline, not retried")
        void drippingServer() throws IOException {
            byte[] zip =
                    Cassette.own("12411-01-01-4.yaml").interactions().get(0).body();
            GenesisReplay replay = replay().then(new MockResponse()
                    .setHeader("Content-Type", "application/zip")
                    .setBody(new Buffer().write(zip))
                    .throttleBody(1, 100, TimeUnit.MILLISECONDS));
            long start = System.nanoTime();

            FetchOutcome outcome = fetchOne(
                    fetcher(
                            replay.baseUrl(),
                            FetchSettings.READ_TIMEOUT,
                            "1",
                            FetchSettings.MAX_DOWNLOAD_SECONDS,
                            "1.5"),
                    regional("12411-01-01-4"));

            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(java.time.Duration.ofSeconds(5));
            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.FAILED);
            assertThat(outcome.message())
                    .contains("data/tablefile) took longer than 1.5 s (limit" + " imon.limits.max-download-seconds)")
                    .doesNotContain("attempts");
            assertThat(replay.requests()).hasSize(1);
            assertThat(inboxFiles()).isEmpty();
        }

        @Test
        @DisplayName("an answer larger than the size cap is refused while it arrives; nothing stays behind")
        void tooLarge() throws IOException {
            byte[] zip =
                    Cassette.own("12411-01-01-4.yaml").interactions().get(0).body();
            GenesisReplay replay = replay().then(new MockResponse()
                    .setHeader("Content-Type", "application/zip")
                    .setBody(new Buffer().write(zip)));

            FetchOutcome outcome = fetchOne(
                    fetcher(replay.baseUrl(), FetchSettings.MAX_DOWNLOAD_SIZE, "300B"), regional("12411-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.REFUSED);
            assertThat(outcome.message())
                    .contains(
                            "data/tablefile) answered more than 300 bytes (limit" + " imon.limits.max-download-size)");
            assertThat(replay.requests()).hasSize(1);
            assertThat(inboxFiles()).isEmpty();
        }

        @Test
        @DisplayName("an endless body without a declared length is cut at the cap, in bounded time")
        void endlessBody() throws IOException {
            Buffer endless = new Buffer();
            endless.write(new byte[] {'P', 'K', 3, 4});
            endless.write(new byte[2 * 1024 * 1024]);
            GenesisReplay replay = replay().then(new MockResponse()
                    .setHeader("Content-Type", "application/zip")
                    .setChunkedBody(endless, 64 * 1024));

            FetchOutcome outcome = fetchOne(
                    fetcher(replay.baseUrl(), FetchSettings.MAX_DOWNLOAD_SIZE, "1MB"), regional("12411-01-01-4"));

            assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.REFUSED);
            assertThat(outcome.message())
                    .contains("answered more than 1048576 bytes (limit" + " imon.limits.max-download-size)");
            assertThat(inboxFiles()).isEmpty();
        }
    }

    @Test
    @DisplayName("without credentials for a database its tables are refused, saying which variable to set")
    void noCredentials() {
        Fetcher fetcher = new Fetcher(
                FetchSettings.from(Map.<String, String>of()::get, inbox),
                d -> Optional.empty(),
                log,
                intake,
                NOV_5,
                locks);

        FetchOutcome outcome = fetcher.fetch(
                        List.of(Source.of("12411-01-01-4", Database.ZENSUS)),
                        FetchOptions.defaults(),
                        new FetchListener() {})
                .get(0);

        assertThat(outcome.result()).isEqualTo(FetchOutcome.Result.REFUSED);
        assertThat(outcome.message())
                .startsWith("no credentials for the Zensusdatenbank 2022: set"
                        + " IMON_GENESIS_TOKEN_ZENSUS or IMON_GENESIS_TOKEN");
    }
}
