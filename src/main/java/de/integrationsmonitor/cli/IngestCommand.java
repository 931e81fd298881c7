package de.integrationsmonitor.cli;

import de.integrationsmonitor.batch.JobRunner;
import de.integrationsmonitor.batch.JobsConfiguration;
import de.integrationsmonitor.batch.RunResults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code imon ingest PATH...}: stores delivered files as deliveries. */
@Component
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Reads office extracts (classic CSV, ffcsv or its ZIP; files or folders) into the store."
                + " Exit 0 when all went in, 2 when a file was refused (nothing of it is stored).")
public class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders to ingest")
    List<Path> paths;

    private final JobRunner jobs;
    private final RunResults results;

    public IngestCommand(JobRunner jobs, RunResults results) {
        this.jobs = jobs;
        this.results = results;
    }

    @Override
    public Integer call() {
        results.begin(event -> Console.print(System.out, event));
        String joined = paths.stream().map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining("\n"));
        jobs.run(JobsConfiguration.INGEST_JOB, Map.of(JobsConfiguration.PATHS, joined));
        return results.ingested().stream().anyMatch(o -> o.refused()) ? ExitCodes.REFUSED : ExitCodes.OK;
    }
}
