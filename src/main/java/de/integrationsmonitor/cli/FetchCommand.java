package de.integrationsmonitor.cli;

import de.integrationsmonitor.fetch.Database;
import de.integrationsmonitor.fetch.FetchListener;
import de.integrationsmonitor.fetch.FetchOptions;
import de.integrationsmonitor.fetch.FetchOutcome;
import de.integrationsmonitor.fetch.FetchService;
import de.integrationsmonitor.ingest.IngestOutcome;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imon fetch [TABLE...]}: downloads tables from the offices' web services into the inbox and ingests them. */
@Component
// a new instance for every command line: an option left out must not keep the value of an earlier call
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(
        name = "fetch",
        mixinStandardHelpOptions = true,
        description = "Downloads tables (ffcsv) from the Regionaldatenbank, GENESIS-Online or the Zensus database"
                + " into the inbox and ingests them; without TABLE every source of jobs/quellen.yml. Tables that"
                + " did not change since their last download are not downloaded. Exit 0 when every table was"
                + " fetched, unchanged or has no data, 2 when a table or an entry of jobs/quellen.yml was refused"
                + " (the others were fetched), 1 when a table could not be fetched (service not reachable, time-out,"
                + " error status).")
public class FetchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "TABLE", description = "table codes, e.g. 12411-01-01-4")
    List<String> tables;

    @Option(
            names = "--database",
            paramLabel = "DATABASE",
            description = "regionalstatistik, genesis or zensus: only the sources of this database, or the database"
                    + " of a TABLE not listed in jobs/quellen.yml")
    String database;

    @Option(names = "--download-only", description = "put the files into the inbox without ingesting them")
    boolean downloadOnly;

    @Option(names = "--force", description = "download even when the office reports no change")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final FetchService fetch;

    public FetchCommand(FetchService fetch) {
        this.fetch = fetch;
    }

    @Override
    public Integer call() {
        Optional<Database> chosen = Optional.ofNullable(database)
                .map(id -> fetch.database(id)
                        .orElseThrow(() -> new CommandLine.ParameterException(
                                spec.commandLine(),
                                "--database is '" + id + "'; allowed: "
                                        + fetch.databases().stream()
                                                .map(Database::id)
                                                .collect(java.util.stream.Collectors.joining(", ")))));
        List<FetchOutcome> outcomes = fetch.fetchTables(
                tables == null ? List.of() : tables,
                chosen,
                new FetchOptions(downloadOnly, force, Optional.empty()),
                new FetchListener() {
                    @Override
                    public void progress(String line) {
                        System.out.println("  " + line);
                    }

                    @Override
                    public void outcome(FetchOutcome outcome) {
                        System.out.println(outcome.describe());
                        outcome.ingest()
                                .filter(i -> i.status() == IngestOutcome.Status.STORED)
                                .map(Console::describe)
                                .ifPresent(line -> System.out.println("  " + line));
                    }
                });
        Map<FetchOutcome.Result, Long> counts = new EnumMap<>(FetchOutcome.Result.class);
        outcomes.forEach(o -> counts.merge(o.result(), 1L, Long::sum));
        System.out.println("fetch: "
                + Arrays.stream(FetchOutcome.Result.values())
                        .map(r -> counts.getOrDefault(r, 0L) + " " + r.label())
                        .collect(Collectors.joining(", ")));
        long failed = counts.getOrDefault(FetchOutcome.Result.FAILED, 0L);
        long refused = counts.getOrDefault(FetchOutcome.Result.REFUSED, 0L);
        if (failed > 0) {
            System.err.println("imon: " + failed + " of " + outcomes.size() + " tables could not be fetched"
                    + (refused > 0 ? ", " + refused + " refused" : "") + "; the lines above say why");
            return ExitCodes.FAILURE;
        }
        if (refused > 0) {
            System.err.println(
                    "imon: " + refused + " of " + outcomes.size() + " tables refused; the lines above say" + " why");
            return ExitCodes.REFUSED;
        }
        return ExitCodes.OK;
    }
}
