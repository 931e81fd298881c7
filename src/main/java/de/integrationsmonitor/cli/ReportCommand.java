package de.integrationsmonitor.cli;

import de.integrationsmonitor.batch.Remote;
import de.integrationsmonitor.batch.Runs;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.report.edition.EditionLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imon report [EDITION] [--kreis AGS] [--again]}: renders PDFs into {@code output/}. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // a command's options are the fields of a fresh instance each time
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Renders the Kreis reports and Land overviews of an edition (default: every edition in jobs/)"
                + " into output/, computing the indicators first where deliveries or the catalogue changed."
                + " An edition whose published folder already holds its reports from the same inputs is left as it"
                + " is. Exit 3 when some reports could not be rendered (the others are published).")
public class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "EDITION", description = "an edition file, e.g. jobs/NAME.yml")
    Path edition;

    @Option(
            names = "--kreis",
            paramLabel = "AGS",
            description = "render only this Kreis; the edition's other"
                    + " published reports and their manifest entries stay")
    String kreis;

    @Option(names = "--again", description = "render even when the published folder is up to date")
    boolean again;

    @Option(
            names = "--remote",
            description = "the workers (imon worker) render the partitions; needs PostgreSQL"
                    + " and RabbitMQ (IMON_RABBITMQ_URL)")
    boolean remote;

    private final Runs runs;
    private final ImonSettings settings;
    private final Remote remoteCheck;

    public ReportCommand(Runs runs, ImonSettings settings, Remote remoteCheck) {
        this.runs = runs;
        this.settings = settings;
        this.remoteCheck = remoteCheck;
    }

    @Override
    public Integer call() {
        List<Path> editions = edition != null ? List.of(edition) : EditionLoader.editionFiles(settings.jobs());
        editions.forEach(EditionLoader::load); // a wrong edition is refused before any work
        if (remote) {
            remoteCheck.require("report --remote");
        }
        boolean failed = false;
        for (Path file : editions) {
            Runs.ReportRun run = runs.report(file, Optional.ofNullable(kreis), again, remote);
            Console.report(System.out, run);
            failed |= !run.failed().isEmpty();
        }
        return failed ? ExitCodes.REPORTS_FAILED : ExitCodes.OK;
    }
}
