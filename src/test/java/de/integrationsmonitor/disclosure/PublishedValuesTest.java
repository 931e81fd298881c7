package de.integrationsmonitor.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.integrationsmonitor.indicator.CatalogueLoader;
import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.observation.StoredObservation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indicator values as a report prints them when an input table of own data has a rule. */
class PublishedValuesTest {

    static final String TABLE = "eigene-einbuergerungen";
    static final Period END_2024 = Period.of(PeriodKind.STICHTAG, LocalDate.of(2024, 12, 31));

    @TempDir
    Path dir;

    private IndicatorCatalogue catalogue() throws IOException {
        Path file = dir.resolve("indikatoren.yml");
        Files.writeString(
                file,
                Files.readString(Path.of("jobs/catalogue/indikatoren.yml"))
                        .replaceFirst("\nindicators:\n", """

                indicators:
                  - id: einbuergerungen_frauenanteil
                    label: Frauenanteil an den Einbürgerungen
                    unit: "%%"
                    handlungsfeld: Bevölkerung
                    direction: neutral
                    inputs:
                      frauen: {table: %1$s, variable: "weiblich"}
                      insgesamt: {table: %1$s, variable: "Insgesamt"}
                    formula: frauen / insgesamt * 100
                    denominator: insgesamt
                    change: points
                    sources: [%1$s]
                    definition: Anteil der Frauen an den Einbürgerungen (eigene Daten).

                """.formatted(TABLE)));
        return CatalogueLoader.load(file);
    }

    private static List<StoredObservation> cells(long[][] byKreis) {
        List<StoredObservation> cells = new ArrayList<>();
        String[] variables = {"Insgesamt", "männlich", "weiblich"};
        for (int k = 0; k < byKreis.length; k++) {
            for (int v = 0; v < 3; v++) {
                cells.add(new StoredObservation(
                        1,
                        TABLE,
                        "0100" + (k + 1),
                        END_2024,
                        variables[v],
                        "Anzahl",
                        Cell.of(BigDecimal.valueOf(byKreis[k][v])),
                        k * 3 + v + 1));
            }
        }
        return cells;
    }

    private static IndicatorValue share(String region, String value, int rank) {
        return new IndicatorValue(
                "einbuergerungen_frauenanteil",
                region,
                END_2024,
                END_2024.referenceDate(),
                Optional.of(new BigDecimal(value)),
                "",
                Optional.empty(),
                Optional.empty(),
                false,
                new IndicatorValue.Comparison(
                        Optional.of(new BigDecimal("40")),
                        Optional.empty(),
                        Optional.of(rank),
                        Optional.of(3),
                        Optional.empty(),
                        Optional.empty()));
    }

    @Test
    void aShareOverASuppressedCountPrintsAsSecretAndTheOthersLoseTheirRank() throws IOException {
        List<StoredObservation> cells = cells(new long[][] {{30, 18, 12}, {2, 1, 1}, {25, 15, 10}});
        DisclosureRules rules = new DisclosureRules(
                "t", "x", ProtectionRule.OWN_DATA_DEFAULT, Map.of(TABLE, Optional.of(ProtectionRule.OWN_DATA_DEFAULT)));
        Map<String, List<IndicatorValue>> computed = Map.of(
                "einbuergerungen_frauenanteil",
                List.of(share("01001", "40", 1), share("01002", "50", 1), share("01003", "40", 2)));

        List<IndicatorValue> printed = PublishedValues.protect(computed, catalogue(), rules, t -> cells)
                .get("einbuergerungen_frauenanteil");

        assertEquals(Optional.empty(), printed.get(1).value());
        assertEquals(".", printed.get(1).marker());
        // Kiel's 1 of 2 is hidden; the ranks of the others would say where it stands
        assertEquals(Optional.of(new BigDecimal("40")), printed.get(0).value());
        assertEquals(Optional.empty(), printed.get(0).comparison().rankInLand());
        assertEquals(
                Optional.of(new BigDecimal("40")), printed.get(0).comparison().landValue());
    }

    @Test
    void withoutARuleTheValuesAreTheOnesComputed() throws IOException {
        Map<String, List<IndicatorValue>> computed =
                Map.of("einbuergerungen_frauenanteil", List.of(share("01002", "50", 1)));
        assertEquals(
                computed,
                PublishedValues.protect(
                        computed, catalogue(), DisclosureRules.NONE, t -> cells(new long[][] {{2, 1, 1}})));
    }
}
