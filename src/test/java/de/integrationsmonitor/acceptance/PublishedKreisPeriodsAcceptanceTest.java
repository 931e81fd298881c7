package de.integrationsmonitor.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.indicator.CatalogueLoader;
import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.indicator.InputSpec;
import de.integrationsmonitor.ingest.ClassicCsvReader;
import de.integrationsmonitor.ingest.ExtractFooter;
import de.integrationsmonitor.ingest.ExtractFormat;
import de.integrationsmonitor.ingest.ExtractHeader;
import de.integrationsmonitor.ingest.ExtractListener;
import de.integrationsmonitor.ingest.ExtractSource;
import de.integrationsmonitor.ingest.FfcsvReader;
import de.integrationsmonitor.ingest.FormatDetector;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.region.RegionLevel;
import de.integrationsmonitor.store.IndicatorRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12's "done when", as a check over the catalogue rather than a list of cases: every Kreis-period that a real
 * file publishes (a data line with a figure other than zero) gets a value of every indicator whose inputs the files
 * hold for that Kreis and period, whatever the Gebietsstand the office chose for it.
 *
 * <p>What the files hold is read with the product's own readers straight from ../shared, not from the store, so
 * that a line the store skips or quarantines still counts as published.
 */
class PublishedKreisPeriodsAcceptanceTest extends RealCorpusTest {

    @Autowired
    ComputationService computation;

    @Autowired
    IndicatorRepository indicators;

    @Autowired
    ImonSettings settings;

    /** table -> "ags|year" -> variable paths with their line: what the files publish for that Kreis and year. */
    final Map<String, Map<String, Map<String, Long>>> published = new HashMap<>();
    /** "table|line|year" of the Kreis lines with at least one figure other than zero. */
    final Set<String> reportedLines = new HashSet<>();
    /** "table|ags|year|path" -> the number the file gives, for the base figures of two tables. */
    final Map<String, BigDecimal> figures = new HashMap<>();

    Map<String, IndicatorValue> computedValues;
    Set<String> computed;
    IndicatorCatalogue catalogue;

    @BeforeAll
    void readTheFilesAndCompute() throws IOException {
        for (Path file : de.integrationsmonitor.ingest.IngestService.expand(List.of(RealExtracts.ROOT))) {
            ExtractSource source = ExtractSource.scan(file);
            (FormatDetector.detect(source) == ExtractFormat.CLASSIC_CSV ? new ClassicCsvReader() : new FfcsvReader())
                    .read(source, new Collector());
        }
        catalogue = CatalogueLoader.load(settings.catalogue());
        long id = computation.compute(settings.catalogue()).computationId();
        computed = new HashSet<>();
        computedValues = new HashMap<>();
        for (IndicatorValue v : indicators.values(id)) {
            computed.add(v.indicatorId() + "|" + v.regionCode() + "|" + v.year());
            computedValues.put(v.indicatorId() + "|" + v.regionCode() + "|" + v.year(), v);
        }
    }

    /** Keeps the Kreis cells of every file, keyed by table, Kreis and year. */
    final class Collector implements ExtractListener {
        @Override
        public void header(ExtractHeader header) {}

        @Override
        public void observation(Observation o) {
            if (RegionLevel.of(o.regionCode()).orElse(null) != RegionLevel.KREIS) {
                return;
            }
            int year = o.referenceDate().getYear();
            published
                    .computeIfAbsent(o.tableCode(), t -> new HashMap<>())
                    .computeIfAbsent(o.regionCode() + "|" + year, k -> new HashMap<>())
                    .put(o.variablePath(), o.sourceLine());
            if (o.cell().number().filter(n -> n.signum() != 0).isPresent()) {
                reportedLines.add(o.tableCode() + "|" + o.sourceLine() + "|" + year);
            }
            if (o.tableCode().equals("21111-02-06-4") || o.tableCode().equals("13211-02-05-4")) {
                o.cell()
                        .number()
                        .ifPresent(n -> figures.put(
                                o.tableCode() + "|" + o.regionCode() + "|" + year + "|" + o.variablePath(), n));
            }
        }

        @Override
        public void rejected(long line, String reason, String content) {}

        @Override
        public void skipped(long line, String reason, String content) {}

        @Override
        public void footer(ExtractFooter footer) {}
    }

    /** Whether the files publish this input for the Kreis in that year: all its cells, on lines with figures. */
    boolean publishes(InputSpec input, String ags, int year) {
        Map<String, Long> cells =
                published.getOrDefault(input.table(), Map.of()).get(ags + "|" + year);
        if (cells == null) {
            return false;
        }
        List<Long> lines = new ArrayList<>();
        if (input.matching().isEmpty()) {
            for (String path : input.variables()) {
                Long line = cells.get(path);
                if (line == null) {
                    return false;
                }
                lines.add(line);
            }
        } else {
            cells.forEach((path, line) -> {
                if (input.selects(path)) {
                    lines.add(line);
                }
            });
        }
        return !lines.isEmpty()
                && lines.stream().allMatch(l -> reportedLines.contains(input.table() + "|" + l + "|" + year));
    }

    /** How many Kreis-periods the files publish for the catalogue's indicators (all their inputs present). */
    int defined;

    /** indicator -> the published Kreis-periods ("ags|year") that have no computed value. */
    Map<String, Set<String>> missing() {
        Map<String, Set<String>> missing = new TreeMap<>();
        defined = 0;
        for (IndicatorDefinition indicator : catalogue.indicators()) {
            InputSpec primary = indicator.primaryInput();
            for (String kreisYear :
                    published.getOrDefault(primary.table(), Map.of()).keySet()) {
                String ags = kreisYear.substring(0, 5);
                int year = Integer.parseInt(kreisYear.substring(6));
                boolean allInputs =
                        indicator.inputs().stream().allMatch(in -> publishes(in, ags, year + in.offsetYears()));
                if (allInputs) {
                    defined++;
                }
                if (allInputs && !computed.contains(indicator.id() + "|" + ags + "|" + year)) {
                    missing.computeIfAbsent(indicator.id(), k -> new TreeSet<>())
                            .add(kreisYear);
                }
            }
        }
        return missing;
    }

    @Test
    void everyPublishedKreisPeriodGetsEveryIndicatorTheCatalogueDefinesForIt() {
        Map<String, Set<String>> missing = missing();
        int count = missing.values().stream().mapToInt(Set::size).sum();
        Map<String, Integer> perIndicator = new TreeMap<>();
        missing.forEach((id, periods) -> perIndicator.put(id, periods.size()));
        System.out.println(
                "published Kreis-periods without an indicator: " + count + " of " + defined + " " + perIndicator);
        missing.forEach((id, periods) ->
                System.out.println("  " + id + ": " + periods.stream().limit(40).toList()));
        assertThat(defined)
                .as("published Kreis-periods the catalogue defines indicators for")
                .isGreaterThan(30000);
        assertThat(missing).isEmpty();
    }

    /** The figure a real file publishes for a Kreis, year and variable, read straight from the file. */
    BigDecimal published(String table, String ags, int year, String path) {
        BigDecimal figure = figures.get(table + "|" + ags + "|" + year + "|" + path);
        assertThat(figure).as("%s %s %d %s in the file", table, ags, year, path).isNotNull();
        return figure;
    }

    @ParameterizedTest(name = "Schuljahr 2010/11, {0}: the office's leavers without and all leavers")
    @ValueSource(
            strings = {
                "13001", "13002", "13003", "13004", "13005", "13006", "13051", "13052", "13053", "13054", "13055",
                "13056", "13057", "13058", "13059", "13060", "13061", "13062"
            })
    void mecklenburgVorpommernsSchoolLeaversOf2011AreComputedFromThePublishedBaseFigures(String ags) {
        IndicatorValue v = computedValues.get("schulabgaenger_ohne_abschluss|" + ags + "|2011");

        assertThat(v).as(ags).isNotNull();
        assertThat(v.numerator())
                .hasValueSatisfying(n -> assertThat(n)
                        .isEqualByComparingTo(published(
                                "21111-02-06-4", ags, 2011, "Schulabschluss | ohne Hauptschulabschluss | Insgesamt")));
        assertThat(v.denominator())
                .hasValueSatisfying(n -> assertThat(n)
                        .isEqualByComparingTo(
                                published("21111-02-06-4", ags, 2011, "Schulabschluss | Insgesamt | Insgesamt")));
        assertThat(v.period().label()).isEqualTo("Schuljahr 2010/11");
        assertThat(v.gebietsstand()).isEqualTo(LocalDate.of(2011, 7, 31));
        assertThat(v.comparison().kreiseInLand()).contains(18);
    }

    @Test
    void goettingensAnnualAverage2016IsComputedAndEqualsThePublishedRates() {
        IndicatorValue foreigners = computedValues.get("arbeitslosenquote_auslaender|03152|2016");
        IndicatorValue gap = computedValues.get("arbeitslosenquote_gap_auslaender|03152|2016");
        String rate = "Arbeitslosenquote bez. auf alle zivile Erwerbsp.";

        assertThat(foreigners).isNotNull();
        assertThat(foreigners.value())
                .hasValueSatisfying(v -> assertThat(v)
                        .isEqualByComparingTo(published("13211-02-05-4", "03152", 2016, rate + " | Ausländer")));
        assertThat(gap.value())
                .hasValueSatisfying(v -> assertThat(v)
                        .isEqualByComparingTo(published("13211-02-05-4", "03152", 2016, rate + " | Ausländer")
                                .subtract(published("13211-02-05-4", "03152", 2016, rate))));
        assertThat(foreigners.period().label()).isEqualTo("Jahresdurchschnitt 2016");
        assertThat(foreigners.gebietsstand()).isEqualTo(LocalDate.of(2016, 10, 31));
        assertThat(foreigners.comparison().rankInLand()).isPresent();
    }
}
