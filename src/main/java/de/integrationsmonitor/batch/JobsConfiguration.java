package de.integrationsmonitor.batch;

import de.integrationsmonitor.ImonSettings;
import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.report.EditionLoader;
import de.integrationsmonitor.report.ReportService;
import de.integrationsmonitor.validate.FindingsReport;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The jobs: ingest, compute, report, and run (the three chained). Wiring only: each step hands its job
 * parameters to a domain service, which owns its transactions (a file is committed whole or not at all), so the
 * steps themselves run without a transaction of their own.
 */
@Configuration
public class JobsConfiguration {

    public static final String INGEST_JOB = "ingest";
    public static final String COMPUTE_JOB = "compute";
    public static final String REPORT_JOB = "report";
    public static final String RUN_JOB = "run";
    /** Job parameter: the files and folders to ingest, one per line. */
    public static final String PATHS = "paths";
    /** Job parameter: the edition files to render, one per line. */
    public static final String EDITIONS = "editions";
    /** Job parameter: render only this Kreis. */
    public static final String KREIS = "kreis";

    private final ResourcelessTransactionManager noTransaction = new ResourcelessTransactionManager();

    @Bean
    Step ingestStep(JobRepository repository, IngestService ingest, RunResults results) {
        return new StepBuilder("ingest-files", repository).tasklet((contribution, chunk) -> {
            List<Path> paths = lines(contribution.getStepExecution().getJobParameters(), PATHS).stream()
                    .map(Path::of).toList();
            ingest.ingest(paths, results::ingested);
            return RepeatStatus.FINISHED;
        }, noTransaction).build();
    }

    @Bean
    Step computeStep(JobRepository repository, ComputationService computation, ImonSettings settings,
                     RunResults results) {
        return new StepBuilder("compute-indicators", repository).tasklet((contribution, chunk) -> {
            // a nightly run on unchanged deliveries, catalogue and register keeps the computation it has
            if (computation.isCurrent(settings.catalogue())) {
                results.progress("indicators are up to date: no delivery, catalogue or register changed");
            } else {
                results.computed(computation.compute(settings.catalogue()));
            }
            return RepeatStatus.FINISHED;
        }, noTransaction).build();
    }

    @Bean
    Step reportStep(JobRepository repository, ReportService reports, FindingsReport findings, ImonSettings settings,
                    RunResults results) {
        return new StepBuilder("render-reports", repository).tasklet((contribution, chunk) -> {
            JobParameters parameters = contribution.getStepExecution().getJobParameters();
            Optional<String> kreis = Optional.ofNullable(parameters.getString(KREIS)).filter(s -> !s.isBlank());
            for (String edition : lines(parameters, EDITIONS)) {
                results.rendered(reports.render(EditionLoader.load(Path.of(edition)), kreis, results::progress));
            }
            results.progress("validation report: " + findings.write(settings.output()));
            return RepeatStatus.FINISHED;
        }, noTransaction).build();
    }

    @Bean
    Job ingestJob(JobRepository repository, Step ingestStep) {
        return new JobBuilder(INGEST_JOB, repository).start(ingestStep).build();
    }

    @Bean
    Job computeJob(JobRepository repository, Step computeStep) {
        return new JobBuilder(COMPUTE_JOB, repository).start(computeStep).build();
    }

    @Bean
    Job reportJob(JobRepository repository, Step reportStep) {
        return new JobBuilder(REPORT_JOB, repository).start(reportStep).build();
    }

    /** The main job: ingest the input folder, compute the catalogue, render every edition. */
    @Bean
    Job runJob(JobRepository repository, Step ingestStep, Step computeStep, Step reportStep) {
        return new JobBuilder(RUN_JOB, repository).start(ingestStep).next(computeStep).next(reportStep).build();
    }

    private static List<String> lines(JobParameters parameters, String name) {
        String value = parameters.getString(name);
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split("\n"));
    }
}
