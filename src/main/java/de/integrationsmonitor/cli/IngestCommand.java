package de.integrationsmonitor.cli;

import de.integrationsmonitor.batch.Runs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code imon ingest PATH...}: stores delivered files as deliveries. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // a command's options are the fields of a fresh instance each time
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Reads office extracts (classic CSV, ffcsv or its ZIP; files or folders) into the store."
                + " Exit 0 when all went in, 2 when a file was refused (nothing of it is stored).")
public class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders to ingest")
    List<Path> paths;

    private final Runs runs;

    public IngestCommand(Runs runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() {
        Runs.IngestRun run = runs.ingest(paths);
        Console.ingest(System.out, run, "these files were ingested before: nothing to do");
        return run.outcomes().stream().anyMatch(o -> o.refused()) ? ExitCodes.REFUSED : ExitCodes.OK;
    }
}
