package de.integrationsmonitor.batch;

import java.util.Collection;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
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

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        return (remote(manager.getJobParameters()) ? remote : local).handle(splitter, manager);
    }
}
