package de.integrationsmonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.store.IndicatorRepository;
import de.integrationsmonitor.testing.FixtureStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole catalogue computed in one pass over the store, each cell added to running sums as it streams past in
 * storage order, gives every indicator exactly as computing it from its tables read whole and sorted gives it:
 * the same values, markers, comparisons and input periods, also where a revision supersedes a delivery.
 */
class OnePassComputationTest {

    static final KreisRegister REGISTER = KreisRegister.loadDefault();

    @TempDir
    static Path home;

    static FixtureStore store;

    @BeforeAll
    static void ingest() throws IOException {
        store = FixtureStore.withEveryFixtureAndRevisions("one-pass-computation", home);
    }

    @Test
    void everyIndicatorIsWhatTheTablesReadWholeGive() {
        IndicatorCatalogue catalogue = CatalogueLoader.load(Path.of("jobs/catalogue/indikatoren.yml"));
        ComputationService service = new ComputationService(
                store.deliveries(),
                store.observations(),
                new IndicatorRepository(store.jdbc()),
                REGISTER,
                Clock.systemUTC());
        Map<String, List<InputPeriod>> periods = new LinkedHashMap<>();

        Map<String, java.math.BigDecimal> population = new java.util.HashMap<>();
        Map<String, List<IndicatorValue>> onePass =
                service.computeAll(catalogue, store.deliveryIds(), periods, population);

        IndicatorCalculator calculator = new IndicatorCalculator(REGISTER);
        int withValues = 0;
        for (IndicatorDefinition indicator : catalogue.indicators()) {
            List<IndicatorValue> wholeTables = Comparisons.compare(
                    indicator,
                    calculator.compute(
                            indicator,
                            input -> store.observations().current(input.table(), List.of(), store.deliveryIds())),
                    REGISTER);
            assertThat(onePass.get(indicator.id())).as(indicator.id()).containsExactlyInAnyOrderElementsOf(wholeTables);
            List<InputPeriod> inputPeriods = indicator.inputs().stream()
                    .flatMap(input ->
                            InputPeriod.of(
                                    input, store.observations().current(input.table(), List.of(), store.deliveryIds()))
                                    .stream())
                    .toList();
            assertThat(periods.get(indicator.id())).as(indicator.id()).isEqualTo(inputPeriods);
            withValues += wholeTables.isEmpty() ? 0 : 1;
        }
        assertThat(withValues).as("indicators the fixtures give values for").isGreaterThanOrEqualTo(4);
    }

    @Test
    void thePopulationKeptWithTheComputationIsWhatTheObservationsGive() throws IOException {
        ComputationService service = new ComputationService(
                store.deliveries(),
                store.observations(),
                new IndicatorRepository(store.jdbc()),
                REGISTER,
                Clock.systemUTC());
        // the fixtures have no 12411-05-01-4: the population is taken from a table they have
        Path catalogueFile = home.resolve("indikatoren.yml");
        String shipped = java.nio.file.Files.readString(Path.of("jobs/catalogue/indikatoren.yml"));
        String weights = "population: {table: 12411-05-01-4, variable: \"Insgesamt\"}";
        assertThat(shipped).contains(weights);
        java.nio.file.Files.writeString(
                catalogueFile,
                shipped.replace(
                        weights,
                        "population: {table: 12411-03-03-4, variable: \"Insgesamt | Insgesamt | Insgesamt\"}"));
        IndicatorCatalogue catalogue = CatalogueLoader.load(catalogueFile);
        long computation = service.compute(catalogueFile).computationId();
        Map<String, java.math.BigDecimal> kept = service.populationWeights(catalogue, computation);

        // what a report of a computation made before the population was kept reads: the observations
        Map<String, java.math.BigDecimal> read = new java.util.HashMap<>();
        InputSpec population = catalogue.population();
        store.observations()
                .current(population.table(), population.exactPaths(), store.deliveryIds())
                .forEach(o -> o.cell()
                        .number()
                        .ifPresent(n -> read.put(
                                o.regionCode() + "|" + o.referenceDate().getYear(), n)));
        assertThat(read).as("population cells in the fixtures").isNotEmpty();
        assertThat(kept).isEqualTo(read);
        // as a computation made before the population was kept: none kept, and marked so
        store.jdbc().update("DELETE FROM computation_population WHERE computation_id = ?", computation);
        store.jdbc().update("UPDATE computation SET population_kept = FALSE WHERE id = ?", computation);
        assertThat(service.populationWeights(catalogue, computation)).isEqualTo(read);
    }
}
