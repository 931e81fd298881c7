package de.integrationsmonitor.cli;

import de.integrationsmonitor.ImonSettings;
import de.integrationsmonitor.batch.JobRunner;
import de.integrationsmonitor.batch.JobsConfiguration;
import de.integrationsmonitor.batch.RunResults;
import de.integrationsmonitor.report.EditionLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** {@code imon run}: the main job, as a nightly schedule runs it. */
@Component
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The main job: ingest input/, compute the indicators, render every edition in jobs/.")
public class RunCommand implements Callable<Integer> {

    private final JobRunner jobs;
    private final RunResults results;
    private final ImonSettings settings;

    public RunCommand(JobRunner jobs, RunResults results, ImonSettings settings) {
        this.jobs = jobs;
        this.results = results;
        this.settings = settings;
    }

    @Override
    public Integer call() {
        results.begin(event -> Console.print(System.out, event));
        List<Path> editions = EditionLoader.editionFiles(settings.jobs());
        editions.forEach(EditionLoader::load);
        jobs.run(JobsConfiguration.RUN_JOB, Map.of(
                JobsConfiguration.PATHS, settings.input().toAbsolutePath().normalize().toString(),
                JobsConfiguration.EDITIONS, editions.stream().map(p -> p.toAbsolutePath().normalize().toString())
                        .collect(Collectors.joining("\n"))));
        if (results.ingested().stream().anyMatch(o -> o.refused())) {
            return ExitCodes.REFUSED;
        }
        return results.editions().stream().anyMatch(r -> !r.failed().isEmpty())
                ? ExitCodes.REPORTS_FAILED : ExitCodes.OK;
    }
}
