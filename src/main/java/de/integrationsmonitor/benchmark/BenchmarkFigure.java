package de.integrationsmonitor.benchmark;

/**
 * One figure of {@code imon benchmark}: its name (as in issue #14, e.g. {@code ingest_ratio_h2}), its value and
 * its unit ({@code ratio}, {@code s}, {@code observations/s}, {@code MiB}, ...); a row of {@code --format csv}.
 */
public record BenchmarkFigure(String figure, double value, String unit) {}
