package de.integrationsmonitor.cli;

import de.integrationsmonitor.batch.Runs;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** {@code imon compute}: computes the indicator catalogue over the stored deliveries. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // a command's options are the fields of a fresh instance each time
@Command(
        name = "compute",
        mixinStandardHelpOptions = true,
        description = "Computes every indicator of jobs/catalogue/indikatoren.yml over all stored deliveries"
                + " (nothing to do when the same deliveries, catalogue and register were computed before).")
public class ComputeCommand implements Callable<Integer> {

    private final Runs runs;

    public ComputeCommand(Runs runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() {
        Console.compute(System.out, runs.compute());
        return ExitCodes.OK;
    }
}
