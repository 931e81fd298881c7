package de.integrationsmonitor.batch;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Starts a job with its parameters, each start a new job instance (stamped with the time it was asked for). */
@Component
public class JobRunner {

    private final JobOperator operator;
    private final Map<String, Job> jobs;

    public JobRunner(JobOperator operator, @Qualifier("ingestJob") Job ingest, @Qualifier("computeJob") Job compute,
                     @Qualifier("reportJob") Job report, @Qualifier("runJob") Job run) {
        this.operator = operator;
        this.jobs = Map.of(JobsConfiguration.INGEST_JOB, ingest, JobsConfiguration.COMPUTE_JOB, compute,
                JobsConfiguration.REPORT_JOB, report, JobsConfiguration.RUN_JOB, run);
    }

    /** Runs a job to its end; a step that threw makes the job fail, and the cause is rethrown for the caller. */
    public JobExecution run(String job, Map<String, String> parameters) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addLocalDateTime("requested.at", LocalDateTime.now());
        parameters.forEach((k, v) -> builder.addString(k, v, false));
        JobExecution execution;
        try {
            execution = operator.start(jobs.get(job), builder.toJobParameters());
        } catch (Exception e) {
            throw new IllegalStateException("job '" + job + "' could not start: " + e.getMessage(), e);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            List<Throwable> failures = execution.getAllFailureExceptions();
            if (!failures.isEmpty() && failures.get(0) instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("job '" + job + "' ended " + execution.getStatus() + ": " + failures);
        }
        return execution;
    }
}
