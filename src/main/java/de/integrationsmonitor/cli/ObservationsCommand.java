package de.integrationsmonitor.cli;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Deliveries;
import de.integrationsmonitor.store.ObservationRepository;
import de.integrationsmonitor.observation.StoredObservation;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code imon observations --table CODE}: what was stored, one row per observation of every delivery. */
// a new instance per command line: options of an earlier call in the same JVM never carry over
@Component
@Scope("prototype")
@Command(name = "observations", mixinStandardHelpOptions = true,
        description = "Prints the stored observations of a table as CSV, one row per observation of every delivery"
                + " (value unrounded with '.' as decimal point, empty when missing; marker empty when none).")
public class ObservationsCommand implements Callable<Integer> {

    public static final String[] HEADER =
            {"table", "ags", "period", "reference_date", "variable", "value", "marker", "delivery", "period_kind",
                "period_label", "source"};

    @Option(names = "--table", required = true, paramLabel = "CODE", description = "table code, e.g. 12411-01-01-4")
    String table;

    @Option(names = "--kreis", paramLabel = "AGS", description = "only this region code (Kreis, Land or DG)")
    String kreis;

    @Option(names = "--period", paramLabel = "YYYY", description = "only this reference year")
    Integer period;

    @Option(names = "--format", defaultValue = "csv", description = "output format; only csv")
    CsvOutput.CsvOnly format;

    private final ObservationRepository observations;
    private final Deliveries deliveries;
    private final de.integrationsmonitor.ImonSettings settings;

    public ObservationsCommand(ObservationRepository observations, Deliveries deliveries,
                               de.integrationsmonitor.ImonSettings settings) {
        this.observations = observations;
        this.deliveries = deliveries;
        this.settings = settings;
    }

    @Override
    public Integer call() throws IOException {
        java.util.SortedSet<String> stored = new java.util.TreeSet<>();
        deliveries.all().forEach(d -> stored.add(d.tableCode()));
        if (!stored.contains(table)) {
            System.err.println("imon: no table " + table + " is stored; " + (stored.isEmpty()
                    ? "the store holds no delivery yet (imon ingest PATH)"
                    : "the store holds " + (stored.size() <= 12 ? String.join(", ", stored)
                    : String.join(", ", stored.stream().limit(12).toList()) + " and " + (stored.size() - 12) + " more")));
            return ExitCodes.USAGE;
        }
        try (CsvOutput csv = CsvOutput.open(HEADER)) {
            de.integrationsmonitor.datenquellen.SourceDescriptions descriptions =
                    de.integrationsmonitor.datenquellen.SourceCitation.descriptions(
                            settings.jobs().resolve("datenquellen"));
            observations.every(table, Optional.ofNullable(kreis), Optional.ofNullable(period), o -> print(csv, o,
                    de.integrationsmonitor.datenquellen.SourceCitation.source(o.tableCode(), descriptions,
                            o.regionCode().length() >= 2 ? o.regionCode().substring(0, 2) : "")));
        }
        return ExitCodes.OK;
    }

    private static void print(CsvOutput csv, StoredObservation o, String source) {
        Cell cell = o.cell();
        try {
            csv.record(o.tableCode(), o.regionCode(), o.period().text(), o.referenceDate(), o.variablePath(),
                    cell.number().map(BigDecimal::toPlainString).orElse(""), cell.marker(), o.deliveryId(),
                    o.period().kind(), o.period().label(), source);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
