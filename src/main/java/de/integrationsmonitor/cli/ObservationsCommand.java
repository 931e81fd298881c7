package de.integrationsmonitor.cli;

import de.integrationsmonitor.audit.AuditLog;
import de.integrationsmonitor.datenquellen.SourceCitation;
import de.integrationsmonitor.datenquellen.SourceDescriptions;
import de.integrationsmonitor.disclosure.DisclosureRules;
import de.integrationsmonitor.disclosure.ObservationTables;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Deliveries;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.ObservationInspection;
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
@Command(
        name = "observations",
        mixinStandardHelpOptions = true,
        description = "Prints the stored observations of a table as CSV, one row per observation of every delivery"
                + " (value unrounded with '.' as decimal point, empty when missing; marker empty when none)."
                + " A table with a rule in jobs/catalogue/geheimhaltung.yml is printed with its small cells and"
                + " those that would reveal them as '.' (aus Gründen der Geheimhaltung gesperrt).")
public class ObservationsCommand implements Callable<Integer> {

    public static final String[] HEADER = {
        "table",
        "ags",
        "period",
        "reference_date",
        "variable",
        "value",
        "marker",
        "delivery",
        "period_kind",
        "period_label",
        "source"
    };

    @Option(names = "--table", required = true, paramLabel = "CODE", description = "table code, e.g. 12411-01-01-4")
    String table;

    @Option(names = "--kreis", paramLabel = "AGS", description = "only this region code (Kreis, Land or DG)")
    String kreis;

    @Option(names = "--period", paramLabel = "YYYY", description = "only this reference year")
    Integer period;

    @Option(names = "--format", defaultValue = "csv", description = "output format; only csv")
    CsvOutput.CsvOnly format;

    @Option(
            names = "--intern",
            description = "unsuppressed values for the statistics department's own work: the"
                    + " first line says INTERN, the audit log records who exported them")
    boolean intern;

    private final ObservationInspection observations;
    private final Deliveries deliveries;
    private final ImonSettings settings;
    private final AuditLog audit;

    public ObservationsCommand(
            ObservationInspection observations, Deliveries deliveries, ImonSettings settings, AuditLog audit) {
        this.observations = observations;
        this.deliveries = deliveries;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public Integer call() throws IOException {
        java.util.SortedSet<String> stored = new java.util.TreeSet<>();
        deliveries.all().forEach(d -> stored.add(d.tableCode()));
        if (!stored.contains(table)) {
            System.err.println("imon: no table " + table + " is stored; "
                    + (stored.isEmpty()
                            ? "the store holds no delivery yet (imon ingest PATH)"
                            : "the store holds "
                                    + (stored.size() <= 12
                                            ? String.join(", ", stored)
                                            : String.join(
                                                            ", ",
                                                            stored.stream()
                                                                    .limit(12)
                                                                    .toList()) + " and " + (stored.size() - 12)
                                                    + " more")));
            return ExitCodes.USAGE;
        }
        DisclosureRules rules = Geheimhaltung.rules(settings);
        Optional<ObservationTables.Protected> protection = Optional.empty();
        if (!intern && rules.ruleFor(table).isPresent()) {
            // the whole table is protected, then filtered: every export of it hides the same cells
            java.util.List<StoredObservation> all = new java.util.ArrayList<>();
            observations.every(table, Optional.empty(), Optional.empty(), all::add);
            protection = Optional.of(
                    ObservationTables.protect(table, rules.ruleFor(table).get(), all));
        }
        Optional<String> notice = Geheimhaltung.intern(
                intern,
                audit,
                "observations --table " + table + (kreis == null ? "" : " --kreis " + kreis)
                        + (period == null ? "" : " --period " + period),
                rules);
        Optional<ObservationTables.Protected> suppressed = protection;
        try (CsvOutput csv = CsvOutput.open(notice, HEADER)) {
            SourceDescriptions descriptions =
                    SourceCitation.descriptions(settings.jobs().resolve("datenquellen"));
            observations.every(
                    table,
                    Optional.ofNullable(kreis),
                    Optional.ofNullable(period),
                    o -> print(
                            csv,
                            o,
                            suppressed.map(p -> p.status(o).suppressed()).orElse(false),
                            SourceCitation.source(
                                    o.tableCode(),
                                    descriptions,
                                    o.regionCode().length() >= 2
                                            ? o.regionCode().substring(0, 2)
                                            : "")));
        }
        return ExitCodes.OK;
    }

    private static void print(CsvOutput csv, StoredObservation o, boolean suppressed, String source) {
        Cell cell = suppressed ? Cell.missing(Marker.SECRET) : o.cell();
        try {
            csv.record(
                    o.tableCode(),
                    o.regionCode(),
                    o.period().text(),
                    o.referenceDate(),
                    o.variablePath(),
                    cell.number().map(BigDecimal::toPlainString).orElse(""),
                    cell.marker(),
                    o.deliveryId(),
                    o.period().kind(),
                    o.period().label(),
                    source);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
