package de.integrationsmonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.indicator.expression.Expression;
import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.observation.StoredObservation;
import de.integrationsmonitor.region.KreisRegister;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndicatorCalculatorTest {

    static final LocalDate END_2015 = LocalDate.of(2015, 12, 31);
    static final String FOREIGN = "Ausländer(innen) | Insgesamt | Insgesamt";
    static final String TOTAL = "Insgesamt | Insgesamt | Insgesamt";
    static final IndicatorDefinition AUSLAENDERANTEIL = new IndicatorDefinition(
            "auslaenderanteil",
            "Ausländeranteil",
            "%",
            "Bevölkerung",
            Direction.NEUTRAL,
            List.of(input("auslaender", FOREIGN), input("bevoelkerung", TOTAL)),
            Expression.parse("auslaender / bevoelkerung * 100"),
            Optional.of("bevoelkerung"),
            Optional.of(new BigDecimal("50")),
            ChangeKind.POINTS,
            List.of("12411-03-03-4"),
            "Definition");

    static InputSpec input(String name, String variable) {
        return new InputSpec(name, "12411-03-03-4", List.of(variable), List.of(), List.of(), 0);
    }

    final List<StoredObservation> rows = new ArrayList<>();
    final IndicatorCalculator calculator = new IndicatorCalculator(KreisRegister.loadDefault());

    void row(String region, String variable, Cell cell) {
        rows.add(new StoredObservation(
                1, "12411-03-03-4", region, Period.of(PeriodKind.STICHTAG, END_2015), variable, "", cell, 1));
    }

    void population(String region, long foreign, long total) {
        row(region, FOREIGN, Cell.of(BigDecimal.valueOf(foreign)));
        row(region, TOTAL, Cell.of(BigDecimal.valueOf(total)));
    }

    IndicatorValue valueOf(String region) {
        return calculator.compute(AUSLAENDERANTEIL, spec -> rows).stream()
                .filter(v -> v.regionCode().equals(region))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no value for " + region));
    }

    @Test
    void auslaenderanteilOfDessauRosslauIsForeignResidentsOverPopulationTimes100() {
        population("15001", 3398, 82919);

        IndicatorValue dessau = valueOf("15001");

        // 3398 / 82919 * 100 = 4.09797513235...
        assertThat(dessau.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("4.097975132358"));
        assertThat(dessau.numerator()).contains(new BigDecimal("3398"));
        assertThat(dessau.period().label()).isEqualTo("31.12.2015");
        assertThat(dessau.gebietsstand()).isEqualTo(END_2015);
        assertThat(dessau.smallBase()).isFalse();
    }

    @Test
    void aSecretNumeratorGivesASecretIndicatorNotAZero() {
        row("15001", FOREIGN, Cell.missing(Marker.SECRET));
        row("15001", TOTAL, Cell.of(new BigDecimal("82919")));

        IndicatorValue dessau = valueOf("15001");

        assertThat(dessau.value()).isEmpty();
        assertThat(dessau.marker()).isEqualTo(".");
    }

    @Test
    void aProvisionalInputMakesAProvisionalResult() {
        row("15001", FOREIGN, Cell.of(new BigDecimal("3398"), "p"));
        row("15001", TOTAL, Cell.of(new BigDecimal("82919")));

        assertThat(valueOf("15001").marker()).isEqualTo("p");
    }

    @Test
    void aDenominatorBelowTheMinimumIsFlaggedNotHidden() {
        population("15001", 3, 40);

        IndicatorValue tiny = valueOf("15001");

        assertThat(tiny.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("7.5"));
        assertThat(tiny.smallBase()).isTrue();
    }

    @Test
    void berlinListedAsLand11IsAlsoTheKreis11000() {
        population("11", 545678, 3520031);

        assertThat(valueOf("11000").value()).isEqualTo(valueOf("11").value());
        assertThat(valueOf("11000").value()).isPresent();
    }

    @Test
    void aKreisTheOfficePublishedAtAnEarlierGebietsstandStandsThereNotBesideItsSuccessor() {
        // the store keeps figures of a Kreis outside its validity only where the office published them (lines of
        // '-' are skipped at ingest): Dessau (15101) was dissolved on 1.7.2007
        population("15001", 3398, 82919);
        population("15101", 2000, 77000);

        List<IndicatorValue> values = calculator.compute(AUSLAENDERANTEIL, spec -> rows);

        assertThat(valueOf("15001").gebietsstand()).isEqualTo(END_2015);
        assertThat(values)
                .filteredOn(v -> v.regionCode().equals("15101"))
                .singleElement()
                .satisfies(v -> assertThat(v.gebietsstand()).isEqualTo(LocalDate.of(2007, 6, 30)));
    }

    @Test
    void aZeroPopulationGivesALockedCellInsteadOfADivisionByZero() {
        population("15001", 0, 0);

        IndicatorValue empty = valueOf("15001");

        assertThat(empty.value()).isEqualTo(Optional.empty());
        assertThat(empty.marker()).isEqualTo("x");
    }
}
