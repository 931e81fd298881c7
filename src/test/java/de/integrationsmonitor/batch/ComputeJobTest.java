package de.integrationsmonitor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import de.integrationsmonitor.audit.AuditEntry;
import de.integrationsmonitor.audit.AuditLog;
import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.kernel.ImonSettings;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The compute job as it is launched: the whole catalogue over the stored deliveries, once per basis (deliveries,
 * catalogue, register); what it computed is stored, named in the step's context and entered in the audit log, and
 * the same basis is not computed again.
 */
@SpringBootTest
@SpringBatchTest
class ComputeJobTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/classic").toAbsolutePath();

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
    @Qualifier("computeJob")
    Job computeJob;

    @Autowired
    IngestService ingest;

    @Autowired
    ComputationService computation;

    @Autowired
    ImonSettings settings;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Flyway flyway;

    @BeforeEach
    void emptyStore() {
        flyway.clean();
        flyway.migrate();
    }

    @Test
    void theCatalogueIsComputedOnceOverTheStoredDeliveriesAndEnteredInTheAuditLog() throws Exception {
        ingest.ingest(FIXTURES.resolve("period-column-age-groups.csv"));
        JobParameters basis = ComputeJobConfiguration.parameters(computation.basis(settings.catalogue()));
        jobs.setJob(computeJob);

        JobExecution execution = jobs.startJob(basis);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        ComputeJobConfiguration.Computed computed = ComputeJobConfiguration.computed(
                        List.copyOf(execution.getStepExecutions()))
                .orElseThrow();
        assertThat(computed.made()).isTrue();
        assertThat(computed.valuesPerIndicator()).containsKey("auslaenderanteil");
        long stored = jdbc.queryForObject(
                "SELECT COUNT(*) FROM indicator_value WHERE computation_id = ?", Long.class, computed.computationId());
        assertThat(stored)
                .isPositive()
                .isEqualTo(computed.valuesPerIndicator().values().stream()
                        .mapToLong(Integer::longValue)
                        .sum());
        assertThat(auditLog.entries())
                .extracting(AuditEntry::action, AuditEntry::subject)
                .contains(tuple(AuditEntry.COMPUTE, "computation " + computed.computationId()));

        // the same deliveries, catalogue and register are the same job instance: done, not computed again
        assertThatThrownBy(() -> jobs.startJob(basis)).isInstanceOf(JobInstanceAlreadyCompleteException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM computation", Long.class))
                .isEqualTo(1);
    }
}
