package de.integrationsmonitor.batch;

import de.integrationsmonitor.store.RunLocks;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Starts a job the Spring Batch way: a job instance is identified by what it works on (its identifying
 * parameters), so starting the same work again restarts a failed execution where it stopped, and work that already
 * completed is not done again. An execution left running by a process that died (kill -9, power loss) is found, said
 * so in one line, marked failed ({@link JobOperator#recover}) and restarted.
 *
 * <p>Whether a running execution is orphaned can only be told by whoever holds the work's lock: the launcher takes
 * a lock named after the job and its identity ({@link RunLocks}), waiting while another process does the same work.
 */
@Component
public class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger("imon");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JobOperator operator;
    private final JobRepository repository;
    private final RunLocks locks;

    public Launcher(JobOperator operator, JobRepository repository, RunLocks locks) {
        this.operator = operator;
        this.repository = repository;
        this.locks = locks;
    }

    /** How a launch went. */
    public enum Kind {
        /** A new job instance ran. */
        STARTED,
        /** A failed execution of the same work was restarted where it stopped. */
        RESTARTED,
        /** An execution left running by a process that died was recovered and restarted. */
        RESUMED,
        /** The same work completed before: nothing was done. */
        ALREADY_COMPLETE
    }

    /** How a launch went: what was found before it started, and how the execution it ran (or found) ended. */
    public static final class Launch {
        private final Kind kind;
        private final JobExecution execution;
        private final String note;

        Launch(Kind kind, JobExecution execution, String note) {
            this.kind = kind;
            this.execution = execution;
            this.note = note;
        }

        public Kind kind() {
            return kind;
        }

        /** The execution that ran, or for {@link Kind#ALREADY_COMPLETE} the one that completed before. */
        JobExecution execution() {
            return execution;
        }

        /** The line that says what was found before starting ("interrupted in step ..."), or empty. */
        public String note() {
            return note;
        }

        public boolean ran() {
            return kind != Kind.ALREADY_COMPLETE;
        }

        public boolean completed() {
            return execution.getStatus() == BatchStatus.COMPLETED;
        }

        public String jobName() {
            return execution.getJobInstance().getJobName();
        }

        /**
         * Why a job that did not complete failed, for a job whose failures no result explains (the database went
         * away, a bug): its first failure, to be reported as an unexpected failure.
         */
        public Optional<RuntimeException> unexpectedFailure() {
            if (completed()) {
                return Optional.empty();
            }
            // a partitioned step fails with "Partition handler returned an unsuccessful step" beside the failures
            // of its partitions, which are in this list too and say why
            List<Throwable> failures = execution.getAllFailureExceptions().stream()
                    .filter(f -> !(f instanceof ExplainedFailure))
                    .filter(f -> !(f instanceof org.springframework.batch.core.job.JobExecutionException
                            && String.valueOf(f.getMessage()).startsWith("Partition handler")))
                    .toList();
            if (failures.isEmpty() && !execution.getAllFailureExceptions().isEmpty()) {
                return Optional.empty(); // every failure is one the results explain
            }
            if (!failures.isEmpty() && failures.get(0) instanceof RuntimeException runtime) {
                return Optional.of(runtime);
            }
            return Optional.of(new IllegalStateException("the " + jobName() + " job ended " + execution.getStatus()
                    + (failures.isEmpty() ? "" : ": " + failures.get(0).getMessage())));
        }
    }

    /** Runs the job to its end under the work's lock, waiting for another process that does the same work. */
    public Launch launch(Job job, JobParameters parameters) {
        try (RunLocks.Lease lease = locks.lock(lockName(job, parameters), job.getName())) {
            return launchHoldingLock(job, parameters);
        }
    }

    /**
     * Runs the job to its end; the caller holds a lock that covers this work (the nightly lock), so an execution
     * found running was left by a process that died.
     */
    public Launch launchHoldingLock(Job job, JobParameters parameters) {
        JobInstance instance = repository.getJobInstance(job.getName(), parameters);
        Kind kind = Kind.STARTED;
        String note = "";
        if (instance != null) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && last.isRunning()) {
                note = "the " + describe(job, last) + " was interrupted" + where(last) + "; resuming";
                LOG.info(note);
                operator.recover(last);
                kind = Kind.RESUMED;
            } else if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                return new Launch(
                        Kind.ALREADY_COMPLETE,
                        last,
                        "the " + describe(job, last) + " completed at "
                                + WHEN.format(
                                        Optional.ofNullable(last.getEndTime()).orElse(last.getCreateTime())));
            } else if (last != null) {
                note = "the " + describe(job, last) + " did not complete" + where(last) + "; doing the rest";
                LOG.info(note);
                kind = Kind.RESTARTED;
                failStalePartitions(last);
            }
        }
        try {
            return new Launch(kind, operator.start(job, parameters), note);
        } catch (Exception e) {
            throw new IllegalStateException("the " + job.getName() + " job could not start: " + e.getMessage(), e);
        }
    }

    /**
     * Partitions an ended execution left running: a remote partition whose worker died after the manager's step had
     * failed for another reason. Marked failed, so that the restart runs them again (and a worker that is only
     * slow cannot record a result for them after this).
     */
    private void failStalePartitions(JobExecution last) {
        for (StepExecution step : last.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                LOG.info(
                        "partition {} was left {} by execution {}; marked failed",
                        step.getStepName(),
                        step.getStatus().name().toLowerCase(),
                        last.getId());
                RemotePartitionHandler.markFailed(
                        repository, step, "left running when job execution " + last.getId() + " ended");
            }
        }
    }

    /** The lock a job's work is done under: the job's name and the key of its identifying parameters. */
    static String lockName(Job job, JobParameters parameters) {
        return "job:" + job.getName() + ":" + new DefaultJobKeyGenerator().generateKey(parameters);
    }

    private static String describe(Job job, JobExecution execution) {
        LocalDateTime at = Optional.ofNullable(execution.getStartTime()).orElse(execution.getCreateTime());
        return job.getName() + " run of " + WHEN.format(at);
    }

    /** " in step render (212 of 400 Kreise)", from the steps that had not completed. */
    private static String where(JobExecution execution) {
        List<StepExecution> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .toList();
        Optional<StepExecution> open = steps.stream()
                .filter(s -> s.getStatus() != BatchStatus.COMPLETED)
                .filter(s -> !s.getStepName().contains(":"))
                .findFirst();
        if (open.isEmpty()) {
            return "";
        }
        String step = open.get().getStepName();
        return " in step " + step
                + Progress.of(step, steps).map(p -> " (" + p + ")").orElse("");
    }
}
