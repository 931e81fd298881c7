package de.integrationsmonitor.report.fill;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.indicator.CatalogueLoader;
import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.indicator.InputPeriod;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.report.edition.AuthorTexts;
import de.integrationsmonitor.report.edition.Edition;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the data-quality and methods pages of a Kreis report say about Gebietsstand and periods. */
class KreisReportBuilderTest {

    static final IndicatorCatalogue CATALOGUE = CatalogueLoader.load(Path.of("jobs/catalogue/indikatoren.yml"));
    static final KreisRegister REGISTER = KreisRegister.loadDefault();
    static final String LEAVERS = "schulabgaenger_ohne_abschluss";
    static final String NATURALISATIONS = "einbuergerungen_je_1000_auslaender";

    static Edition edition(int reportYear, LocalDate gebietsstand) {
        return new Edition(
                Path.of("test.yml"),
                "test",
                "Integrationsbericht",
                reportYear,
                5,
                new Edition.KreisSelection.All(),
                Map.of("Bildung", List.of(LEAVERS), "Rechtlicher Status", List.of(NATURALISATIONS)),
                gebietsstand,
                "kreisbericht.jrxml",
                "landuebersicht.jrxml",
                "{edition}/{ags}.pdf",
                "{edition}/land-{land}.pdf",
                Path.of("test/texte"),
                List.of());
    }

    static IndicatorValue leavers(String ags, int year, LocalDate gebietsstand, String rate, String all) {
        return new IndicatorValue(
                LEAVERS,
                ags,
                Period.of(PeriodKind.SCHULJAHR, LocalDate.of(year, 7, 31)),
                gebietsstand,
                Optional.of(new BigDecimal(rate)),
                "",
                Optional.empty(),
                Optional.of(new BigDecimal(all)),
                false);
    }

    static KreisReportBuilder builder(Edition edition, List<IndicatorValue> values) {
        Map<String, List<InputPeriod>> periods = Map.of(
                LEAVERS,
                        List.of(
                                new InputPeriod(
                                        "ohne_abschluss", "21111-02-06-4", PeriodKind.SCHULJAHR, Optional.empty(), 0),
                                new InputPeriod(
                                        "abgaenger", "21111-02-06-4", PeriodKind.SCHULJAHR, Optional.empty(), 0)),
                NATURALISATIONS,
                        List.of(
                                new InputPeriod(
                                        "einbuergerungen", "12511-01-01-4", PeriodKind.JAHR, Optional.empty(), 0),
                                new InputPeriod(
                                        "auslaender_vorjahr",
                                        "12411-03-03-4",
                                        PeriodKind.STICHTAG,
                                        Optional.of(MonthDay.of(12, 31)),
                                        -1)));
        return new KreisReportBuilder(
                edition,
                CATALOGUE,
                REGISTER,
                Map.of(LEAVERS, values),
                List.of(),
                Map.of(),
                periods,
                List.of(),
                ags -> List.of(),
                "v",
                "sha",
                false,
                AuthorTexts.none());
    }

    @Test
    void theGebietsstandNotesSayPerYearWhichGebietsstandTheOfficeUsedAndWhatWasRebuilt() {
        List<IndicatorValue> values = new ArrayList<>();
        LocalDate beforeReform = LocalDate.of(2011, 7, 31);
        values.add(leavers("13001", 2011, beforeReform, "12", "331"));
        values.add(leavers("13052", 2011, beforeReform, "16", "473"));
        values.add(leavers("13059", 2011, beforeReform, "14", "650"));
        values.add(leavers("13062", 2011, beforeReform, "13", "397"));
        for (int year = 2012; year <= 2015; year++) {
            values.add(leavers("13075", year, LocalDate.of(year, 7, 31), "11", "1400"));
        }

        KreisReport report = builder(edition(2015, LocalDate.of(2015, 12, 31)), values)
                .build(REGISTER.find("13075").orElseThrow());

        assertThat(report.gebietsstandNotes())
                .containsExactly("Schulabgänger(innen) ohne Hauptschulabschluss –"
                        + " Schuljahr 2011/12 bis Schuljahr 2014/15: Gebietsstand am Ende des jeweiligen Schuljahres;"
                        + " Schuljahr 2010/11: Gebietsstand am Ende des Schuljahres, umgerechnet aus 13001 (100 %),"
                        + " 13052 (17,8 %), 13059 (100 %), 13062 (100 %).");
    }

    @Test
    void aKreisDissolvedDuringThePeriodIsShownAtTheGebietsstandTheOfficePublishedItAt() {
        LocalDate lastDay = LocalDate.of(2016, 10, 31);
        List<IndicatorValue> values = List.of(new IndicatorValue(
                LEAVERS,
                "03152",
                Period.of(PeriodKind.JAHRESDURCHSCHNITT, LocalDate.of(2016, 12, 31)),
                lastDay,
                Optional.of(new BigDecimal("18.7")),
                "",
                Optional.empty(),
                Optional.empty(),
                false));

        KreisReport report = builder(edition(2016, lastDay), values)
                .build(REGISTER.find("03152").orElseThrow());

        assertThat(report.gebietsstandNotes())
                .containsExactly("Schulabgänger(innen) ohne Hauptschulabschluss –"
                        + " Jahresdurchschnitt 2016: vom Amt im Gebietsstand 31.10.2016 veröffentlicht.");
    }

    @Test
    void theMainKinzigKreisAfterHanauLeftItIsAPartialSuccessorWhoseSeriesTheReportSaysIsRebuilt() {
        List<IndicatorValue> values = List.of(
                leavers("06435", 2024, LocalDate.of(2024, 7, 31), "7", "3900"),
                leavers("06435", 2026, LocalDate.of(2026, 7, 31), "6", "3000"));

        KreisReport report = builder(edition(2026, LocalDate.of(2026, 12, 31)), values)
                .build(REGISTER.versionOn("06435", LocalDate.of(2026, 12, 31)).orElseThrow());

        assertThat(report.gebietsstandNotes())
                .singleElement()
                .asString()
                .contains("Schuljahr 2023/24: Gebietsstand am Ende des Schuljahres, umgerechnet aus 06435 (76,2 %)"
                        + " (der Kreis hat seit 01.01.2026 ein anderes Gebiet; die Reihe ist auf das heutige Gebiet"
                        + " umgerechnet)");
    }

    @Test
    void theMethodsAnnexSaysWhichReferenceDateEachInputStandsAt() {
        KreisReport report = builder(edition(2015, LocalDate.of(2015, 12, 31)), List.of())
                .build(REGISTER.find("15001").orElseThrow());

        assertThat(report.methods())
                .filteredOn(m -> m.label().startsWith("Schulabgänger"))
                .singleElement()
                .satisfies(m -> assertThat(m.definition()).endsWith("Zeitbezug: Schuljahr (alle Eingangsgrößen)."));
        assertThat(report.methods())
                .filteredOn(m -> m.label().startsWith("Einbürgerungen"))
                .singleElement()
                .satisfies(
                        m -> assertThat(m.definition())
                                .endsWith(
                                        "Zeitbezug: der Wert gilt für den Zeitraum der"
                                                + " ersten Eingangsgröße (Jahr); einbuergerungen: Jahr (Tabelle 12511-01-01-4);"
                                                + " auslaender_vorjahr (Nenner): Stichtag 31.12. des Vorjahres (Tabelle 12411-03-03-4)."));
    }
}
