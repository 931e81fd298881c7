package de.integrationsmonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.region.KreisRegister;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Time series of a Kreis across a reform, shown at the Kreis's Gebietsstand through the crosswalk. */
class GebietsstandSeriesTest {

    static final LocalDate END_2016 = LocalDate.of(2016, 12, 31);

    final GebietsstandSeries series = new GebietsstandSeries(KreisRegister.loadDefault());

    static Period stichtag(int year) {
        return Period.of(PeriodKind.STICHTAG, LocalDate.of(year, 12, 31));
    }

    static IndicatorValue value(String region, int year, String value, String denominator) {
        return new IndicatorValue(
                "schulabgaenger_ohne_abschluss",
                region,
                stichtag(year),
                LocalDate.of(year, 12, 31),
                Optional.of(new BigDecimal(value)),
                "",
                Optional.empty(),
                Optional.of(new BigDecimal(denominator)),
                false);
    }

    @Test
    void goettingenBefore2016IsRebuiltFromGoettingenAndOsterodeWeightedByTheirBase() {
        // 1.11.2016: Göttingen (03152) and Osterode am Harz (03156) became Landkreis Göttingen (03159)
        List<IndicatorValue> values = List.of(
                value("03152", 2015, "5", "2000"),
                value("03156", 2015, "10", "500"),
                value("03159", 2016, "6", "2500"));

        List<GebietsstandSeries.Point> points = series.series("03159", END_2016, values, Map.of());

        // (5 * 2000 + 10 * 500) / 2500 = 6
        assertThat(points).hasSize(2);
        assertThat(points.get(0).year()).isEqualTo(2015);
        assertThat(points.get(0).value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("6"));
        assertThat(points.get(0).note()).isEqualTo("umgerechnet aus 03152 (100 %), 03156 (100 %)");
        assertThat(points.get(1).converted()).isFalse();
    }

    @Test
    void aSplitKreisContributesOnlyTheShareOfItsPopulationThatWentOver() {
        // 1.7.2007: Dessau-Roßlau (15001) = Dessau (15101) whole + Roßlau, 20.2 % of Anhalt-Zerbst (15151)
        Map<String, BigDecimal> shares = series.contributors("15001", END_2016, LocalDate.of(2006, 12, 31))
                .orElseThrow();

        assertThat(shares).containsOnlyKeys("15101", "15151");
        assertThat(shares.get("15101")).isEqualByComparingTo("1");
        assertThat(shares.get("15151")).isEqualByComparingTo("0.202");

        List<GebietsstandSeries.Point> points = series.series(
                "15001",
                END_2016,
                List.of(value("15101", 2006, "10", "800"), value("15151", 2006, "5", "1000")),
                Map.of());
        // (10 * 800 + 5 * 0.202 * 1000) / (800 + 202) = 9010 / 1002
        assertThat(points)
                .singleElement()
                .satisfies(p -> assertThat(p.value().orElseThrow()).isEqualByComparingTo("8.992015968064"));
    }

    @Test
    void aSecretPredecessorValueGivesASecretConvertedValue() {
        IndicatorValue secret = new IndicatorValue(
                "x",
                "03156",
                stichtag(2015),
                LocalDate.of(2015, 12, 31),
                Optional.empty(),
                ".",
                Optional.empty(),
                Optional.empty(),
                false);

        List<GebietsstandSeries.Point> points =
                series.series("03159", END_2016, List.of(value("03152", 2015, "5", "2000"), secret), Map.of());

        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.value()).isEmpty();
            assertThat(p.marker()).isEqualTo(".");
        });
    }

    @Test
    void theMainKinzigKreisKeepsItsCodeButItsSeriesBefore2026IsRebuiltForItsSmallerTerritory() {
        // 1.1.2026: Hanau (06415) leaves the Main-Kinzig-Kreis (06435); 76.22 % of the population stays
        LocalDate start2026 = LocalDate.of(2026, 1, 1);
        List<IndicatorValue> values = List.of(
                value("06435", 2024, "7.5", "3000"),
                value("06435", 2026, "7", "2300"),
                value("06415", 2026, "9", "700"));

        List<GebietsstandSeries.Point> mainKinzig = series.series("06435", start2026, values, Map.of());
        List<GebietsstandSeries.Point> hanau = series.series("06415", start2026, values, Map.of());
        List<GebietsstandSeries.Point> before = series.series("06435", END_2016, values, Map.of());

        assertThat(mainKinzig)
                .extracting(GebietsstandSeries.Point::year, GebietsstandSeries.Point::converted)
                .containsExactly(tuple(2024, true), tuple(2026, false));
        assertThat(mainKinzig.get(0).value())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("7.5"));
        assertThat(mainKinzig.get(0).note()).isEqualTo("umgerechnet aus 06435 (76,2 %)");
        assertThat(hanau.get(0).note()).isEqualTo("umgerechnet aus 06435 (23,8 %)");
        // at a Gebietsstand before 2026 the Kreis's own values of its larger territory are shown as they are
        assertThat(before)
                .extracting(GebietsstandSeries.Point::year, GebietsstandSeries.Point::converted)
                .containsExactly(tuple(2024, false));
    }

    @Test
    void theSeriesOfEveryKreisFromOneListOfValuesAreThoseOfAFreshLookEach() {
        // one list asked about for several Kreise of different Länder (a report edition does this for every Kreis)
        List<IndicatorValue> values = List.of(
                value("03152", 2015, "5", "2000"),
                value("03156", 2015, "10", "500"),
                value("03159", 2016, "6", "2500"),
                value("15101", 2006, "10", "800"),
                value("15151", 2006, "5", "1000"),
                value("15001", 2016, "7", "1900"));
        for (String ags : List.of("03159", "15001", "03159", "15001")) {
            assertThat(series.series(ags, END_2016, values, Map.of()))
                    .as(ags)
                    .isNotEmpty()
                    .isEqualTo(new GebietsstandSeries(KreisRegister.loadDefault())
                            .series(ags, END_2016, List.copyOf(values), Map.of()));
        }
    }
}
