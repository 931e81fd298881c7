package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.integrationsmonitor.batch.Runs;
import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.store.RunLocks;
import de.integrationsmonitor.testing.Imon.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bin/imon nightly} as a scheduler runs it, night after night, on the embedded H2 default:
 * {@link PostgresNightlyTest} runs the same on PostgreSQL.
 */
class NightlyTest extends CommandLineTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RunLocks locks;

    Path inbox;
    Path editions;

    @BeforeEach
    void inboxWithADeliveryAndAnEdition() throws IOException {
        inbox = Files.createDirectories(home.resolve("inbox"));
        editions = Files.createDirectories(home.resolve("editions"));
        try (Stream<Path> old = Stream.concat(Files.list(inbox), Files.list(editions))) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Files.copy(FIXTURES.resolve("period-column-age-groups.csv"), inbox.resolve("12411-03-03-4.csv"));
        Files.copy(
                Path.of("src/test/resources/editions/auslaenderanteil-2015.yml"),
                editions.resolve("auslaenderanteil-2015.yml"));
    }

    Run nightly(String date) {
        return imon("nightly", "--inbox", inbox.toString(), "--editions", editions.toString(), "--run-date", date);
    }

    @Test
    void aNightTakesInTheInboxComputesRendersAndLeavesASummaryForTheDepartment() throws IOException {
        Run run = nightly("2026-12-01");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        Path folder = home.resolve("output/auslaenderanteil-2015");
        assertThat(folder.resolve("15001.pdf")).exists();
        assertThat(folder.resolve("land-15.pdf")).exists();
        assertThat(folder.resolve("manifest.txt")).exists();
        Path json;
        try (Stream<Path> summaries = Files.list(home.resolve("output/laeufe"))) {
            json = summaries
                    .filter(p -> p.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
        }
        assertThat(json.resolveSibling(json.getFileName().toString().replace(".json", ".txt")))
                .exists();
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertThat(summary.get("runDate").asText()).isEqualTo("2026-12-01");
        assertThat(summary.get("outcome").asText()).isEqualTo("DONE");
        assertThat(summary.get("takenIn")).singleElement().satisfies(f -> {
            assertThat(f.get("file").asText()).isEqualTo("12411-03-03-4.csv");
            assertThat(f.get("stored").asLong()).isEqualTo(5);
        });
        assertThat(summary.get("computation").get("computedNow").asBoolean()).isTrue();
        assertThat(summary.get("rendered")).singleElement().satisfies(r -> {
            assertThat(r.get("edition").asText()).isEqualTo("auslaenderanteil-2015");
            assertThat(r.get("written").asInt()).isEqualTo(3); // 15001, 15002, land-15
        });
        assertThat(summary.get("steps").findValuesAsText("name"))
                .containsExactly("fetch", "ingest", "compute", "plan-editions", "render", "publish");
        assertThat(run.out()).contains("1 file(s) taken in, 0 refused");
    }

    @Test
    void withoutInboxANightTakesInTheInboxOfItsHomeNotTheProjectsSample() throws IOException {
        Path homeInbox = Files.createDirectories(home.resolve("input"));
        try (Stream<Path> old = Files.list(homeInbox)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Files.copy(FIXTURES.resolve("period-column-age-groups.csv"), homeInbox.resolve("12411-03-03-4-home.csv"));

        Run run = imon("nightly", "--editions", editions.toString(), "--run-date", "2026-12-02");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("1 file(s) taken in, 0 refused")
                .contains("12411-03-03-4-home.csv")
                .doesNotContain("_beispiel.csv");
    }

    @Test
    void anEditionsFolderThatDoesNotExistIsACommandLineErrorNotAQuietNight() {
        Path missing = home.resolve("no-such-editions");

        Run run = imon(
                "nightly", "--inbox", inbox.toString(), "--editions", missing.toString(), "--run-date", "2026-12-03");

        assertThat(run.exit()).isEqualTo(64);
        assertThat(run.err())
                .contains("--editions " + missing + ": no such folder")
                .doesNotContain("\tat ");
        assertThat(run.out()).doesNotContain("done");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Long.class))
                .isZero();
    }

    @Test
    void aSecondNightWithNothingNewRendersNothingAndLeavesEveryFileAsItWas() throws IOException {
        assertThat(nightly("2026-12-01").exit()).isZero();
        Map<Path, String> before = files(home.resolve("output/auslaenderanteil-2015"));
        Map<Path, FileTime> times = modified(before);

        Run second = nightly("2026-12-02");

        assertThat(second.exit()).isZero();
        assertThat(second.out())
                .contains("nothing new: 1 file(s) in the inbox were stored before, the indicators"
                        + " are up to date, 1 edition(s) unchanged");
        assertThat(files(home.resolve("output/auslaenderanteil-2015"))).isEqualTo(before);
        assertThat(modified(before)).isEqualTo(times);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM computation", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Long.class))
                .isEqualTo(1);
    }

    @Test
    void aNightThatCompletedIsNotRunAgain() {
        assertThat(nightly("2026-12-01").exit()).isZero();

        Run again = nightly("2026-12-01");

        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("the nightly run of", "completed at", "nothing to do");
    }

    @Test
    void anEditionOfWhichNoKreisHasDataForItsYearIsNamedForAPersonNotPassedOverInSilence() throws IOException {
        Files.writeString(
                editions.resolve("auslaenderanteil-2015.yml"),
                Files.readString(editions.resolve("auslaenderanteil-2015.yml"))
                        .replace("report_year: 2015", "report_year: 2005"));

        Run run = nightly("2026-12-01");

        // Sachsen-Anhalt had 24 Kreise at the end of 2005, before its reform of 1 July 2007
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "Needs a person:",
                        "edition auslaenderanteil-2015: none of its 24 Kreise has"
                                + " data for the edition's period, nothing was rendered",
                        "auslaenderanteil-2015: 0 PDF(s) in",
                        "24 Kreise left out (no data for them)");
    }

    @Test
    void aRefusedFileIsNamedWithItsReasonAndTheRestGoesIn() throws IOException {
        Files.writeString(inbox.resolve("kaputt.csv"), "this is no extract\n", StandardCharsets.UTF_8);

        Run run = nightly("2026-12-01");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out())
                .contains(
                        "Needs a person:",
                        "file kaputt.csv was refused: kaputt.csv, line 1: not a" + " GENESIS extract");
        assertThat(home.resolve("output/auslaenderanteil-2015/15001.pdf")).exists();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Long.class))
                .isEqualTo(1);
    }

    @Test
    void aSecondNightlyWhileOneRunsExits75NamingTheHolderAndChangesNothing() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (RunLocks.Lease lease =
                    locks.tryLock(Runs.NIGHTLY_LOCK, "nightly").orElseThrow()) {
                held.countDown();
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            Run second = nightly("2026-12-01");

            assertThat(second.exit()).isEqualTo(75);
            assertThat(second.err())
                    .contains(
                            "another nightly run holds the lock 'nightly'",
                            "pid " + ProcessHandle.current().pid(),
                            "since");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Long.class))
                    .isZero();
            assertThat(home.resolve("output/auslaenderanteil-2015")).doesNotExist();
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
    }

    static Map<Path, String> files(Path folder) throws IOException {
        Map<Path, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(f -> hashes.put(f, Sha256.of(f)));
        }
        return hashes;
    }

    static Map<Path, FileTime> modified(Map<Path, String> files) throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        for (Path f : files.keySet()) {
            times.put(f, Files.getLastModifiedTime(f));
        }
        return times;
    }
}
