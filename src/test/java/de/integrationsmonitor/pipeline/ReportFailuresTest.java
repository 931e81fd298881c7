package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.store.RunLocks;
import de.integrationsmonitor.testing.Imon.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a report run says when it cannot do its work, as an operator reads it: one line, the documented exit code,
 * nothing half-written in the published folder.
 */
class ReportFailuresTest extends CommandLineTest {

    static final String EDITION = "src/test/resources/editions/auslaenderanteil-2015.yml";

    @Autowired
    ImonSettings settings;

    @Autowired
    RunLocks locks;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aKreisThatIsNotPartOfTheEditionIsRefusedInOneLine() {
        imon("ingest", fixture("period-column-age-groups.csv"));

        Run run = imon("report", EDITION, "--kreis", "09162");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("imon: Kreis 09162 is not part of edition auslaenderanteil-2015")
                .doesNotContain("\tat ")
                .hasLineCount(1);
    }

    @Test
    void anOutputFolderThatCannotBeWrittenNamesEveryReportThatFailedAndExits3() throws Exception {
        imon("ingest", fixture("period-column-age-groups.csv"));
        Files.writeString(settings.output(), "not a folder", StandardCharsets.UTF_8); // nothing can be written below

        Run run = imon("report", EDITION);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out())
                .contains(
                        "edition auslaenderanteil-2015: 0 PDF(s) published",
                        "3 failed",
                        "failed 15001: ",
                        "failed 15002: ",
                        "failed land-15: ");
        assertThat(run.out() + run.err()).doesNotContain("\tat ");
        Files.delete(settings.output());
    }

    @Test
    void reportsThatCannotBeRecordedAsVersionsAreNotPublishedAndTheRunFailsWithTheReason() throws Exception {
        imon("ingest", fixture("period-column-age-groups.csv"));
        // a database that refuses every new report version (a faulty world: a field too long, a full table space)
        jdbc.execute("ALTER TABLE report_version ADD CONSTRAINT refuses_every_version CHECK (edition_id = '-')");

        Run run = imon("report", EDITION);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out())
                .contains(
                        "edition auslaenderanteil-2015: 0 PDF(s) published",
                        "3 failed",
                        "failed 15001: its reports could not be recorded as report versions, so the published folder");
        assertThat(run.out() + run.err()).doesNotContain("\tat ");
        Path folder = settings.output().resolve("auslaenderanteil-2015");
        if (Files.exists(folder)) {
            try (var files = Files.list(folder)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("published without a version")
                        .noneMatch(name -> name.endsWith(".pdf"));
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM report_version", Long.class))
                .isZero();
    }

    @Test
    void aSecondReportRunIntoTheSameOutputFolderIsRefusedClearlyAndLeavesTheFolderAsItWas() throws Exception {
        imon("ingest", fixture("period-column-age-groups.csv"));
        assertThat(imon("report", EDITION).exit()).isZero();
        Path manifest = settings.output().resolve("auslaenderanteil-2015/manifest.txt");
        String before = Sha256.of(manifest);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String lock = "output:" + settings.output().toAbsolutePath().normalize();
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try (RunLocks.Lease lease =
                    locks.tryLock(lock, "report other-edition").orElseThrow()) {
                held.countDown();
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            Run second = imon("report", EDITION, "--again");

            assertThat(second.exit()).isEqualTo(75);
            assertThat(second.err()).contains("another run writing into", "holds the lock", "report other-edition");
            assertThat(Sha256.of(manifest)).isEqualTo(before);
        } finally {
            release.countDown();
            other.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReportForOneKreisUpdatesItsManifestEntryAndKeepsTheOthers() throws Exception {
        imon("ingest", fixture("period-column-age-groups.csv"));
        assertThat(imon("report", EDITION).exit()).isZero();
        Path folder = settings.output().resolve("auslaenderanteil-2015");
        String halle = Sha256.of(folder.resolve("15002.pdf"));
        String land = Sha256.of(folder.resolve("land-15.pdf"));

        Run run = imon("report", EDITION, "--kreis", "15001", "--again");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        String manifest = Files.readString(folder.resolve("manifest.txt"));
        assertThat(manifest)
                .contains(
                        "15001.pdf SHA-256 " + Sha256.of(folder.resolve("15001.pdf")),
                        "15002.pdf SHA-256 " + halle,
                        "land-15.pdf SHA-256 " + land);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("15001.pdf", "15002.pdf", "daten", "land-15.pdf", "manifest.txt", "web");
        }
    }
}
