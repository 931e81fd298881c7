package de.integrationsmonitor.cli;

import de.integrationsmonitor.batch.JobRunner;
import de.integrationsmonitor.batch.JobsConfiguration;
import de.integrationsmonitor.batch.RunResults;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** {@code imon compute}: computes the indicator catalogue over the stored deliveries. */
@Component
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = "Computes every indicator of jobs/catalogue/indikatoren.yml over all stored deliveries.")
public class ComputeCommand implements Callable<Integer> {

    private final JobRunner jobs;
    private final RunResults results;

    public ComputeCommand(JobRunner jobs, RunResults results) {
        this.jobs = jobs;
        this.results = results;
    }

    @Override
    public Integer call() {
        results.begin(event -> Console.print(System.out, event));
        jobs.run(JobsConfiguration.COMPUTE_JOB, Map.of());
        return ExitCodes.OK;
    }
}
