package de.integrationsmonitor.cli;

import de.integrationsmonitor.batch.Runs;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.report.edition.EditionLoader;
import de.integrationsmonitor.validate.FindingsReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** {@code imon run}: the main job by hand: ingest input/, compute, render every edition. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // a command's options are the fields of a fresh instance each time
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "The main job: ingest input/, compute the indicators, render every edition in jobs/, write"
                + " the Prüfbericht. Work done before (the same files, the same computation, an edition up to date)"
                + " is not done again.")
public class RunCommand implements Callable<Integer> {

    private final Runs runs;
    private final ImonSettings settings;
    private final FindingsReport findings;

    public RunCommand(Runs runs, ImonSettings settings, FindingsReport findings) {
        this.runs = runs;
        this.settings = settings;
        this.findings = findings;
    }

    @Override
    public Integer call() {
        List<Path> editions = EditionLoader.editionFiles(settings.jobs());
        editions.forEach(EditionLoader::load);
        Runs.IngestRun ingest = runs.ingest(List.of(settings.input()));
        Console.ingest(System.out, ingest, "the files of input/ were ingested before");
        Console.compute(System.out, runs.compute());
        boolean failed = false;
        for (Path edition : editions) {
            Runs.ReportRun report = runs.report(edition, Optional.empty(), false);
            Console.report(System.out, report);
            failed |= !report.failed().isEmpty();
        }
        System.out.println("validation report: " + findings.write(settings.output()));
        if (ingest.outcomes().stream().anyMatch(o -> o.refused())) {
            return ExitCodes.REFUSED;
        }
        return failed ? ExitCodes.REPORTS_FAILED : ExitCodes.OK;
    }
}
