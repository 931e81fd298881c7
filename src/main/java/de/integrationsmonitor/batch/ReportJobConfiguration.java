package de.integrationsmonitor.batch;

import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.report.EditionPublisher;
import de.integrationsmonitor.report.PreparedEdition;
import de.integrationsmonitor.report.ReportService;
import de.integrationsmonitor.report.publish.Publication;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The report job: plan (which edition, which computation, which Kreise), render (partitioned into groups of units,
 * each a chunk-oriented step of one unit per chunk, the partitions in parallel on all cores) and publish (the
 * manifest written and the staging folder swapped in for the published one). Identified by the edition's inputs
 * (edition file, templates, deliveries, catalogue, register), the computation and the Kreis asked for. When units
 * fail, what was written is still published and the job ends failed; starting it again runs every partition again,
 * which renders only the units not yet written and verified (the failed ones), and publishes the whole edition.
 */
@Configuration
public class ReportJobConfiguration {

    public static final String REPORT_JOB = "report";
    static final String PLAN_STEP = "plan";
    static final String RENDER_STEP = "render";
    static final String RENDER_UNITS_STEP = "render-units";
    static final String PUBLISH_STEP = "publish";
    /** Non-identifying job parameter: the edition file. */
    public static final String EDITION_FILE = "edition.file";
    /** Identifying job parameters: the edition's inputs, the computation, the Kreis asked for ("" for all). */
    public static final String EDITION_INPUTS = "edition.inputs";

    public static final String COMPUTATION = "computation";
    public static final String KREIS = "kreis";
    /** Identifying job parameter of a report the user asked for again although it was rendered before. */
    public static final String AGAIN = "requested.again";
    /** Job context: the planned editions, each an {@link RenderUnits.EditionPlan} as a map. */
    static final String EDITIONS = "editions";
    /** Publish step context: per edition id, what was published. */
    static final String PUBLISHED = "published";

    static final String PARTIAL = "PARTIAL";

    private final ResourcelessTransactionManager noTransaction = new ResourcelessTransactionManager();

    public static JobParameters parameters(PreparedEdition prepared, java.util.Optional<String> kreis) {
        return parameters(prepared, kreis, false);
    }

    /** The parameters of a report run; {@code remote} sends the render partitions to the workers. */
    public static JobParameters parameters(PreparedEdition prepared, java.util.Optional<String> kreis, boolean remote) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(
                        EDITION_FILE,
                        prepared.edition().file().toAbsolutePath().normalize().toString(),
                        false)
                .addString(EDITION_INPUTS, prepared.inputsSha256(), true)
                .addLong(COMPUTATION, prepared.computation().id(), true)
                .addString(KREIS, kreis.orElse(""), true);
        if (remote) {
            builder.addString(RemoteOrLocal.REMOTE, "true", false); // where it runs, not what it is
        }
        return builder.toJobParameters();
    }

    /** The edition of the job's parameters, planned: its staging folder prepared, leftovers of killed runs removed. */
    @Bean
    Step planStep(JobRepository repository, ReportService reports, ImonSettings settings) {
        return new StepBuilder(PLAN_STEP, repository)
                .tasklet(
                        (contribution, chunk) -> {
                            StepExecution step = contribution.getStepExecution();
                            JobParameters p = step.getJobParameters();
                            String run = runKey(step);
                            // the render time is fixed here, once per job: a restart after a crash renders at the same
                            // time
                            RenderUnits.EditionPlan plan = new RenderUnits.EditionPlan(
                                    p.getString(EDITION_FILE),
                                    p.getLong(COMPUTATION),
                                    p.getString(KREIS, ""),
                                    p.getString(EDITION_INPUTS),
                                    run,
                                    "",
                                    reports.now().getEpochSecond());
                            PreparedEdition prepared = plan.prepare(reports);
                            plan = new RenderUnits.EditionPlan(
                                    plan.file(),
                                    plan.computation(),
                                    plan.kreis(),
                                    plan.inputs(),
                                    run,
                                    prepared.edition().id(),
                                    plan.at());
                            ready(Publication.of(settings.output(), prepared.edition()), run);
                            step.getJobExecution()
                                    .getExecutionContext()
                                    .put(EDITIONS, new ArrayList<>(List.of(plan.asMap())));
                            return RepeatStatus.FINISHED;
                        },
                        noTransaction)
                .build();
    }

    /**
     * The key of a run's staging folder: the job key of its identifying parameters, the same for every execution of
     * the job instance (so a restart finds its staging folder) and known before the job starts.
     */
    static String runKey(StepExecution step) {
        return new org.springframework.batch.core.job.DefaultJobKeyGenerator().generateKey(step.getJobParameters());
    }

    /** Puts right what killed runs left in the edition's output and drops staging folders no run will continue. */
    static void ready(Publication publication, String run) {
        publication.recover();
        publication.discardStagingExcept(run);
    }

    /** The units of the planned editions, in partitions of {@code imon.render.partition-size} units. */
    @Bean
    @StepScope
    Partitioner unitPartitioner(
            @Value("#{stepExecution}") StepExecution stepExecution,
            ReportService reports,
            @Value("${imon.render.partition-size:10}") int size,
            ApplicationEventPublisher events) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            List<RenderUnits.EditionPlan> plans = plans(stepExecution.getJobExecution());
            for (int e = 0; e < plans.size(); e++) {
                PreparedEdition prepared = plans.get(e).prepare(reports);
                events.publishEvent(new RunEvents.RenderingStarted(
                        prepared.edition().id(), prepared.units().size()));
                List<ExecutionContext> parts = plans.get(e).partitions(prepared.units(), Math.max(1, size));
                for (int i = 0; i < parts.size(); i++) {
                    partitions.put(String.format("e%02d-%04d", e + 1, i + 1), parts.get(i));
                }
            }
            return partitions;
        };
    }

    @Bean
    TaskExecutor renderExecutor(@Value("${imon.render.threads:0}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        executor.setCorePoolSize(n);
        executor.setMaxPoolSize(n);
        executor.setThreadNamePrefix("render-");
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    /**
     * The partitions rendered in this JVM on all cores, or with {@code --remote} by the workers (a partition that
     * completed in an earlier execution with every PDF still in place is not sent again).
     */
    @Bean
    Step renderStep(
            JobRepository repository,
            Partitioner unitPartitioner,
            Step renderUnitsStep,
            TaskExecutor renderExecutor,
            @Value("${imon.render.threads:0}") int threads,
            RemotePartitionHandler.Factory remotePartitions,
            ReportService reports,
            ImonSettings settings) {
        Map<RenderUnits.EditionPlan, PreparedEdition> editions = new java.util.concurrent.ConcurrentHashMap<>();
        return new StepBuilder(RENDER_STEP, repository)
                .partitioner(RENDER_UNITS_STEP, unitPartitioner)
                .partitionHandler(new RemoteOrLocal(
                        OrderedPartitionHandler.of(
                                renderUnitsStep,
                                renderExecutor,
                                threads > 0 ? threads : Runtime.getRuntime().availableProcessors()),
                        remotePartitions.of(
                                RENDER_UNITS_STEP,
                                before -> RenderUnits.nothingLeft(
                                        before.getExecutionContext(), reports, settings, editions))))
                .aggregator(RemoteOrLocal.remotePartitionsMayFail())
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    RenderUnits renderUnits(ReportService reports, ImonSettings settings, ApplicationEventPublisher events) {
        return new RenderUnits(reports, settings, events);
    }

    /** One partition: one unit per chunk, so that each PDF written is committed to the partition's context. */
    @Bean
    Step renderUnitsStep(JobRepository repository, RenderUnits renderUnits) {
        return new StepBuilder(RENDER_UNITS_STEP, repository)
                .<String, String>chunk(1)
                .reader(renderUnits)
                .writer(renderUnits)
                .transactionManager(noTransaction)
                .allowStartIfComplete(true)
                .build();
    }

    /**
     * Publishes every planned edition: the PDFs the partitions wrote (in this execution or an earlier one of the
     * same job), for a run of one Kreis also the edition's other published reports, and the manifest; ends
     * {@code PARTIAL} when a unit failed.
     */
    @Bean
    Step publishStep(JobRepository repository, ReportService reports, ImonSettings settings) {
        return new StepBuilder(PUBLISH_STEP, repository)
                .tasklet(
                        (contribution, chunk) -> {
                            StepExecution step = contribution.getStepExecution();
                            List<StepExecution> partitions = Progress.partitions(
                                    allSteps(repository, step.getJobExecution()), RENDER_UNITS_STEP);
                            boolean partial = false;
                            HashMap<String, Object> published = new HashMap<>();
                            for (RenderUnits.EditionPlan plan : plans(step.getJobExecution())) {
                                PreparedEdition prepared = plan.prepare(reports);
                                Publication publication = Publication.of(settings.output(), prepared.edition());
                                Map<String, String> done = new TreeMap<>();
                                Map<String, String> failed = new TreeMap<>();
                                for (StepExecution partition : partitions) {
                                    RenderUnits.EditionPlan of =
                                            RenderUnits.EditionPlan.of(partition.getExecutionContext());
                                    if (of.run().equals(plan.run()) && of.file().equals(plan.file())) {
                                        done.putAll(map(partition.getExecutionContext(), RenderUnits.DONE));
                                        failed.putAll(map(partition.getExecutionContext(), RenderUnits.FAILED));
                                    }
                                }
                                EditionPublisher.Published outcome = EditionPublisher.publish(
                                        prepared,
                                        publication,
                                        plan.run(),
                                        done,
                                        failed,
                                        plan.onlyKreis(),
                                        Instant.ofEpochSecond(plan.at()));
                                partial |= !outcome.failed().isEmpty();
                                published.put(prepared.edition().id(), PublishedCodec.write(outcome));
                            }
                            step.getExecutionContext().put(PUBLISHED, published);
                            if (partial) {
                                contribution.setExitStatus(
                                        new ExitStatus(PARTIAL, "some reports could not be rendered"));
                            }
                            return RepeatStatus.FINISHED;
                        },
                        noTransaction)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Job reportJob(JobRepository repository, Step planStep, Step renderStep, Step publishStep) {
        return new JobBuilder(REPORT_JOB, repository)
                .start(planStep)
                .next(renderStep)
                .on("*")
                .to(publishStep)
                .from(publishStep)
                .on(PARTIAL)
                .fail()
                .from(publishStep)
                .on(ExitStatus.FAILED.getExitCode())
                .fail()
                .from(publishStep)
                .on("*")
                .end()
                .build()
                .build();
    }

    @SuppressWarnings("unchecked")
    static List<RenderUnits.EditionPlan> plans(JobExecution execution) {
        List<Map<String, Object>> maps =
                (List<Map<String, Object>>) execution.getExecutionContext().get(EDITIONS, List.class, List.of());
        return maps.stream().map(RenderUnits.EditionPlan::of).toList();
    }

    /** The step executions of every execution of the job instance, so that a restart sees earlier partitions. */
    static List<StepExecution> allSteps(JobRepository repository, JobExecution execution) {
        List<StepExecution> steps = new ArrayList<>();
        for (JobExecution e : repository.getJobExecutions(execution.getJobInstance())) {
            steps.addAll(e.getStepExecutions());
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> map(ExecutionContext context, String key) {
        return (Map<String, String>) context.get(key, Map.class, Map.of());
    }

    /** What the publish step of an execution published, per edition id. */
    public static Map<String, EditionPublisher.Published> published(List<StepExecution> steps) {
        return steps.stream()
                .filter(s -> s.getStepName().equals(PUBLISH_STEP))
                .filter(s -> s.getExecutionContext().containsKey(PUBLISHED))
                .reduce((a, b) -> a.getId() > b.getId() ? a : b)
                .map(s -> PublishedCodec.readAll(s.getExecutionContext().get(PUBLISHED)))
                .orElse(Map.of());
    }
}
