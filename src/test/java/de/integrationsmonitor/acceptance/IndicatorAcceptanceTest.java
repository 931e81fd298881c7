package de.integrationsmonitor.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.Land;
import de.integrationsmonitor.store.IndicatorRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 4 against reality: the whole catalogue over the real extracts reproduces the figures the offices publish
 * (read off the files by hand), the Kreise add up to their Länder, and the typology is stable.
 */
class IndicatorAcceptanceTest extends RealCorpusTest {

    @Autowired
    ComputationService computation;

    @Autowired
    IndicatorRepository indicators;

    @Autowired
    KreisRegister register;

    @Autowired
    ImonSettings settings;

    long computationId;
    Map<String, IndicatorValue> values;

    @BeforeAll
    void compute() {
        computationId = computation.compute(settings.catalogue()).computationId();
        values = indicators.values(computationId).stream()
                .collect(Collectors.toMap(
                        v -> v.indicatorId() + "|" + v.regionCode() + "|" + v.year(), Function.identity()));
    }

    Optional<BigDecimal> value(String indicator, String region, int year) {
        IndicatorValue v = values.get(indicator + "|" + region + "|" + year);
        return v == null ? Optional.empty() : v.value();
    }

    @ParameterizedTest(name = "Arbeitslosenquote Ausländer {0} in 2016 as published: {1} %")
    @CsvSource({"01001, 22.0", "05315, 18.8", "09162, 8.0", "14612, 23.5", "15001, 37.3"})
    void unemploymentRateOfForeignersAsPublishedIn13211(String kreis, String published) {
        assertThat(value("arbeitslosenquote_auslaender", kreis, 2016))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(published));
    }

    @ParameterizedTest(name = "verfügbares Einkommen je Einwohner {0} in 2014: {1} EUR")
    @CsvSource({"01001, 18956", "15001, 18199", "09162, 25838", "DG, 21117"})
    void disposableIncomePerInhabitantAsPublishedIn82411(String region, String published) {
        assertThat(value("einkommen_je_ew", region, 2014))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(published));
    }

    @Test
    void auslaenderanteilOfSachsenAnhaltsKreiseOn31December2015() {
        assertThat(register.kreiseOfLandOn("15", LocalDate.of(2015, 12, 31)))
                .hasSize(14)
                .allSatisfy(k -> assertThat(value("auslaenderanteil", k.ags(), 2015))
                        .as(k.ags())
                        .isPresent());
        assertThat(value("auslaenderanteil", "15001", 2015))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("4.097975132358"));
    }

    @Test
    void theKreiseOfEveryLandAddUpToTheLandInNumeratorAndDenominator() {
        LocalDate end2015 = LocalDate.of(2015, 12, 31);
        for (Land land : register.laender()) {
            BigDecimal foreign = BigDecimal.ZERO;
            BigDecimal all = BigDecimal.ZERO;
            for (Kreis kreis : register.kreiseOfLandOn(land.code(), end2015)) {
                IndicatorValue v = values.get("auslaenderanteil|" + kreis.ags() + "|2015");
                foreign = foreign.add(v.numerator().orElseThrow());
                all = all.add(v.denominator().orElseThrow());
            }
            IndicatorValue landValue = values.get("auslaenderanteil|" + land.code() + "|2015");
            assertThat(foreign)
                    .as(land.name())
                    .isEqualByComparingTo(landValue.numerator().orElseThrow());
            assertThat(all)
                    .as(land.name())
                    .isEqualByComparingTo(landValue.denominator().orElseThrow());
        }
    }

    @Test
    void everyIndicatorOfTheCatalogueHasValues() {
        assertThat(values.values().stream().map(IndicatorValue::indicatorId).distinct())
                .hasSize(16);
    }

    @Test
    void theTypologyPutsEveryKreisWithAllInputsIntoOneOfSixClustersAndIsStable() {
        List<IndicatorRepository.StoredCluster> clusters = indicators.typology(computationId);
        assertThat(clusters)
                .extracting(IndicatorRepository.StoredCluster::cluster)
                .containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(clusters.stream()
                        .mapToInt(IndicatorRepository.StoredCluster::size)
                        .sum())
                .isGreaterThan(390)
                .isLessThanOrEqualTo(402);
        assertThat(clusters)
                .filteredOn(IndicatorRepository.StoredCluster::urban)
                .extracting(IndicatorRepository.StoredCluster::cluster)
                .containsExactly(1, 2, 3);

        long again = computation.compute(settings.catalogue()).computationId();
        Map<String, Optional<Integer>> first = clustersOf(computationId);
        assertThat(clustersOf(again)).isEqualTo(first);
    }

    Map<String, Optional<Integer>> clustersOf(long id) {
        return indicators.values(id).stream()
                .filter(v -> v.indicatorId().equals("sgb2_quote") && v.year() == 2015)
                .collect(Collectors.toMap(
                        IndicatorValue::regionCode, v -> v.comparison().cluster()));
    }
}
