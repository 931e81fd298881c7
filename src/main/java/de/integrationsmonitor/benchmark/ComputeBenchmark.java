package de.integrationsmonitor.benchmark;

import de.integrationsmonitor.indicator.ComputationService;
import java.nio.file.Path;
import java.util.List;

/**
 * The time to compute the whole catalogue (indicators, comparisons, typology) over a store holding the corpus, as
 * {@code imon compute} does it: {@code compute_seconds} and how many values it stored, {@code compute_values}.
 */
public final class ComputeBenchmark {

    private ComputeBenchmark() {}

    public static List<BenchmarkFigure> measure(BenchmarkStore store, Path catalogue) {
        long start = System.nanoTime();
        ComputationService.Summary summary = store.compute(catalogue);
        double seconds = (System.nanoTime() - start) / 1e9;
        long values = summary.valuesPerIndicator().values().stream()
                .mapToLong(Integer::longValue)
                .sum();
        return List.of(
                new BenchmarkFigure("compute_seconds", seconds, "s"),
                new BenchmarkFigure("compute_values", values, "values"));
    }
}
