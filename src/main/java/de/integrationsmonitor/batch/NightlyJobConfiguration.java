package de.integrationsmonitor.batch;

import de.integrationsmonitor.fetch.FetchConfigurationException;
import de.integrationsmonitor.fetch.FetchListener;
import de.integrationsmonitor.fetch.FetchOptions;
import de.integrationsmonitor.fetch.FetchOutcome;
import de.integrationsmonitor.fetch.FetchService;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.report.EditionPlanner;
import de.integrationsmonitor.report.ReportService;
import de.integrationsmonitor.validate.FindingStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.ExitStatus;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly run, the job a scheduler starts: fetch the configured sources from the offices (when credentials are
 * set), ingest what is new in the inbox (one partition per file; files stored
 * before are recognised by their SHA-256), compute when deliveries, catalogue or register changed, render the
 * editions whose inputs changed since they were last published (partitioned as in the report job), publish them,
 * and write the run's summary. Identified by its run date: a night that was interrupted is resumed where it stopped,
 * a night that completed is not run again.
 */
@Configuration
public class NightlyJobConfiguration {

    public static final String NIGHTLY_JOB = "nightly";
    static final String FETCH_STEP = "fetch";
    static final String PLAN_EDITIONS_STEP = "plan-editions";
    static final String SUMMARY_STEP = "summary";
    /** Identifying job parameter: the night. */
    public static final String RUN_DATE = "run.date";
    /** Non-identifying job parameter: the folder of edition files. */
    public static final String EDITIONS_DIR = "editions";
    /** Plan step context: editions left as they are (published and up to date), and editions refused. */
    static final String UNCHANGED = "editions.unchanged";

    static final String REFUSED = "editions.refused";
    /** Fetch step context: per table what fetching gave, or why nothing was fetched. */
    static final String FETCHED = "fetch.outcomes";

    static final String FETCH_NOTE = "fetch.note";
    /** Summary step context: the files of the run's summary. */
    static final String SUMMARY_FILES = "summary.files";

    static final String SUMMARY_STATUS = "summary.status";

    private final ResourcelessTransactionManager noTransaction = new ResourcelessTransactionManager();

    public static JobParameters parameters(LocalDate runDate, Path inbox, Path editions) {
        return parameters(runDate, inbox, editions, false);
    }

    /** The parameters of a night; {@code remote} sends the ingest and render partitions to the workers. */
    public static JobParameters parameters(LocalDate runDate, Path inbox, Path editions, boolean remote) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addLocalDate(RUN_DATE, runDate, true)
                .addString(
                        IngestJobConfiguration.INBOX,
                        inbox.toAbsolutePath().normalize().toString(),
                        false)
                .addString(EDITIONS_DIR, editions.toAbsolutePath().normalize().toString(), false);
        if (remote) {
            builder.addString(RemoteOrLocal.REMOTE, "true", false); // where it runs, not what it is
        }
        return builder.toJobParameters();
    }

    /**
     * Fetches the sources of {@code jobs/quellen.yml} into the inbox and ingests them, when credentials for the
     * offices' web service are set; otherwise says so and does nothing. What each table gave is kept for the summary.
     */
    @Bean
    Step fetchStep(JobRepository repository, FetchService fetch, ApplicationEventPublisher events) {
        return new StepBuilder(FETCH_STEP, repository)
                .tasklet(
                        (contribution, chunk) -> {
                            StepExecution step = contribution.getStepExecution();
                            if (!fetch.credentialsSet()) {
                                step.getExecutionContext()
                                        .putString(
                                                FETCH_NOTE,
                                                "no credentials for the offices' web service are"
                                                        + " set (IMON_GENESIS_TOKEN, IMON_GENESIS_USER/PASSWORD or IMON_GENESIS_CREDENTIALS):"
                                                        + " nothing fetched");
                                return RepeatStatus.FINISHED;
                            }
                            ArrayList<HashMap<String, Object>> outcomes = new ArrayList<>();
                            try {
                                Path inbox = Path.of(step.getJobParameters().getString(IngestJobConfiguration.INBOX));
                                for (FetchOutcome o : fetch.fetchConfigured(
                                        new FetchOptions(false, false, Optional.of(inbox)), new FetchListener() {})) {
                                    HashMap<String, Object> outcome = new HashMap<>();
                                    outcome.put("table", o.table());
                                    outcome.put(
                                            "database",
                                            o.database().map(d -> d.id()).orElse(""));
                                    outcome.put("result", o.result().label());
                                    outcome.put("message", o.describe());
                                    outcome.put("file", o.fileName().orElse(""));
                                    o.ingest().ifPresent(i -> {
                                        outcome.put("ingest", ingestedMap(i));
                                        events.publishEvent(new RunEvents.FileIngested(i));
                                    });
                                    outcomes.add(outcome);
                                }
                            } catch (FetchConfigurationException e) {
                                step.getExecutionContext().putString(FETCH_NOTE, "nothing fetched: " + e.getMessage());
                            }
                            step.getExecutionContext().put(FETCHED, outcomes);
                            return RepeatStatus.FINISHED;
                        },
                        noTransaction)
                .build();
    }

    private static HashMap<String, Object> ingestedMap(IngestOutcome outcome) {
        ExecutionContext context = new ExecutionContext();
        IngestJobConfiguration.write(outcome, context);
        return new HashMap<>(context.toMap());
    }

    /**
     * Plans the editions of the editions folder whose published folder does not already hold their reports from
     * the current computation, templates and edition file; a wrong edition is refused and the others go on.
     */
    @Bean
    Step planEditionsStep(JobRepository repository, EditionPlanner planner, ReportService reports) {
        return new StepBuilder(PLAN_EDITIONS_STEP, repository)
                .tasklet(
                        (contribution, chunk) -> {
                            StepExecution step = contribution.getStepExecution();
                            long computation = step.getJobExecution()
                                    .getExecutionContext()
                                    .getLong(ComputeJobConfiguration.COMPUTATION);
                            String run = ReportJobConfiguration.runKey(step);
                            EditionPlanner.FolderPlan plan = planner.planFolder(
                                    Path.of(step.getJobParameters().getString(EDITIONS_DIR)),
                                    computation,
                                    publication -> ReportJobConfiguration.ready(publication, run));
                            List<HashMap<String, Object>> planned = new ArrayList<>();
                            for (EditionPlanner.Planned edition : plan.toRender()) {
                                planned.add(new RenderUnits.EditionPlan(
                                                edition.prepared()
                                                        .edition()
                                                        .file()
                                                        .toAbsolutePath()
                                                        .normalize()
                                                        .toString(),
                                                computation,
                                                "",
                                                edition.prepared().inputsSha256(),
                                                run,
                                                edition.prepared().edition().id(),
                                                reports.now().getEpochSecond())
                                        .asMap());
                            }
                            step.getJobExecution()
                                    .getExecutionContext()
                                    .put(ReportJobConfiguration.EDITIONS, new ArrayList<>(planned));
                            step.getExecutionContext().put(UNCHANGED, new ArrayList<>(plan.unchanged()));
                            step.getExecutionContext().put(REFUSED, new LinkedHashMap<>(plan.refused()));
                            return RepeatStatus.FINISHED;
                        },
                        noTransaction)
                .build();
    }

    /** Writes the run's summary for the department, and decides how the night ended. */
    @Bean
    Step summaryStep(JobRepository repository, ImonSettings settings, FindingStore findings, Clock clock) {
        return new StepBuilder(SUMMARY_STEP, repository)
                .tasklet(
                        (contribution, chunk) -> {
                            StepExecution step = contribution.getStepExecution();
                            RunSummary summary = RunSummary.of(
                                    step.getJobExecution(),
                                    ReportJobConfiguration.allSteps(repository, step.getJobExecution()),
                                    findings,
                                    clock);
                            List<Path> files = summary.write(settings.output().resolve("laeufe"));
                            step.getExecutionContext()
                                    .put(
                                            SUMMARY_FILES,
                                            new ArrayList<>(files.stream()
                                                    .map(Path::toString)
                                                    .toList()));
                            step.getExecutionContext()
                                    .putString(SUMMARY_STATUS, summary.outcome().name());
                            step.getJobExecution()
                                    .getExecutionContext()
                                    .putString(SUMMARY_STATUS, summary.outcome().name());
                            if (summary.outcome() == RunSummary.Outcome.FAILED
                                    || summary.outcome() == RunSummary.Outcome.REPORTS_FAILED) {
                                contribution.setExitStatus(ExitStatus.FAILED.addExitDescription(summary.headline()));
                            }
                            return RepeatStatus.FINISHED;
                        },
                        noTransaction)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Job nightlyJob(
            JobRepository repository,
            Step fetchStep,
            Step ingestFilesStep,
            Step computeStep,
            Step planEditionsStep,
            Step renderStep,
            Step publishStep,
            Step summaryStep) {
        return new JobBuilder(NIGHTLY_JOB, repository)
                .start(fetchStep)
                .on("*")
                .to(ingestFilesStep)
                .from(ingestFilesStep)
                .on("*")
                .to(computeStep)
                .from(computeStep)
                .on("FAILED")
                .to(summaryStep)
                .from(computeStep)
                .on("*")
                .to(planEditionsStep)
                .from(planEditionsStep)
                .on("FAILED")
                .to(summaryStep)
                .from(planEditionsStep)
                .on("*")
                .to(renderStep)
                .from(renderStep)
                .on("*")
                .to(publishStep)
                .from(publishStep)
                .on("*")
                .to(summaryStep)
                .from(summaryStep)
                .on("FAILED")
                .fail()
                .from(summaryStep)
                .on("*")
                .end()
                .build()
                .build();
    }
}
