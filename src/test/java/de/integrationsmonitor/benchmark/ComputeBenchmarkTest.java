package de.integrationsmonitor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.region.KreisRegister;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compute benchmark reports the figures the issue names, and the values it counts are the values stored. */
class ComputeBenchmarkTest {

    @Test
    void computeValuesAreTheIndicatorValuesTheComputationStored(@TempDir Path home) throws Exception {
        ImonSettings settings = new ImonSettings(Path.of("").toAbsolutePath(), home);
        try (BenchmarkStore store = BenchmarkStore.ingested(
                List.of(Path.of("src/test/resources/fixtures/classic").toAbsolutePath()),
                KreisRegister.loadDefault(),
                settings)) {
            List<BenchmarkFigure> figures = ComputeBenchmark.measure(store, settings.catalogue());

            assertThat(figures)
                    .extracting(BenchmarkFigure::figure)
                    .containsExactly("compute_seconds", "compute_values");
            long stored = store.rows("indicator_value");
            assertThat(stored).isPositive();
            assertThat(figures.get(1).value()).isEqualTo((double) stored);
        }
    }
}
