package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.cli.ImonCommand;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.store.IndicatorRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * Periods across a reform, through the command line, from tiny fixtures in the offices' formats: the school year
 * 2010/11 of Mecklenburg-Vorpommern's Kreise dissolved on 4.9.2011 (the real lines of 21111-02-06-4), the annual
 * average 2016 of unemployment that the Bundesagentur reports for Göttingen 03152, merged on 1.11.2016 (the real
 * lines of 13211-02-05-4), and a Stichtag after that merger (12411-03-03-4, invented figures).
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReformPeriodsPipelineTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/reform").toAbsolutePath();

    static final Path HOME = temporaryHome();

    static Path temporaryHome() {
        try {
            return java.nio.file.Files.createTempDirectory("imon-reform-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> Path.of("").toAbsolutePath().toString());
        registry.add("imon.home", HOME::toString);
    }

    @Autowired
    CommandLine.IFactory factory;

    @Autowired
    IndicatorRepository indicators;

    Map<String, CSVRecord> rows;

    String imon(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(ImonCommand.commandLine(factory).execute(args)).isZero();
            return captured.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(original);
        }
    }

    static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))
                .getRecords();
    }

    @BeforeAll
    void ingestTheFixturesAndListTheIndicators() throws IOException {
        imon("ingest", FIXTURES.toString());
        rows = csv(imon("indicators", "--format", "csv")).stream()
                .collect(Collectors.toMap(
                        r -> r.get("indicator") + "|" + r.get("ags") + "|" + r.get("period"), Function.identity()));
    }

    CSVRecord row(String indicator, String ags, int year) {
        CSVRecord row = rows.get(indicator + "|" + ags + "|" + year);
        assertThat(row).as("%s %s %d", indicator, ags, year).isNotNull();
        return row;
    }

    static BigDecimal ratio(long part, long whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL64);
    }

    /** As stored: twelve decimals, far below any published rounding. */
    static BigDecimal stored(BigDecimal exact) {
        return exact.setScale(12, java.math.RoundingMode.HALF_EVEN);
    }

    @Test
    void theSchoolYear2010To11IsComputedForMecklenburgVorpommernsOldKreiseAsTheOfficePublishedIt() {
        CSVRecord greifswald = row("schulabgaenger_ohne_abschluss", "13001", 2011);

        // 40 of 331 leavers without Hauptschulabschluss (21111-02-06-4, 2011, 13001)
        assertThat(new BigDecimal(greifswald.get("value"))).isEqualByComparingTo(stored(ratio(40, 331)));
        assertThat(greifswald.get("period_kind")).isEqualTo("SCHULJAHR");
        assertThat(greifswald.get("period_label")).isEqualTo("Schuljahr 2010/11");
        assertThat(greifswald.get("published_gebietsstand")).isEqualTo("2011-07-31");
        assertThat(greifswald.get("kreise_in_land")).isEqualTo("18");
        // 1345 of 9452 in the Land row
        assertThat(new BigDecimal(greifswald.get("land_value")).round(MathContext.DECIMAL32))
                .isEqualByComparingTo(ratio(1345, 9452).round(MathContext.DECIMAL32));
        assertThat(rows)
                .doesNotContainKeys(
                        "schulabgaenger_ohne_abschluss|13071|2011", "schulabgaenger_ohne_abschluss|13075|2011");
    }

    @Test
    void theOldKreiseAddUpToTheLandAndTheNewOnesTakeOverTheNextSchoolYear() {
        long computation = indicators.latestComputation().orElseThrow().id();
        List<IndicatorValue> values = indicators.values(computation).stream()
                .filter(v -> v.indicatorId().equals("schulabgaenger_ohne_abschluss"))
                .toList();
        List<IndicatorValue> mv2011 = values.stream()
                .filter(v -> v.year() == 2011 && v.regionCode().length() == 5)
                .toList();
        IndicatorValue land = values.stream()
                .filter(v -> v.year() == 2011 && v.regionCode().equals("13"))
                .findFirst()
                .orElseThrow();

        assertThat(mv2011)
                .hasSize(18)
                .allSatisfy(v -> assertThat(v.gebietsstand()).isEqualTo(LocalDate.of(2011, 7, 31)));
        assertThat(mv2011.stream().map(v -> v.numerator().orElseThrow()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(land.numerator().orElseThrow());
        assertThat(mv2011.stream().map(v -> v.denominator().orElseThrow()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(land.denominator().orElseThrow());
        assertThat(mv2011)
                .extracting(v -> v.comparison().rankInLand().orElseThrow())
                .contains(1, 18);

        CSVRecord seenplatte = row("schulabgaenger_ohne_abschluss", "13071", 2012);
        assertThat(seenplatte.get("period_label")).isEqualTo("Schuljahr 2011/12");
        assertThat(seenplatte.get("kreise_in_land")).isEqualTo("8");
        assertThat(seenplatte.get("published_gebietsstand")).isEqualTo("2012-07-31");
    }

    @Test
    void atTheGebietsstandOf2012VorpommernGreifswaldsSchoolYear2010To11IsRebuiltFromItsPredecessors()
            throws IOException {
        CSVRecord rebuilt = csv(imon(
                        "indicators",
                        "--format",
                        "csv",
                        "--indicator",
                        "schulabgaenger_ohne_abschluss",
                        "--kreis",
                        "13075",
                        "--period",
                        "2011",
                        "--gebietsstand",
                        "2012-12-31"))
                .get(0);

        // Greifswald, 17.8 % of Demmin, Ostvorpommern and Uecker-Randow: leavers without over all leavers
        BigDecimal demmin = new BigDecimal("0.178");
        BigDecimal without = BigDecimal.valueOf(40 + 96 + 52).add(demmin.multiply(BigDecimal.valueOf(79)));
        BigDecimal all = BigDecimal.valueOf(331 + 650 + 397).add(demmin.multiply(BigDecimal.valueOf(473)));
        assertThat(new BigDecimal(rebuilt.get("value")))
                .isEqualByComparingTo(
                        stored(without.multiply(BigDecimal.valueOf(100)).divide(all, MathContext.DECIMAL64)));
        assertThat(rebuilt.get("gebietsstand"))
                .isEqualTo("Gebietsstand 31.12.2012, umgerechnet aus 13001 (100 %),"
                        + " 13052 (17,8 %), 13059 (100 %), 13062 (100 %)");
        assertThat(rebuilt.get("period_label")).isEqualTo("Schuljahr 2010/11");
        assertThat(rebuilt.get("published_gebietsstand")).isEqualTo("2011-07-31");
    }

    @Test
    void theAnnualAverage2016OfGoettingen03152IsThePublishedRateRankedAmongTheKreiseTheOfficeReported() {
        CSVRecord goettingen = row("arbeitslosenquote_auslaender", "03152", 2016);

        assertThat(new BigDecimal(goettingen.get("value"))).isEqualByComparingTo("18.7");
        assertThat(goettingen.get("period_label")).isEqualTo("Jahresdurchschnitt 2016");
        assertThat(goettingen.get("published_gebietsstand")).isEqualTo("2016-10-31");
        assertThat(new BigDecimal(goettingen.get("land_value"))).isEqualByComparingTo("19.2");
        // 18.7 (Göttingen) before 20.9 (Goslar) and 23.6 (Northeim): lower is better
        assertThat(goettingen.get("rank_in_land")).isEqualTo("1");
        assertThat(goettingen.get("kreise_in_land")).isEqualTo("3");
        assertThat(row("arbeitslosenquote_auslaender", "03155", 2016).get("published_gebietsstand"))
                .isEqualTo("2016-10-31");
        assertThat(rows)
                .doesNotContainKeys(
                        "arbeitslosenquote_auslaender|03156|2016", "arbeitslosenquote_auslaender|03159|2016");
        assertThat(row("arbeitslosenquote_auslaender", "03152", 2015).get("kreise_in_land"))
                .isEqualTo("4");
    }

    @Test
    void aStichtagAfterTheMergerStandsAtItsOwnGebietsstand() {
        CSVRecord goettingen = row("auslaenderanteil", "03159", 2016);

        assertThat(new BigDecimal(goettingen.get("value"))).isEqualByComparingTo(stored(ratio(22424, 328074)));
        assertThat(goettingen.get("period_kind")).isEqualTo("STICHTAG");
        assertThat(goettingen.get("period_label")).isEqualTo("31.12.2016");
        assertThat(goettingen.get("published_gebietsstand")).isEqualTo("2016-12-31");
        // 6.84 % before Goslar's 6.58 % and Northeim's 5.20 %: neutral, highest first
        assertThat(goettingen.get("rank_in_land")).isEqualTo("1");
        assertThat(goettingen.get("kreise_in_land")).isEqualTo("3");
        assertThat(rows).doesNotContainKeys("auslaenderanteil|03152|2016", "auslaenderanteil|03156|2016");
    }
}
