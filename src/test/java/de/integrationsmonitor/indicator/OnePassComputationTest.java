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
        ComputationService service = new ComputationService(store.deliveries(), store.observations(),
                new IndicatorRepository(store.jdbc()), REGISTER, Clock.systemUTC());
        Map<String, List<InputPeriod>> periods = new LinkedHashMap<>();

        Map<String, List<IndicatorValue>> onePass = service.computeAll(catalogue, store.deliveryIds(), periods);

        IndicatorCalculator calculator = new IndicatorCalculator(REGISTER);
        int withValues = 0;
        for (IndicatorDefinition indicator : catalogue.indicators()) {
            List<IndicatorValue> wholeTables = Comparisons.compare(indicator, calculator.compute(indicator,
                    input -> store.observations().current(input.table(), List.of(), store.deliveryIds())), REGISTER);
            assertThat(onePass.get(indicator.id())).as(indicator.id())
                    .containsExactlyInAnyOrderElementsOf(wholeTables);
            List<InputPeriod> inputPeriods = indicator.inputs().stream().flatMap(input -> InputPeriod.of(input,
                    store.observations().current(input.table(), List.of(), store.deliveryIds())).stream()).toList();
            assertThat(periods.get(indicator.id())).as(indicator.id()).isEqualTo(inputPeriods);
            withValues += wholeTables.isEmpty() ? 0 : 1;
        }
        assertThat(withValues).as("indicators the fixtures give values for").isGreaterThanOrEqualTo(4);
    }
}
