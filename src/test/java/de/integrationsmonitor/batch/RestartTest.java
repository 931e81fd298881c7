package de.integrationsmonitor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.report.PreparedEdition;
import de.integrationsmonitor.report.ReportService;
import de.integrationsmonitor.report.edition.EditionLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The jobs restart where they stopped, as Spring Batch restarts a failed job instance: an ingest retries only the
 * file that was refused, a report renders only the Kreis that could not be written. Launched with spring-batch-test's
 * {@link JobOperatorTestUtils}.
 */
@SpringBootTest
@SpringBatchTest
class RestartTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/classic").toAbsolutePath();
    static final Path EDITION = Path.of("src/test/resources/editions/auslaenderanteil-2015.yml");

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> Path.of("").toAbsolutePath().toString());
        registry.add("imon.home", () -> home.toString());
        registry.add("spring.flyway.clean-disabled", () -> "false");
    }

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("ingestJob")
    Job ingestJob;

    @Autowired
    @Qualifier("reportJob")
    Job reportJob;

    @Autowired
    IngestService ingest;

    @Autowired
    ComputationService computation;

    @Autowired
    ReportService reports;

    @Autowired
    ImonSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Flyway flyway;

    @BeforeEach
    void emptyStore() throws IOException {
        flyway.clean();
        flyway.migrate();
    }

    @Test
    void anIngestStartedAgainRetriesTheRefusedFileAndLeavesTheFilesThatWentIn(@TempDir Path inbox) throws Exception {
        Path good = Files.copy(FIXTURES.resolve("wide-layout-two-dates.csv"), inbox.resolve("a-good.csv"));
        Path late = inbox.resolve("b-late.csv");
        JobParameters parameters = IngestJobConfiguration.parameters(List.of(good, late), "test-" + inbox.hashCode());
        jobs.setJob(ingestJob);

        JobExecution first = jobs.startJob(parameters);

        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(IngestJobConfiguration.outcomes(List.copyOf(first.getStepExecutions())))
                .extracting(o -> o.fileName() + " " + o.status())
                .containsExactly("a-good.csv STORED", "b-late.csv REFUSED");

        Files.copy(FIXTURES.resolve("period-column-age-groups.csv"), late);
        JobExecution second = jobs.startJob(parameters);

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getJobInstance().getInstanceId())
                .isEqualTo(first.getJobInstance().getInstanceId());
        assertThat(second.getStepExecutions())
                .extracting(StepExecution::getStepName)
                .contains("ingest-file:file-0002")
                .doesNotContain("ingest-file:file-0001");
        assertThat(jdbc.queryForList("SELECT file_name FROM delivery ORDER BY id", String.class))
                .containsExactly("a-good.csv", "b-late.csv");
    }

    @Test
    void aReportStartedAgainRendersOnlyTheKreisThatCouldNotBeWrittenAndPublishesTheWholeEdition() throws Exception {
        ingest.ingest(FIXTURES.resolve("period-column-age-groups.csv"));
        long computed = computation.compute(settings.catalogue()).computationId();
        PreparedEdition prepared = reports.prepare(EditionLoader.load(EDITION), computed, Optional.empty());
        JobParameters parameters = ReportJobConfiguration.parameters(prepared, Optional.empty());
        // a folder where Halle's PDF should go: its PDF cannot be written, the others can
        Path blocker = settings.output()
                .resolve(".staging")
                .resolve("auslaenderanteil-2015@" + new DefaultJobKeyGenerator().generateKey(parameters))
                .resolve("15002.pdf");
        Files.createDirectories(blocker);
        Files.writeString(blocker.resolve("in-the-way"), "x", StandardCharsets.UTF_8);
        jobs.setJob(reportJob);

        JobExecution first = jobs.startJob(parameters);

        Path folder = settings.output().resolve("auslaenderanteil-2015");
        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(folder.resolve("15001.pdf")).exists();
        assertThat(folder.resolve("land-15.pdf")).exists();
        assertThat(folder.resolve("15002.pdf")).doesNotExist();
        String manifest = Files.readString(folder.resolve("manifest.txt"));
        assertThat(manifest)
                .contains("15001.pdf SHA-256 " + Sha256.of(folder.resolve("15001.pdf")), "Nicht erstellt:\n  15002: ");
        Object dessau = Files.readAttributes(
                        folder.resolve("15001.pdf"), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();

        // what stood in the way was not published beside the reports, and is gone with the staging folder
        assertThat(blocker).doesNotExist();
        JobExecution second = jobs.startJob(parameters);

        assertThat(second.getStatus())
                .as(second.getAllFailureExceptions().toString() + second.getStepExecutions())
                .isEqualTo(BatchStatus.COMPLETED);
        long rendered = second.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("render-units:"))
                .mapToLong(StepExecution::getWriteCount)
                .sum();
        assertThat(rendered).isEqualTo(1);
        assertThat(folder.resolve("15002.pdf")).exists();
        assertThat(Files.readString(folder.resolve("manifest.txt")))
                .contains("15001.pdf", "15002.pdf", "land-15.pdf")
                .doesNotContain("Nicht erstellt");
        // Dessau-Roßlau's PDF was carried over, not rendered again: the same file
        assertThat(Files.readAttributes(folder.resolve("15001.pdf"), java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey())
                .isEqualTo(dessau);
        assertThat(settings.output().resolve(".staging")).doesNotExist();
    }
}
