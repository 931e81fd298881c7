package de.integrationsmonitor.cli;

import de.integrationsmonitor.indicator.CatalogueException;
import de.integrationsmonitor.ingest.ExtractRefusedException;
import de.integrationsmonitor.region.RegisterException;
import de.integrationsmonitor.report.EditionException;
import de.integrationsmonitor.validate.RuleException;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code imon}: the top-level command; its sub-commands are the product's verbs. */
@Component
@Command(name = "imon", mixinStandardHelpOptions = true, version = "Integrationsmonitor 0.1",
        description = "Integrationsmonitor: reads the statistical offices' extracts, computes integration"
                + " indicators per Kreis and renders the integration reports.",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:unexpected failure", "2:input refused (file, edition, catalogue, register)",
                "3:some reports failed", "64:wrong command line"},
        subcommands = {IngestCommand.class, ComputeCommand.class, IndicatorsCommand.class, ReportCommand.class,
                RunCommand.class, ObservationsCommand.class, FindingsCommand.class, BenchmarkCommand.class})
public class ImonCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * The command line with its sub-commands, wired as {@code bin/imon} runs it: failures reported for people, and a
     * wrong command line (of any sub-command) exits 64, apart from 2 for refused input.
     */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(ImonCommand.class, factory)
                .setExecutionExceptionHandler(ImonCommand::reportFailure);
        commandLine.getSubcommands().values()
                .forEach(sub -> sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE));
        return commandLine;
    }

    /** A file a person wrote or delivered is wrong: they can fix it, the message says how. */
    private static boolean isInputProblem(Throwable t) {
        return t instanceof ExtractRefusedException || t instanceof EditionException
                || t instanceof CatalogueException || t instanceof RuleException || t instanceof RegisterException;
    }

    /** Prints a failure for people, without a stack trace, and picks the documented exit code. */
    public static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        Throwable cause = e;
        while (cause.getCause() != null && !isInputProblem(cause)) {
            cause = cause.getCause();
        }
        commandLine.getErr().println("imon: " + cause.getMessage());
        if (isInputProblem(cause)) {
            return ExitCodes.REFUSED;
        }
        if (System.getenv("IMON_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
        } else {
            commandLine.getErr().println("imon: (set IMON_DEBUG=1 for the stack trace)");
        }
        return ExitCodes.FAILURE;
    }
}
