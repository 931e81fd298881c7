package de.integrationsmonitor.cli;

import de.integrationsmonitor.audit.AuditException;
import de.integrationsmonitor.batch.Remote;
import de.integrationsmonitor.batch.Runs;
import de.integrationsmonitor.datenquellen.SourceDescriptionException;
import de.integrationsmonitor.disclosure.DisclosureException;
import de.integrationsmonitor.disclosure.DisclosureRulesException;
import de.integrationsmonitor.fetch.FetchConfigurationException;
import de.integrationsmonitor.goal.GoalException;
import de.integrationsmonitor.indicator.CatalogueException;
import de.integrationsmonitor.ingest.ExtractRefusedException;
import de.integrationsmonitor.ingest.space.StoreSpace;
import de.integrationsmonitor.kernel.AppVersion;
import de.integrationsmonitor.region.RegisterException;
import de.integrationsmonitor.report.edition.EditionException;
import de.integrationsmonitor.report.pdf.ReportTemplateException;
import de.integrationsmonitor.validate.RuleException;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code imon}: the top-level command; its sub-commands are the product's verbs. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // a command's options are the fields of a fresh instance each time
@Command(
        name = "imon",
        mixinStandardHelpOptions = true,
        versionProvider = ImonCommand.Version.class,
        description = "Integrationsmonitor: reads the statistical offices' extracts, computes integration"
                + " indicators per Kreis and renders the integration reports.",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:unexpected failure",
            "2:input refused (file, edition, catalogue, register, sources)",
            "3:some reports failed",
            "4:verification failed (audit)",
            "64:wrong command line (also: worker or --remote on the embedded H2 database)",
            "75:another run holds the lock"
        },
        subcommands = {
            IngestCommand.class,
            ComputeCommand.class,
            IndicatorsCommand.class,
            ReportCommand.class,
            RunCommand.class,
            NightlyCommand.class,
            ObservationsCommand.class,
            FindingsCommand.class,
            FetchCommand.class,
            TexteCommand.class,
            BenchmarkCommand.class,
            WorkerCommand.class,
            AuditCommand.class
        })
public class ImonCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code imon --version}: the Maven version and the git commit the build recorded, as report versions name them. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return AppVersion.versionLines();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * The command line with its sub-commands, wired as {@code bin/imon} runs it: failures reported for people, and a
     * wrong command line (of any sub-command) exits 64, apart from 2 for refused input.
     */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine commandLine =
                new CommandLine(ImonCommand.class, factory).setExecutionExceptionHandler(ImonCommand::reportFailure);
        commandLine
                .getSubcommands()
                .values()
                .forEach(sub -> sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE));
        return commandLine;
    }

    /** A file a person wrote or delivered is wrong: they can fix it, the message says how. */
    private static boolean isInputProblem(Throwable t) {
        return t instanceof ExtractRefusedException
                || t instanceof EditionException
                || t instanceof CatalogueException
                || t instanceof RuleException
                || t instanceof FetchConfigurationException
                || t instanceof ReportTemplateException
                || t instanceof RegisterException
                || t instanceof GoalException
                || t instanceof DisclosureRulesException
                || t instanceof SourceDescriptionException;
    }

    /** Messages quote files (a YAML value, a driver's statement): a few lines at most, never a whole expansion. */
    static String brief(String message) {
        return message.length() <= 2000
                ? message
                : message.substring(0, 1999) + "… (" + message.length()
                        + " characters; IMON_DEBUG=1 shows the stack trace)";
    }

    /** Prints a failure for people, without a stack trace, and picks the documented exit code. */
    public static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (StoreSpace.diskFull(e)) {
            // the embedded database closes itself when a write fails: what was committed before stays
            commandLine
                    .getErr()
                    .println("imon: the store's file system is full (No space left on device); the"
                            + " database took no more writes. What was stored before is kept, each delivery with its audit"
                            + " entry; free space and run the same command again"
                            + (System.getenv("IMON_DEBUG") == null ? " (IMON_DEBUG=1 shows the stack trace)" : ""));
            if (System.getenv("IMON_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.FAILURE;
        }
        Throwable cause = e;
        while (cause.getCause() != null
                && !isInputProblem(cause)
                && !(cause instanceof Runs.LockedException)
                && !(cause instanceof Remote.RefusedException)
                && !(cause instanceof AuditException)
                && !(cause instanceof Remote.BrokerUnreachableException)) {
            cause = cause.getCause();
        }
        // an exception without a message is named by its kind, never "imon: null"
        commandLine
                .getErr()
                .println("imon: "
                        + brief(
                                cause.getMessage() == null || cause.getMessage().isBlank()
                                        ? cause.getClass().getSimpleName() + " (no message; IMON_DEBUG=1 shows where)"
                                        : cause.getMessage()));
        if (cause instanceof Runs.LockedException) {
            return ExitCodes.LOCKED;
        }
        if (cause instanceof Remote.RefusedException) {
            return ExitCodes.USAGE;
        }
        if (cause instanceof AuditException) {
            return ExitCodes.VERIFICATION_FAILED;
        }
        if (cause instanceof DisclosureException) {
            return ExitCodes.REPORTS_FAILED; // the publication was stopped: it would reveal a small count
        }
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
