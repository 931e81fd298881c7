package de.integrationsmonitor.cli;

import de.integrationsmonitor.batch.Remote;
import de.integrationsmonitor.batch.RunSummary;
import de.integrationsmonitor.batch.Runs;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.validate.FindingsReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imon nightly}: the command a scheduler runs every night. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // a command's options are the fields of a fresh instance each time
@Command(
        name = "nightly",
        mixinStandardHelpOptions = true,
        description = "The nightly run: ingest what is new in the inbox, compute when deliveries or the catalogue"
                + " changed, render the editions whose inputs changed, write the run's summary to"
                + " output/laeufe/. One run per database at a time (exit 75 when another holds the lock); a run"
                + " that was interrupted is resumed where it stopped; a night that completed is not run again.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:unexpected failure",
            "2:some input refused (the rest went in)",
            "3:some reports failed (the rest were published)",
            "64:--remote on the embedded H2 database",
            "75:another run holds the lock"
        })
public class NightlyCommand implements Callable<Integer> {

    @Option(
            names = "--inbox",
            paramLabel = "DIR",
            description = "folder of delivered files (default: IMON_INBOX," + " else input/ of IMON_HOME)")
    Path inbox;

    @Option(names = "--editions", paramLabel = "DIR", description = "folder of edition files (default: jobs/)")
    Path editions;

    @Option(
            names = "--run-date",
            paramLabel = "YYYY-MM-DD",
            description = "the night this run is for" + " (default: today); a completed night is not run again")
    LocalDate runDate;

    @Option(
            names = "--remote",
            description = "the workers (imon worker) ingest the files and render the"
                    + " partitions; needs PostgreSQL and RabbitMQ (IMON_RABBITMQ_URL)")
    boolean remote;

    @Spec
    CommandSpec spec;

    private final Runs runs;
    private final ImonSettings settings;
    private final FindingsReport findings;
    private final Clock clock;
    private final Remote remoteCheck;

    public NightlyCommand(Runs runs, ImonSettings settings, FindingsReport findings, Clock clock, Remote remoteCheck) {
        this.remoteCheck = remoteCheck;
        this.runs = runs;
        this.settings = settings;
        this.findings = findings;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        if (editions != null && !Files.isDirectory(editions)) {
            // a mistyped folder would otherwise be a night with no edition to render, and end "done"
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--editions " + editions + ": "
                            + (Files.exists(editions) ? "not a folder" : "no such folder")
                            + "; expected the folder of the"
                            + " edition files (default: jobs/)");
        }
        LocalDate night = runDate != null ? runDate : LocalDate.now(clock);
        if (remote) {
            remoteCheck.require("nightly --remote");
        }
        Runs.NightlyRun run = runs.nightly(
                night, inbox != null ? inbox : settings.input(), editions != null ? editions : settings.jobs(), remote);
        if (!run.launch().ran()) {
            System.out.println("imon: " + run.launch().note() + "; nothing to do (a new night starts a new run)");
            return ExitCodes.OK;
        }
        findings.write(settings.output());
        run.summary().stream()
                .filter(p -> p.toString().endsWith(".txt"))
                .findFirst()
                .ifPresent(text -> {
                    try {
                        System.out.print(Files.readString(text, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        System.out.println("imon: summary written to " + text);
                    }
                });
        run.summary().forEach(p -> System.out.println("summary: " + p));
        return exitCode(run.outcome());
    }

    static int exitCode(RunSummary.Outcome outcome) {
        return switch (outcome) {
            case DONE -> ExitCodes.OK;
            case INPUT_REFUSED -> ExitCodes.REFUSED;
            case REPORTS_FAILED -> ExitCodes.REPORTS_FAILED;
            case FAILED -> ExitCodes.FAILURE;
        };
    }
}
