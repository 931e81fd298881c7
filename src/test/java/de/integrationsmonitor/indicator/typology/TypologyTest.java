package de.integrationsmonitor.indicator.typology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import de.integrationsmonitor.indicator.Direction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A synthetic Land of 12 kreisfreie Städte and 18 Landkreise, each group built from three evident groups: well
 * off (high income, low SGB II rate, few leavers without qualification), middle, and badly off. The AGS are
 * interleaved across the groups so that a numbering by AGS alone would be wrong.
 */
class TypologyTest {

    static final String INCOME = "einkommen";
    static final String SGB2 = "sgb2_quote";
    static final String WITHOUT_QUALIFICATION = "ohne_abschluss";
    static final String FOREIGNERS = "auslaenderanteil";

    /** The catalogue's settings: three clusters per group, seed 20230, ten starts, at most 1000 iterations. */
    static TypologySpec spec(List<String> ids, Map<String, Direction> directions, Map<String, String> labels) {
        return new TypologySpec(ids, directions, labels, 3, 3, 20230L, 10, 1000, "kreisfreie Städte", "Landkreise");
    }

    static final TypologySpec SPEC = spec(
            List.of(INCOME, SGB2, WITHOUT_QUALIFICATION),
            Map.of(
                    INCOME,
                    Direction.HIGHER_IS_BETTER,
                    SGB2,
                    Direction.HIGHER_IS_WORSE,
                    WITHOUT_QUALIFICATION,
                    Direction.HIGHER_IS_WORSE),
            Map.of(INCOME, "Einkommen", SGB2, "SGB-II-Quote", WITHOUT_QUALIFICATION, "Anteil ohne Abschluss"));

    static final Set<String> URBAN_WELL_OFF = Set.of("05314", "05111", "05120", "05116");
    static final Set<String> URBAN_MIDDLE = Set.of("05112", "05122", "05315", "05117");
    static final Set<String> URBAN_BADLY_OFF = Set.of("05113", "05119", "05124", "05114");
    static final Set<String> RURAL_WELL_OFF = Set.of("05566", "05154", "05370", "05962", "05158", "05374");
    static final Set<String> RURAL_MIDDLE = Set.of("05162", "05358", "05570", "05166", "05362", "05966");
    static final Set<String> RURAL_BADLY_OFF = Set.of("05170", "05366", "05970", "05334", "05554", "05974");

    static List<TypologyInput> land() {
        List<TypologyInput> kreise = new ArrayList<>(List.of(
                // urban, well off
                kreis("05314", true, "26100", "4.1", "4.4"),
                kreis("05111", true, "25900", "3.9", "4.6"),
                kreis("05120", true, "26300", "4.2", "4.5"),
                kreis("05116", true, "25700", "3.8", "4.5"),
                // urban, middle
                kreis("05112", true, "23100", "7.1", "6.0"),
                kreis("05122", true, "22900", "6.8", "6.2"),
                kreis("05315", true, "23200", "7.0", "5.9"),
                kreis("05117", true, "22800", "7.1", "5.9"),
                // urban, badly off
                kreis("05113", true, "20400", "10.6", "8.4"),
                kreis("05119", true, "20600", "10.3", "8.7"),
                kreis("05124", true, "20500", "10.5", "8.5"),
                kreis("05114", true, "20300", "10.6", "8.4")));
        kreise.addAll(List.of(
                // rural, well off
                kreis("05566", false, "26000", "3.0", "4.5"),
                kreis("05154", false, "26200", "2.9", "4.4"),
                kreis("05370", false, "25800", "3.1", "4.6"),
                kreis("05962", false, "26100", "3.0", "4.5"),
                kreis("05158", false, "25900", "3.2", "4.4"),
                kreis("05374", false, "26000", "2.8", "4.6"),
                // rural, middle
                kreis("05162", false, "23500", "4.5", "5.5"),
                kreis("05358", false, "23600", "4.4", "5.6"),
                kreis("05570", false, "23400", "4.6", "5.4"),
                kreis("05166", false, "23500", "4.5", "5.5"),
                kreis("05362", false, "23700", "4.3", "5.5"),
                kreis("05966", false, "23300", "4.7", "5.5"),
                // rural, badly off
                kreis("05170", false, "21400", "6.5", "8.5"),
                kreis("05366", false, "21600", "6.4", "8.6"),
                kreis("05970", false, "21500", "6.6", "8.4"),
                kreis("05334", false, "21450", "6.5", "8.5"),
                kreis("05554", false, "21550", "6.5", "8.5"),
                kreis("05974", false, "21700", "6.4", "8.6")));
        return kreise;
    }

    static TypologyInput kreis(String ags, boolean urban, String income, String sgb2, String withoutQualification) {
        return new TypologyInput(
                ags,
                urban,
                Map.of(
                        INCOME,
                        new BigDecimal(income),
                        SGB2,
                        new BigDecimal(sgb2),
                        WITHOUT_QUALIFICATION,
                        new BigDecimal(withoutQualification)));
    }

    static TypologyResult typology(List<TypologyInput> kreise) {
        return new Typology(SPEC).compute(kreise);
    }

    static Set<String> membersOf(TypologyResult result, int cluster) {
        return result.clusterOf().entrySet().stream()
                .filter(e -> e.getValue() == cluster)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Test
    void theThreeEvidentGroupsAreFoundAmongStaedteAndAmongLandkreise() {
        TypologyResult result = typology(land());

        assertThat(result.clusterOf()).hasSize(30);
        assertThat(Set.of(membersOf(result, 1), membersOf(result, 2), membersOf(result, 3)))
                .containsExactlyInAnyOrder(URBAN_WELL_OFF, URBAN_MIDDLE, URBAN_BADLY_OFF);
        assertThat(Set.of(membersOf(result, 4), membersOf(result, 5), membersOf(result, 6)))
                .containsExactlyInAnyOrder(RURAL_WELL_OFF, RURAL_MIDDLE, RURAL_BADLY_OFF);
    }

    @Test
    void theBestOffStaedteAreCluster1AndTheWorstOffCluster3() {
        TypologyResult result = typology(land());

        assertThat(membersOf(result, 1)).isEqualTo(URBAN_WELL_OFF);
        assertThat(membersOf(result, 2)).isEqualTo(URBAN_MIDDLE);
        assertThat(membersOf(result, 3)).isEqualTo(URBAN_BADLY_OFF);
        assertThat(result.profile(1).urban()).isTrue();
        assertThat(result.profile(1).participationScore())
                .isGreaterThan(result.profile(2).participationScore());
        assertThat(result.profile(2).participationScore())
                .isGreaterThan(result.profile(3).participationScore());
    }

    @Test
    void theBestOffLandkreiseAreCluster4AndTheWorstOffCluster6() {
        TypologyResult result = typology(land());

        assertThat(membersOf(result, 4)).isEqualTo(RURAL_WELL_OFF);
        assertThat(membersOf(result, 5)).isEqualTo(RURAL_MIDDLE);
        assertThat(membersOf(result, 6)).isEqualTo(RURAL_BADLY_OFF);
        assertThat(result.profile(4).urban()).isFalse();
        assertThat(result.profiles()).extracting(ClusterProfile::number).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void theSameInputTwiceGivesTheSameClustersProfilesAndMethodText() {
        TypologyResult first = typology(land());
        TypologyResult second = typology(land());

        assertThat(second.clusterOf()).isEqualTo(first.clusterOf());
        assertThat(second.profiles()).isEqualTo(first.profiles());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theOrderInWhichKreiseArePassedDoesNotChangeTheResult() {
        TypologyResult sortedByAgs = typology(land());

        for (long seed = 1; seed <= 5; seed++) {
            List<TypologyInput> shuffled = land();
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(typology(shuffled)).as("shuffled with seed %d", seed).isEqualTo(sortedByAgs);
        }
        List<TypologyInput> reversed = land();
        Collections.reverse(reversed);
        assertThat(typology(reversed)).isEqualTo(sortedByAgs);
    }

    @Test
    void evenWithoutEvidentGroupsTheOrderOfTheKreiseDoesNotChangeTheResult() {
        // Values without structure are where k-means++ is most sensitive to the order of its input.
        Random noise = new Random(42);
        List<TypologyInput> featureless = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            featureless.add(kreis(
                    String.format("%05d", 1001 + i * 7),
                    i % 3 == 0,
                    String.valueOf(20000 + noise.nextInt(6000)),
                    String.valueOf(2 + noise.nextInt(90) / 10.0),
                    String.valueOf(4 + noise.nextInt(50) / 10.0)));
        }
        TypologyResult sortedByAgs = typology(featureless);

        for (long seed = 1; seed <= 5; seed++) {
            List<TypologyInput> shuffled = new ArrayList<>(featureless);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(typology(shuffled)).as("shuffled with seed %d", seed).isEqualTo(sortedByAgs);
        }
    }

    @Test
    void aKreisWithoutAValueIsLeftOutWithTheReasonAndChangesNothingElse() {
        List<TypologyInput> kreise = land();
        kreise.add(new TypologyInput(
                "05378", false, Map.of(INCOME, new BigDecimal("30000"), SGB2, new BigDecimal("1.0"))));

        TypologyResult result = typology(kreise);

        assertThat(result.excluded()).containsExactly(Map.entry("05378", "no value for ohne_abschluss"));
        assertThat(result.clusterOf()).doesNotContainKey("05378");
        // An excluded Kreis takes no part in the z-standardisation either, so everything else is as before.
        assertThat(result.clusterOf()).isEqualTo(typology(land()).clusterOf());
        assertThat(result.profiles()).isEqualTo(typology(land()).profiles());
        assertThat(result.method()).contains("1 Kreis ohne Wert für mindestens einen dieser Indikatoren");
    }

    @Test
    void aKreisMissingSeveralIndicatorsNamesThemAll() {
        List<TypologyInput> kreise = land();
        Map<String, BigDecimal> onlyIncome = new HashMap<>();
        onlyIncome.put(INCOME, new BigDecimal("25000"));
        onlyIncome.put(SGB2, null);
        kreise.add(new TypologyInput("05382", false, onlyIncome));

        assertThat(typology(kreise).excluded()).containsEntry("05382", "no value for sgb2_quote, ohne_abschluss");
    }

    @Test
    void aKreisGivenTwiceIsRefusedWithItsAgs() {
        List<TypologyInput> kreise = land();
        kreise.add(kreis("05111", true, "25000", "5.0", "5.0"));

        assertThatThrownBy(() -> typology(kreise))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kreis 05111 is given twice");
    }

    @Test
    void clusterMeansAreTheMeansOfTheirMembersInOriginalUnits() {
        TypologyResult result = typology(land());

        // Cluster 1: (26100 + 25900 + 26300 + 25700) / 4, (4.1 + 3.9 + 4.2 + 3.8) / 4, (4.4 + 4.6 + 4.5 + 4.5) / 4
        ClusterProfile best = result.profile(1);
        assertThat(best.size()).isEqualTo(4);
        assertThat(best.means().get(INCOME)).isEqualByComparingTo("26000");
        assertThat(best.means().get(SGB2)).isEqualByComparingTo("4.0");
        assertThat(best.means().get(WITHOUT_QUALIFICATION)).isEqualByComparingTo("4.5");
        // Cluster 6: 129200 / 6 = 21533.33..., 38.9 / 6 = 6.4833..., 51.1 / 6 = 8.5166...
        ClusterProfile worst = result.profile(6);
        assertThat(worst.size()).isEqualTo(6);
        assertThat(worst.means().get(INCOME).doubleValue()).isCloseTo(129200.0 / 6, within(1e-9));
        assertThat(worst.means().get(SGB2).doubleValue()).isCloseTo(38.9 / 6, within(1e-12));
        assertThat(worst.means().get(WITHOUT_QUALIFICATION).doubleValue()).isCloseTo(51.1 / 6, within(1e-12));
        assertThat(worst.means()).containsOnlyKeys(INCOME, SGB2, WITHOUT_QUALIFICATION);
    }

    @Test
    void theParticipationScoreIsTheMeanOfIncomeZMinusSgb2ZMinusWithoutQualificationZ() {
        List<TypologyInput> kreise = land();
        TypologyResult result = typology(kreise);

        for (ClusterProfile profile : result.profiles()) {
            double expected = profile.members().stream()
                    .mapToDouble(ags -> {
                        TypologyInput kreis = kreise.stream()
                                .filter(k -> k.ags().equals(ags))
                                .findFirst()
                                .orElseThrow();
                        return z(kreise, kreis, INCOME)
                                - z(kreise, kreis, SGB2)
                                - z(kreise, kreis, WITHOUT_QUALIFICATION);
                    })
                    .average()
                    .orElseThrow();
            assertThat(profile.participationScore())
                    .as("cluster %d", profile.number())
                    .isCloseTo(expected, within(1e-9));
        }
    }

    /** z-score by hand: population standard deviation (divisor n) over all 30 Kreise. */
    static double z(List<TypologyInput> kreise, TypologyInput kreis, String indicator) {
        double[] values = kreise.stream()
                .mapToDouble(k -> k.values().get(indicator).doubleValue())
                .toArray();
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double variance = 0;
        for (double v : values) {
            variance += (v - mean) * (v - mean) / values.length;
        }
        return (kreis.values().get(indicator).doubleValue() - mean) / Math.sqrt(variance);
    }

    @Test
    void aNeutralIndicatorShapesTheClustersButDoesNotEnterTheScore() {
        TypologySpec withNeutral = spec(
                List.of(INCOME, SGB2, WITHOUT_QUALIFICATION, FOREIGNERS),
                Map.of(
                        INCOME,
                        Direction.HIGHER_IS_BETTER,
                        SGB2,
                        Direction.HIGHER_IS_WORSE,
                        WITHOUT_QUALIFICATION,
                        Direction.HIGHER_IS_WORSE,
                        FOREIGNERS,
                        Direction.NEUTRAL),
                Map.of(
                        INCOME,
                        "Einkommen",
                        SGB2,
                        "SGB-II-Quote",
                        WITHOUT_QUALIFICATION,
                        "Anteil ohne Abschluss",
                        FOREIGNERS,
                        "Ausländeranteil"));
        // A share of foreigners that follows the groups, so the clusters stay the evident ones.
        List<TypologyInput> kreise = land().stream()
                .map(k -> {
                    Map<String, BigDecimal> values = new HashMap<>(k.values());
                    values.put(FOREIGNERS, k.values().get(SGB2).multiply(new BigDecimal("2")));
                    return new TypologyInput(k.ags(), k.urban(), values);
                })
                .toList();

        TypologyResult withoutIt = typology(land());
        TypologyResult withIt = new Typology(withNeutral).compute(kreise);

        assertThat(withIt.clusterOf()).isEqualTo(withoutIt.clusterOf());
        for (int cluster = 1; cluster <= 6; cluster++) {
            assertThat(withIt.profile(cluster).participationScore())
                    .as("cluster %d", cluster)
                    .isEqualTo(withoutIt.profile(cluster).participationScore());
        }
        assertThat(withIt.profile(1).means()).containsKey(FOREIGNERS);
        assertThat(withIt.method()).contains("Ausländeranteil prägt die Cluster mit, geht aber nicht in den Score ein");
    }

    @Test
    void twoStaedteGetTwoClustersOfOneWhileTheLandkreiseKeep4To6() {
        List<TypologyInput> kreise =
                new ArrayList<>(land().stream().filter(k -> !k.urban()).toList());
        kreise.add(kreis("05314", true, "26100", "4.1", "4.4"));
        kreise.add(kreis("05113", true, "20400", "10.6", "8.4"));

        TypologyResult result = typology(kreise);

        assertThat(result.clusterOf()).containsEntry("05314", 1).containsEntry("05113", 2);
        assertThat(result.profiles()).extracting(ClusterProfile::number).containsExactly(1, 2, 4, 5, 6);
        assertThat(result.profile(1).note()).isEqualTo("Nur 2 kreisfreie Städte: 2 statt 3 Cluster.");
        assertThat(result.profile(4).note()).isEmpty();
        assertThat(membersOf(result, 4)).isEqualTo(RURAL_WELL_OFF);
        assertThat(result.method())
                .contains("Kreisfreie Städte erhalten die Nummern 1 und 2")
                .contains("Nur 2 kreisfreie Städte: 2 statt 3 Cluster.");
    }

    @Test
    void aLandWithoutStaedteOrWithASingleKreisStillGetsATypology() {
        List<TypologyInput> onlyLandkreise =
                land().stream().filter(k -> !k.urban()).toList();
        TypologyResult rural = typology(onlyLandkreise);
        assertThat(rural.profiles()).extracting(ClusterProfile::number).containsExactly(4, 5, 6);
        assertThat(rural.method()).contains("Kreisfreie Städte sind nicht vertreten");

        TypologyResult single = typology(List.of(kreis("11000", true, "23000", "12.0", "7.0")));
        assertThat(single.clusterOf()).containsExactly(Map.entry("11000", 1));
        assertThat(single.profile(1).participationScore()).isZero();
        assertThat(single.profile(1).description()).isEqualTo("In allen Indikatoren nahe dem Durchschnitt");
    }

    @Test
    void descriptionsNameWhatSetsAClusterApartFromTheAverageKreis() {
        TypologyResult result = typology(land());

        // Income of cluster 1 is 1.25 sd above the mean of all 30 Kreise, its SGB II rate 0.7 sd below.
        assertThat(result.profile(1).description())
                .startsWith("Einkommen weit überdurchschnittlich")
                .contains("SGB-II-Quote unterdurchschnittlich");
        assertThat(result.profile(3).description())
                .contains("Einkommen weit unterdurchschnittlich")
                .contains("SGB-II-Quote weit überdurchschnittlich");
    }

    @Test
    void theMethodTextStatesStandardisationSeedTrialsGroupsAndNumbering() {
        String method = typology(land()).method();

        assertThat(method)
                .contains("z-standardisiert")
                .contains("Divisor n")
                .contains("k-Means++")
                .contains("festen Startwert " + SPEC.seed())
                .contains(SPEC.trials() + " Startkonfigurationen")
                .contains("kreisfreie Städte (12 Kreise) und Landkreise (18 Kreise)")
                .contains("Kreisfreie Städte erhalten die Nummern 1 bis 3, Landkreise erhalten die Nummern 4 bis 6")
                .contains("Einkommen, SGB-II-Quote und Anteil ohne Abschluss")
                .doesNotContain("\n");
    }

    @Test
    void theMethodTextFollowsTheSettingsItIsGivenNotConstantsOfTheCode() {
        TypologySpec other = new TypologySpec(
                SPEC.indicatorIds(),
                SPEC.directions(),
                SPEC.labels(),
                2,
                2,
                7L,
                4,
                50,
                "kreisfreie Städte",
                "Landkreise");

        String method = Typology.method(other, 3, new Typology.GroupSize(12, 2), new Typology.GroupSize(18, 2));

        assertThat(method)
                .contains(
                        "festen Startwert 7 ",
                        "4 Startkonfigurationen",
                        "höchstens 50 Iterationen",
                        "in je 2 Cluster",
                        "3 Kreise ohne Wert",
                        "Landkreise erhalten die Nummern 3 und 4");
    }

    @Test
    void withNoKreisTypedTheMethodSaysThatNothingWasComputed() {
        String method = Typology.method(SPEC, 402, new Typology.GroupSize(0, 3), new Typology.GroupSize(0, 3));

        assertThat(method)
                .contains("für keinen Kreis liegt ein Wert jedes dieser Indikatoren vor (402 Kreise ohne"
                        + " Wert für mindestens einen). Deshalb wurde keine Typisierung berechnet")
                .doesNotContain("z-standardisiert", "0 Kreise", "k-Means");
    }
}
