package de.integrationsmonitor.batch;

import java.util.Collection;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.step.StepExecution;

/**
 * Where the partitions of a step run, chosen per execution: in this JVM (the local handler, as always) or on the
 * workers ({@link RemotePartitionHandler}) when the job execution's parameter {@value #REMOTE} is true. The parameter
 * does not identify the job: the same work is the same job instance wherever it runs, so a remote run that failed
 * can be finished locally and the other way round.
 */
final class RemoteOrLocal implements PartitionHandler {

    /** Non-identifying job parameter: send the partitions to the workers. */
    static final String REMOTE = "partitions.remote";

    private final PartitionHandler local;
    private final PartitionHandler remote;

    RemoteOrLocal(PartitionHandler local, PartitionHandler remote) {
        this.local = local;
        this.remote = remote;
    }

    static boolean remote(JobParameters parameters) {
        return "true".equals(parameters.getString(REMOTE));
    }

    /**
     * The render step's aggregation: as Spring Batch's, except that on the workers a failed partition (its worker
     * died, the manager gave up waiting) does not fail the render step. The job goes on to publish, which names the
     * reports not rendered and ends the job failed; a render step that failed would be abandoned by the job's flow
     * and not run again on restart, whereas a completed one runs again (allowStartIfComplete) and sends exactly the
     * partitions that did not complete.
     */
    static StepExecutionAggregator remotePartitionsMayFail() {
        DefaultStepExecutionAggregator standard = new DefaultStepExecutionAggregator();
        return (result, executions) -> {
            standard.aggregate(result, executions);
            long failed = executions.stream()
                    .filter(e -> e.getStatus().isUnsuccessful())
                    .count();
            if (remote(result.getJobParameters()) && failed > 0) {
                result.setStatus(BatchStatus.COMPLETED);
                result.setExitStatus(ExitStatus.COMPLETED.addExitDescription(failed + " partition(s) did not"
                        + " complete on the workers; publishing names their reports, a restart sends them again"));
            }
        };
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        return (remote(manager.getJobParameters()) ? remote : local).handle(splitter, manager);
    }
}
