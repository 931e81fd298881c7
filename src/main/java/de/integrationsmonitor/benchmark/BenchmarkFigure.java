package de.integrationsmonitor.benchmark;

/** One figure the benchmark prints: its name (as in {@code --format csv}), its value and its unit. */
public record BenchmarkFigure(String figure, double value, String unit) {
}
