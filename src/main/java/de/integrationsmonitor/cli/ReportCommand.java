package de.integrationsmonitor.cli;

import de.integrationsmonitor.ImonSettings;
import de.integrationsmonitor.batch.JobRunner;
import de.integrationsmonitor.batch.JobsConfiguration;
import de.integrationsmonitor.batch.RunResults;
import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.report.EditionLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imon report [EDITION] [--kreis AGS]}: renders PDFs into {@code output/}. */
@Component
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Renders the Kreis reports of an edition (default: every edition in jobs/) into output/.")
public class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "EDITION", description = "an edition file, e.g. jobs/NAME.yml")
    Path edition;

    @Option(names = "--kreis", paramLabel = "AGS", description = "render only this Kreis")
    String kreis;

    private final JobRunner jobs;
    private final RunResults results;
    private final ComputationService computation;
    private final ImonSettings settings;

    public ReportCommand(JobRunner jobs, RunResults results, ComputationService computation,
                         ImonSettings settings) {
        this.jobs = jobs;
        this.results = results;
        this.computation = computation;
        this.settings = settings;
    }

    @Override
    public Integer call() {
        results.begin(event -> Console.print(System.out, event));
        List<Path> editions = edition != null ? List.of(edition) : EditionLoader.editionFiles(settings.jobs());
        editions.forEach(EditionLoader::load); // a wrong edition is refused before any work
        if (!computation.isCurrent(settings.catalogue())) {
            jobs.run(JobsConfiguration.COMPUTE_JOB, Map.of());
        }
        Map<String, String> parameters = new HashMap<>();
        parameters.put(JobsConfiguration.EDITIONS, editions.stream()
                .map(p -> p.toAbsolutePath().normalize().toString()).collect(Collectors.joining("\n")));
        if (kreis != null) {
            parameters.put(JobsConfiguration.KREIS, kreis);
        }
        jobs.run(JobsConfiguration.REPORT_JOB, parameters);
        return results.editions().stream().anyMatch(r -> !r.failed().isEmpty())
                ? ExitCodes.REPORTS_FAILED : ExitCodes.OK;
    }
}
