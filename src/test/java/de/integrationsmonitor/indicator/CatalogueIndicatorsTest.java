package de.integrationsmonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.observation.StoredObservation;
import de.integrationsmonitor.region.KreisRegister;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped catalogue's indicators on tiny inputs with hand-computed results: the definitions as statisticians
 * read them in jobs/catalogue/indikatoren.yml, evaluated by the project.
 */
class CatalogueIndicatorsTest {

    static final IndicatorCatalogue CATALOGUE = CatalogueLoader.load(Path.of("jobs/catalogue/indikatoren.yml"));
    static final KreisRegister REGISTER = KreisRegister.loadDefault();

    final List<StoredObservation> rows = new ArrayList<>();

    void row(String table, String region, LocalDate date, String variable, String unit, Cell cell) {
        rows.add(new StoredObservation(
                1, table, region, Period.of(PeriodKind.JAHR, date), variable, unit, cell, rows.size() + 1));
    }

    void row(String table, String region, int year, String variable, long value) {
        row(table, region, LocalDate.of(year, 12, 31), variable, "Anzahl", Cell.of(BigDecimal.valueOf(value)));
    }

    List<IndicatorValue> compute(String id) {
        IndicatorDefinition indicator = CATALOGUE.find(id).orElseThrow();
        List<IndicatorValue> values = new IndicatorCalculator(REGISTER)
                .compute(
                        indicator,
                        input -> rows.stream()
                                .filter(o -> o.tableCode().equals(input.table()))
                                .toList());
        return Comparisons.compare(indicator, values, REGISTER);
    }

    IndicatorValue value(String id, String region, int year) {
        return compute(id).stream()
                .filter(v -> v.regionCode().equals(region) && v.year() == year)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " for " + region + " in " + year));
    }

    static void assertValue(IndicatorValue v, String expected) {
        assertThat(v.value()).hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo(expected));
    }

    @Test
    void theCatalogueHoldsTheSixteenOfficeIndicatorsScriptsRelyOnAndTheOwnDataOnes() {
        assertThat(CATALOGUE.indicators())
                .extracting(IndicatorDefinition::id)
                .containsExactly(
                        "auslaenderanteil",
                        "auslaenderanteil_u18",
                        "bevoelkerungsentwicklung_5j",
                        "einbuergerungen_je_1000_auslaender",
                        "schutzsuchende_je_1000_ew",
                        "schutzsuchende_anteil_anerkannt",
                        "beschaeftigungsquote_auslaender",
                        "auslaenderanteil_beschaeftigte",
                        "arbeitslosenquote_auslaender",
                        "arbeitslosenquote_gap_auslaender",
                        "sgb2_quote_auslaender",
                        "sgb2_quote",
                        "schulabgaenger_ohne_abschluss",
                        "zuzuege_ausland_je_1000_ew",
                        "wanderungssaldo_18_25_je_1000",
                        "einkommen_je_ew",
                        // from own data and office workbooks (jobs/datenquellen)
                        "frauenanteil_svb_auslaender",
                        "svb_auslaender_qualifikation_hoch",
                        "svb_auslaender_qualifikation_mittel",
                        "svb_auslaender_qualifikation_niedrig",
                        "kita_auslaendische_herkunft",
                        "kita_familiensprache_nicht_deutsch",
                        "aufenthaltsdauer_8_jahre_anteil");
        assertThat(CATALOGUE.indicators()).allSatisfy(i -> {
            assertThat(i.definition()).as(i.id()).hasSizeGreaterThan(80);
            assertThat(i.sources()).as(i.id()).isNotEmpty();
        });
        assertThat(CATALOGUE.sha256()).hasSize(64);
    }

    @Test
    void naturalisationsAreSetAgainstTheForeignPopulationOfTheYearBefore() {
        String naturalisations = "Einbürgerungen von Ausländern | Kontinente (einschl. staatenlos etc.) | Insgesamt";
        String foreign = "Ausländer(innen) | Insgesamt | Insgesamt";
        row("12511-01-01-4", "01001", 2016, naturalisations, 161);
        row("12411-03-03-4", "01001", 2015, foreign, 8050);
        row("12411-03-03-4", "01001", 2016, foreign, 99999); // same year: must not be used

        // 161 / 8050 * 1000 = 20
        assertValue(value("einbuergerungen_je_1000_auslaender", "01001", 2016), "20");
        assertThat(compute("einbuergerungen_je_1000_auslaender")).noneMatch(v -> v.year() == 2017);
    }

    @Test
    void protectionSeekersSumTheDisjointStatusCategoriesOnly() {
        LocalDate end2024 = LocalDate.of(2024, 12, 31);
        row(
                "12531-0043",
                "02000",
                end2024,
                "Schutzsuchende | Anerkannter Schutzstatus | weiblich | Ukraine",
                "Anzahl",
                Cell.of(new BigDecimal("100")));
        row(
                "12531-0043",
                "02000",
                end2024,
                "Schutzsuchende | Befristet anerkannter Schutzstatus | weiblich | Ukraine",
                "Anzahl",
                Cell.of(new BigDecimal("90"))); // a part of "anerkannt": not counted twice
        row(
                "12531-0043",
                "02000",
                end2024,
                "Schutzsuchende | Offener Schutzstatus | männlich | Syrien",
                "Anzahl",
                Cell.of(new BigDecimal("20")));
        row(
                "12531-0043",
                "02000",
                end2024,
                "Schutzsuchende | Ohne Schutzsstatus | männlich | Afghanistan",
                "Anzahl",
                Cell.of(new BigDecimal("5")));
        row(
                "12411-01-01-4",
                "02000",
                end2024,
                "Bevölkerungsstand | Insgesamt",
                "Anzahl",
                Cell.of(new BigDecimal("10000")));

        // (100 + 20 + 5) / 10000 * 1000 = 12.5 ; 100 / 125 * 100 = 80
        assertValue(value("schutzsuchende_je_1000_ew", "02000", 2024), "12.5");
        assertValue(value("schutzsuchende_anteil_anerkannt", "02000", 2024), "80");
        // Hamburg has one Kreis: the Land's value is the sum of its Kreise
        assertValue(value("schutzsuchende_je_1000_ew", "02", 2024), "12.5");
    }

    @Test
    void theUnemploymentGapIsInPercentagePointsAndHigherRanksWorse() {
        String all = "Arbeitslosenquote bez. auf alle zivile Erwerbsp.";
        String foreign = all + " | Ausländer";
        for (String[] kreis :
                new String[][] {{"01001", "9,9", "22,0"}, {"01002", "10,7", "27,8"}, {"01", "6,7", "20,0"}}) {
            row(
                    "13211-02-05-4",
                    kreis[0],
                    LocalDate.of(2016, 12, 31),
                    all,
                    "Prozent",
                    Cell.of(new BigDecimal(kreis[1].replace(',', '.'))));
            row(
                    "13211-02-05-4",
                    kreis[0],
                    LocalDate.of(2016, 12, 31),
                    foreign,
                    "Prozent",
                    Cell.of(new BigDecimal(kreis[2].replace(',', '.'))));
        }

        IndicatorValue flensburg = value("arbeitslosenquote_gap_auslaender", "01001", 2016);
        assertValue(flensburg, "12.1");
        assertThat(flensburg.comparison().landValue())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("13.3"));
        // the published rate is taken as it is; the lower rate ranks first
        assertValue(value("arbeitslosenquote_auslaender", "01001", 2016), "22");
        assertThat(value("arbeitslosenquote_auslaender", "01001", 2016)
                        .comparison()
                        .rankInLand())
                .contains(1);
        assertThat(value("arbeitslosenquote_auslaender", "01002", 2016)
                        .comparison()
                        .rankInLand())
                .contains(2);
    }

    @Test
    void incomeChangesOverFiveYearsInPercent() {
        row(
                "82411-01-03-4",
                "15001",
                LocalDate.of(2009, 12, 31),
                "verfüg. Einkommen der priv. Haushalte je Einwohner",
                "EUR",
                Cell.of(new BigDecimal("17000")));
        row(
                "82411-01-03-4",
                "15001",
                LocalDate.of(2014, 12, 31),
                "verfüg. Einkommen der priv. Haushalte je Einwohner",
                "EUR",
                Cell.of(new BigDecimal("18199")));

        // (18199 - 17000) / 17000 * 100 = 7.0529411764705...
        assertThat(value("einkommen_je_ew", "15001", 2014).comparison().change5y())
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("7.052941176471"));
    }

    @Test
    void theShareUnder18NeedsEveryAgeGroupUnder18() {
        String[] groups = {
            "unter 3 Jahre",
            "3 bis unter 6 Jahre",
            "6 bis unter 10 Jahre",
            "10 bis unter 15 Jahre",
            "15 bis unter 18 Jahre"
        };
        for (String group : groups) {
            row("12411-03-03-4", "15001", 2015, "Ausländer(innen) | Insgesamt | " + group, 100);
            row("12411-03-03-4", "15001", 2015, "Insgesamt | Insgesamt | " + group, 2000);
        }
        row("12411-03-03-4", "15002", 2015, "Ausländer(innen) | Insgesamt | unter 3 Jahre", 100);
        row("12411-03-03-4", "15002", 2015, "Insgesamt | Insgesamt | unter 3 Jahre", 2000);

        // 500 / 10000 * 100 = 5
        assertValue(value("auslaenderanteil_u18", "15001", 2015), "5");
        // Halle has only one age group here: no share made from part of the ages
        assertThat(compute("auslaenderanteil_u18"))
                .noneMatch(v -> v.regionCode().equals("15002"));
    }

    @Test
    void aKreisValueStandsAtTheGebietsstandTheOfficePublishedItAt() {
        // Mecklenburg-Vorpommern, 4.9.2011: Greifswald (13001) went into Vorpommern-Greifswald (13075)
        String path = "Schulabschluss | ohne Hauptschulabschluss | Insgesamt";
        String all = "Schulabschluss | Insgesamt | Insgesamt";
        row("21111-02-06-4", "13001", 2010, path, 30);
        row("21111-02-06-4", "13001", 2010, all, 400);
        row("21111-02-06-4", "13001", 2012, path, 28); // published after the reform, at the old Gebietsstand
        row("21111-02-06-4", "13001", 2012, all, 380);
        row("21111-02-06-4", "13075", 2012, path, 120);
        row("21111-02-06-4", "13075", 2012, all, 1600);

        assertValue(value("schulabgaenger_ohne_abschluss", "13001", 2010), "7.5");
        assertValue(value("schulabgaenger_ohne_abschluss", "13075", 2012), "7.5");
        assertThat(value("schulabgaenger_ohne_abschluss", "13075", 2012).gebietsstand())
                .isEqualTo(end(2012));
        IndicatorValue old = value("schulabgaenger_ohne_abschluss", "13001", 2012);
        assertThat(old.gebietsstand()).isEqualTo(LocalDate.of(2011, 9, 3));
        // ranked among the Kreise of its own Gebietsstand, never beside the Kreis that replaced it
        assertThat(old.comparison().kreiseInLand()).contains(1);
        assertThat(compute("schulabgaenger_ohne_abschluss"))
                .noneMatch(v -> v.regionCode().equals("13075") && v.year() == 2010);
    }

    static LocalDate end(int year) {
        return LocalDate.of(year, 12, 31);
    }

    @Test
    void aSecretCountMakesTheRateSecretAndASmallBaseIsFlagged() {
        String path = "Schulabschluss | ohne Hauptschulabschluss | Insgesamt";
        String all = "Schulabschluss | Insgesamt | Insgesamt";
        row("21111-02-06-4", "15001", LocalDate.of(2014, 12, 31), path, "Anzahl", Cell.missing(Marker.SECRET));
        row("21111-02-06-4", "15001", 2014, all, 700);
        row("21111-02-06-4", "15002", 2014, path, 3);
        row("21111-02-06-4", "15002", 2014, all, 40);

        IndicatorValue secret = value("schulabgaenger_ohne_abschluss", "15001", 2014);
        assertThat(secret.value()).isEmpty();
        assertThat(secret.marker()).isEqualTo(".");
        IndicatorValue small = value("schulabgaenger_ohne_abschluss", "15002", 2014);
        assertValue(small, "7.5");
        assertThat(small.smallBase()).isTrue();
    }

    @Test
    void aFormulaNamingAnUndeclaredInputIsRefusedWithTheIndicatorNamed(@TempDir Path temp) throws IOException {
        String shipped = Files.readString(Path.of("jobs/catalogue/indikatoren.yml"));
        Path broken = temp.resolve("indikatoren.yml");
        Files.writeString(
                broken,
                shipped.replace("formula: auslaender / bevoelkerung * 100", "formula: auslaender / einwohner * 100"));

        assertThatThrownBy(() -> CatalogueLoader.load(broken))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("indicator 'auslaenderanteil'")
                .hasMessageContaining("einwohner");
    }

    @Test
    void aWrongDirectionIsRefusedNamingTheAllowedValues(@TempDir Path temp) throws IOException {
        String shipped = Files.readString(Path.of("jobs/catalogue/indikatoren.yml"));
        Path broken = temp.resolve("indikatoren.yml");
        Files.writeString(broken, shipped.replaceFirst("direction: neutral", "direction: up"));

        assertThatThrownBy(() -> CatalogueLoader.load(broken))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("indicator 'auslaenderanteil': direction is 'up'; allowed: higher_is_better,"
                        + " higher_is_worse, neutral");
    }

    @Test
    void theTypologySettingsAndThePopulationWeightsAreFieldsOfTheCatalogue(@TempDir Path temp) throws IOException {
        assertThat(CATALOGUE.typology().clustersPerGroup()).isEqualTo(3);
        assertThat(CATALOGUE.typology().seed()).isEqualTo(20230L);
        assertThat(CATALOGUE.typology().starts()).isEqualTo(10);
        assertThat(CATALOGUE.typologySpec().urbanClusters()).isEqualTo(3);
        assertThat(CATALOGUE.population().table()).isEqualTo("12411-05-01-4");
        assertThat(CATALOGUE.population().variables()).containsExactly("Insgesamt");

        String shipped = Files.readString(Path.of("jobs/catalogue/indikatoren.yml"));
        Path seedless = temp.resolve("ohne-startwert.yml");
        Files.writeString(seedless, shipped.replaceFirst("seed: 20230", "seed: zwanzig"));
        assertThatThrownBy(() -> CatalogueLoader.load(seedless))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("typology: seed is 'zwanzig'; expected a number");
        Path noStarts = temp.resolve("null-starts.yml");
        Files.writeString(noStarts, shipped.replaceFirst("starts: 10", "starts: 0"));
        assertThatThrownBy(() -> CatalogueLoader.load(noStarts))
                .hasMessageContaining("typology: starts is '0';" + " expected a whole number of at least 1");
        Path oldMethod = temp.resolve("alter-methodentext.yml");
        Files.writeString(oldMethod, shipped.replaceFirst("  year: 2015\n", "  year: 2015\n  method: Text\n"));
        assertThatThrownBy(() -> CatalogueLoader.load(oldMethod))
                .hasMessageContaining("typology: 'method' is no" + " longer a field");
        Path noWeights = temp.resolve("ohne-gewichte.yml");
        Files.writeString(noWeights, shipped.replaceFirst("gebietsstand:\n", "gebiet:\n"));
        assertThatThrownBy(() -> CatalogueLoader.load(noWeights))
                .hasMessageContaining("the field 'gebietsstand' is" + " missing");
    }

    @Test
    void aDashInAPublishedRateMeansNoRateNotZero() {
        // 13211-02-05-4 has '-' for the rate of foreigners before 2009: nothing published
        row(
                "13211-02-05-4",
                "15",
                LocalDate.of(2005, 12, 31),
                "Arbeitslosenquote bez. auf alle zivile Erwerbsp. | Ausländer",
                "Prozent",
                Cell.missing(Marker.NOTHING));

        IndicatorValue rate = value("arbeitslosenquote_auslaender", "15", 2005);

        assertThat(rate.value()).isEmpty();
        assertThat(rate.marker()).isEqualTo("-");
    }

    static final String[] AGES_15_65 = {
        "15 bis unter 18 Jahre",
        "18 bis unter 20 Jahre",
        "20 bis unter 25 Jahre",
        "25 bis unter 30 Jahre",
        "30 bis unter 35 Jahre",
        "35 bis unter 40 Jahre",
        "40 bis unter 45 Jahre",
        "45 bis unter 50 Jahre",
        "50 bis unter 55 Jahre",
        "55 bis unter 60 Jahre",
        "60 bis unter 65 Jahre"
    };
    static final String[] AGES_UNDER_15 = {
        "unter 3 Jahre", "3 bis unter 6 Jahre", "6 bis unter 10 Jahre", "10 bis unter 15 Jahre"
    };
    static final String[] AGES_65_PLUS = {
        "65 bis unter 70 Jahre",
        "70 bis unter 75 Jahre",
        "75 bis unter 80 Jahre",
        "80 bis unter 85 Jahre",
        "85 bis unter 90 Jahre",
        "90 Jahre und mehr"
    };

    /** 100 per age group and nationality column: 15 groups under 65, 6 from 65 on. */
    void population2015(String kreis, String nationality, long perGroup) {
        for (String[] groups : new String[][] {AGES_UNDER_15, AGES_15_65, AGES_65_PLUS}) {
            for (String group : groups) {
                row("12411-03-03-4", kreis, 2015, nationality + " | Insgesamt | " + group, perGroup);
            }
        }
        row("12411-03-03-4", kreis, 2015, nationality + " | Insgesamt | Insgesamt", perGroup * 21);
    }

    @Test
    void populationChangeOverFiveYearsComparesTheMeanPopulations() {
        row("12411-05-01-4", "15001", 2010, "Insgesamt", 80000);
        row("12411-05-01-4", "15001", 2015, "Insgesamt", 76000);

        // (76000 - 80000) / 80000 * 100 = -5
        assertValue(value("bevoelkerungsentwicklung_5j", "15001", 2015), "-5");
    }

    @Test
    void employmentRateOfForeignersSetsEmployeesAgainstForeignResidentsFrom15To65() {
        population2015("15001", "Ausländer(innen)", 100);
        row(
                "13111-01-03-4",
                "15001",
                LocalDate.of(2015, 6, 30),
                "Nationalität | Ausländer(innen) | Geschlecht | Insgesamt",
                "Anzahl",
                Cell.of(new BigDecimal("440")));
        row(
                "13111-01-03-4",
                "15001",
                LocalDate.of(2015, 6, 30),
                "Nationalität | Insgesamt | Geschlecht | Insgesamt",
                "Anzahl",
                Cell.of(new BigDecimal("22000")));

        // 440 employees / (11 groups * 100) * 100 = 40 ; 440 / 22000 * 100 = 2
        IndicatorValue quote = value("beschaeftigungsquote_auslaender", "15001", 2015);
        assertValue(quote, "40");
        assertThat(quote.referenceDate()).isEqualTo(LocalDate.of(2015, 6, 30));
        assertValue(value("auslaenderanteil_beschaeftigte", "15001", 2015), "2");
    }

    @Test
    void sgb2RatesSetRecipientsAgainstResidentsUnder65() {
        population2015("15001", "Ausländer(innen)", 100);
        population2015("15001", "Insgesamt", 1000);
        row(
                "22811-02-02-4",
                "15001",
                2015,
                "dar.: Regelleistungsberechtigte nach dem SGB II | insgesamt | Ausländer(innen)",
                300);
        row(
                "22811-02-02-4",
                "15001",
                2015,
                "dar.: Regelleistungsberechtigte nach dem SGB II | insgesamt | Insgesamt",
                1500);

        // 300 / (15 groups under 65 * 100) * 100 = 20 ; 1500 / 15000 * 100 = 10
        assertValue(value("sgb2_quote_auslaender", "15001", 2015), "20");
        assertValue(value("sgb2_quote", "15001", 2015), "10");
    }

    @Test
    void migrationFiguresPerThousand() {
        String young = "18 bis unter 25 Jahre";
        row(
                "12711-02-02-4",
                "15001",
                2015,
                "Zuzüge aus dem Ausland über die Gemeindegrenzen | Geschlecht | Insgesamt | Insgesamt",
                640);
        row("12411-05-01-4", "15001", 2015, "Insgesamt", 80000);
        row("12711-02-02-4", "15001", 2015, "Zuzüge über die Gemeindegrenzen | Geschlecht | Insgesamt | " + young, 826);
        row(
                "12711-02-02-4",
                "15001",
                2015,
                "Fortzüge über die Gemeindegrenzen | Geschlecht | Insgesamt | " + young,
                776);
        row("12411-03-03-4", "15001", 2015, "Insgesamt | Insgesamt | 18 bis unter 20 Jahre", 1000);
        row("12411-03-03-4", "15001", 2015, "Insgesamt | Insgesamt | 20 bis unter 25 Jahre", 4000);

        // 640 / 80000 * 1000 = 8 ; (826 - 776) / 5000 * 1000 = 10
        assertValue(value("zuzuege_ausland_je_1000_ew", "15001", 2015), "8");
        assertValue(value("wanderungssaldo_18_25_je_1000", "15001", 2015), "10");
    }
}
