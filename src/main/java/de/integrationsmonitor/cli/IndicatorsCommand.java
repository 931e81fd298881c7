package de.integrationsmonitor.cli;

import de.integrationsmonitor.audit.AuditLog;
import de.integrationsmonitor.batch.Runs;
import de.integrationsmonitor.datenquellen.SourceCitation;
import de.integrationsmonitor.datenquellen.SourceDescriptions;
import de.integrationsmonitor.disclosure.DisclosureRules;
import de.integrationsmonitor.disclosure.PublishedValues;
import de.integrationsmonitor.indicator.CatalogueLoader;
import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.indicator.ComputationStore;
import de.integrationsmonitor.indicator.GebietsstandSeries;
import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.Land;
import de.integrationsmonitor.report.fill.GermanNumberFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code imon indicators --format csv}: the computed indicators, recomputed first when data have changed. */
// a new instance per command line: options of an earlier call in the same JVM never carry over
@Component
@Scope("prototype")
@Command(
        name = "indicators",
        mixinStandardHelpOptions = true,
        description = "Prints the indicators per region and year as CSV (value unrounded, '.' as decimal point)."
                + " Computes them first if deliveries or the catalogue changed since the last computation. A value"
                + " resting on a cell suppressed by jobs/catalogue/geheimhaltung.yml is printed as '.'.")
public class IndicatorsCommand implements Callable<Integer> {

    public static final String[] HEADER = {
        "ags",
        "name",
        "indicator",
        "period",
        "value",
        "unit",
        "marker",
        "land_value",
        "germany_value",
        "rank_in_land",
        "kreise_in_land",
        "change_5y",
        "flag",
        "cluster",
        "gebietsstand",
        "period_kind",
        "period_label",
        "published_gebietsstand",
        "source"
    };

    @Option(names = "--format", defaultValue = "csv", description = "output format; only csv")
    CsvOutput.CsvOnly format;

    @Option(names = "--indicator", paramLabel = "ID", description = "only this indicator")
    String indicator;

    @Option(names = "--kreis", paramLabel = "AGS", description = "only this region code (Kreis, Land or DG)")
    String kreis;

    @Option(names = "--period", paramLabel = "YYYY", description = "only this reference year")
    Integer period;

    @Option(
            names = "--gebietsstand",
            paramLabel = "YYYY-MM-DD",
            description = "show the Kreise of this date, their"
                    + " earlier years rebuilt from their predecessors through the register's crosswalk (column gebietsstand"
                    + " says from which); without it every value stands at the Gebietsstand of its own reference date")
    java.time.LocalDate gebietsstand;

    @Option(
            names = "--intern",
            description = "unsuppressed values for the statistics department's own work: the"
                    + " first line says INTERN, the audit log records who exported them")
    boolean intern;

    private final Runs runs;
    private final ComputationService computation;
    private final ComputationStore indicators;
    private final KreisRegister register;
    private final ImonSettings settings;
    private final AuditLog audit;

    public IndicatorsCommand(
            Runs runs,
            ComputationService computation,
            ComputationStore indicators,
            KreisRegister register,
            ImonSettings settings,
            AuditLog audit) {
        this.runs = runs;
        this.computation = computation;
        this.indicators = indicators;
        this.register = register;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public Integer call() throws IOException {
        IndicatorCatalogue catalogue = CatalogueLoader.load(settings.catalogue());
        if (indicator != null && catalogue.find(indicator).isEmpty()) {
            System.err.println("imon: unknown indicator '" + indicator + "'; the catalogue has "
                    + catalogue.indicators().stream()
                            .map(IndicatorDefinition::id)
                            .toList());
            return ExitCodes.USAGE;
        }
        // standard output carries the CSV only; what the computation reports goes to standard error
        long computationId = computation.current(settings.catalogue()).orElseGet(() -> {
            Runs.ComputeRun run = runs.compute();
            Console.compute(System.err, run);
            return run.computed().orElseThrow().computationId();
        });
        DisclosureRules rules = Geheimhaltung.rules(settings);
        java.util.Optional<String> notice = Geheimhaltung.intern(
                intern,
                audit,
                "indicators"
                        + (indicator == null ? "" : " --indicator " + indicator)
                        + (kreis == null ? "" : " --kreis " + kreis)
                        + (period == null ? "" : " --period " + period),
                rules);
        try (CsvOutput csv = CsvOutput.open(notice, HEADER)) {
            List<IndicatorValue> all = indicators.values(computationId);
            if (!intern) {
                // Geheimhaltung: a value resting on a suppressed cell of a table with a rule is printed as '.'
                List<Long> deliveryIds = indicators.deliveriesOf(computationId);
                all = PublishedValues.protect(
                                all.stream()
                                        .collect(java.util.stream.Collectors.groupingBy(
                                                IndicatorValue::indicatorId,
                                                java.util.LinkedHashMap::new,
                                                java.util.stream.Collectors.toList())),
                                catalogue,
                                rules,
                                table -> computation.observations(table, deliveryIds))
                        .values()
                        .stream()
                        .flatMap(List::stream)
                        .toList();
            }
            if (gebietsstand != null) {
                printAtGebietsstand(csv, catalogue, all, computationId);
                return ExitCodes.OK;
            }
            for (IndicatorValue v : all) {
                if ((indicator != null && !indicator.equals(v.indicatorId()))
                        || (kreis != null && !kreis.equals(v.regionCode()))
                        || (period != null && period != v.referenceDate().getYear())) {
                    continue;
                }
                print(csv, catalogue, v, "", v.gebietsstand());
            }
        }
        return ExitCodes.OK;
    }

    private void print(
            CsvOutput csv,
            IndicatorCatalogue catalogue,
            IndicatorValue v,
            String gebietsstandNote,
            java.time.LocalDate publishedAt)
            throws IOException {
        String unit =
                catalogue.find(v.indicatorId()).map(IndicatorDefinition::unit).orElse("");
        IndicatorValue.Comparison c = v.comparison();
        csv.record(
                v.regionCode(),
                regionName(v.regionCode()),
                v.indicatorId(),
                v.referenceDate().getYear(),
                plain(v.value()),
                unit,
                v.marker(),
                plain(c.landValue()),
                plain(c.germanyValue()),
                c.rankInLand().map(String::valueOf).orElse(""),
                c.kreiseInLand().map(String::valueOf).orElse(""),
                plain(c.change5y()),
                v.smallBase() ? "small_base" : "",
                c.cluster().map(String::valueOf).orElse(""),
                gebietsstandNote,
                v.period().kind(),
                v.period().label(),
                publishedAt,
                source(catalogue, v));
    }

    /** Where the value comes from: each source table with its provider and licence (docs/eigene-daten.md). */
    private String source(IndicatorCatalogue catalogue, IndicatorValue v) {
        if (descriptions == null) {
            descriptions = SourceCitation.descriptions(settings.jobs().resolve("datenquellen"));
        }
        String land = v.regionCode().length() >= 2 ? v.regionCode().substring(0, 2) : "";
        return catalogue
                .find(v.indicatorId())
                .map(d -> d.sources().stream()
                        .map(code -> SourceCitation.source(code, descriptions, land))
                        .collect(java.util.stream.Collectors.joining("; ")))
                .orElse("");
    }

    private SourceDescriptions descriptions;

    /** The Kreise of the chosen Gebietsstand, each indicator's series rebuilt where the Kreis did not exist yet. */
    private void printAtGebietsstand(
            CsvOutput csv, IndicatorCatalogue catalogue, List<IndicatorValue> all, long computationId)
            throws IOException {
        Map<String, List<IndicatorValue>> byIndicator = all.stream()
                .filter(v -> indicator == null || indicator.equals(v.indicatorId()))
                .collect(java.util.stream.Collectors.groupingBy(IndicatorValue::indicatorId));
        String stand = "Gebietsstand " + GermanNumberFormat.date(gebietsstand);
        for (GebietsstandSeries.Row row : new GebietsstandSeries(register)
                .atGebietsstand(
                        gebietsstand,
                        java.util.Optional.ofNullable(kreis),
                        byIndicator,
                        computation.populationWeights(catalogue, computationId))) {
            if (period == null || period == row.point().year()) {
                print(
                        csv,
                        catalogue,
                        row.value(),
                        row.point().converted() ? stand + ", " + row.point().note() : stand,
                        row.point().published());
            }
        }
    }

    private static String plain(java.util.Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse("");
    }

    private String regionName(String code) {
        if (code.equals("DG")) {
            return "Deutschland";
        }
        if (code.length() == 2) {
            return register.land(code).map(Land::name).orElse(code);
        }
        return register.find(code).map(Kreis::name).orElse(code);
    }
}
