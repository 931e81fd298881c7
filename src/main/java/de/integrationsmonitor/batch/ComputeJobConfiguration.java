package de.integrationsmonitor.batch;

import de.integrationsmonitor.audit.AuditEntry;
import de.integrationsmonitor.audit.AuditLog;
import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.kernel.ImonSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The compute job: the whole catalogue over the stored deliveries, in one transaction of the computation service.
 * Identified by what it computes from (the deliveries' hashes, the catalogue's and the register's), so the same
 * computation is never made twice; the nightly run's compute step computes only when one of them changed.
 */
@Configuration
public class ComputeJobConfiguration {

    public static final String COMPUTE_JOB = "compute";
    static final String COMPUTE_STEP = "compute";
    public static final String DELIVERIES_SHA256 = "deliveries.sha256";
    public static final String CATALOGUE_SHA256 = "catalogue.sha256";
    public static final String REGISTER_SHA256 = "register.sha256";
    /** Execution-context key of the step (and, in the nightly run, of the job): the computation id. */
    static final String COMPUTATION = "computation.id";

    static final String COMPUTED = "computation.new";
    static final String VALUES = "computation.values";
    private final ResourcelessTransactionManager noTransaction = new ResourcelessTransactionManager();

    public static JobParameters parameters(ComputationService.Basis basis) {
        return new JobParametersBuilder()
                .addString(DELIVERIES_SHA256, basis.deliveriesSha256(), true)
                .addString(CATALOGUE_SHA256, basis.catalogueSha256(), true)
                .addString(REGISTER_SHA256, basis.registerSha256(), true)
                .toJobParameters();
    }

    /** Computes the catalogue unless the latest computation already rests on the same deliveries, catalogue, register. */
    @Bean
    Step computeStep(
            JobRepository repository, ComputationService computation, ImonSettings settings, AuditLog auditLog) {
        return new StepBuilder(COMPUTE_STEP, repository)
                .tasklet(
                        (contribution, chunk) -> {
                            StepExecution step = contribution.getStepExecution();
                            ExecutionContext context = step.getExecutionContext();
                            java.util.Optional<Long> current = computation.current(settings.catalogue());
                            if (current.isPresent()) {
                                context.putLong(COMPUTATION, current.get());
                                context.putString(COMPUTED, "false");
                            } else {
                                ComputationService.Summary summary = computation.compute(settings.catalogue());
                                ComputationService.Basis basis = computation.basis(settings.catalogue());
                                auditLog.append(
                                        AuditEntry.COMPUTE,
                                        "computation " + summary.computationId(),
                                        "deliveries sha256 " + basis.deliveriesSha256() + " catalogue sha256 "
                                                + basis.catalogueSha256() + " register sha256 "
                                                + basis.registerSha256());
                                context.putLong(COMPUTATION, summary.computationId());
                                context.putString(COMPUTED, "true");
                                context.put(VALUES, new LinkedHashMap<>(summary.valuesPerIndicator()));
                                contribution.incrementWriteCount(summary.valuesPerIndicator().values().stream()
                                        .mapToInt(Integer::intValue)
                                        .sum());
                            }
                            step.getJobExecution()
                                    .getExecutionContext()
                                    .putLong(COMPUTATION, context.getLong(COMPUTATION));
                            return RepeatStatus.FINISHED;
                        },
                        noTransaction)
                .build();
    }

    @Bean
    Job computeJob(JobRepository repository, Step computeStep) {
        return new JobBuilder(COMPUTE_JOB, repository).start(computeStep).build();
    }

    /** What a compute step did: the computation it made or found current, and its values per indicator. */
    public record Computed(long computationId, boolean made, Map<String, Integer> valuesPerIndicator) {}

    @SuppressWarnings("unchecked")
    static java.util.Optional<Computed> computed(java.util.List<StepExecution> steps) {
        return steps.stream()
                .filter(s -> s.getStepName().equals(COMPUTE_STEP))
                .filter(s -> s.getExecutionContext().containsKey(COMPUTATION))
                .reduce((a, b) -> a.getId() > b.getId() ? a : b)
                .map(s -> new Computed(
                        s.getExecutionContext().getLong(COMPUTATION),
                        "true".equals(s.getExecutionContext().getString(COMPUTED, "false")),
                        (Map<String, Integer>) s.getExecutionContext().get(VALUES, Map.class, Map.of())));
    }
}
