package de.integrationsmonitor.benchmark;

import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.ingest.IngestLimits;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.ingest.LineAccount;
import de.integrationsmonitor.kernel.AuditTrail;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.report.ReportService;
import de.integrationsmonitor.report.edition.EditionLoader;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.IndicatorRepository;
import de.integrationsmonitor.store.ScratchDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Measures ingest against a yardstick: the same observations loaded by the database's own bulk load (H2's
 * {@code CSVREAD}, PostgreSQL's {@code COPY}) into a table with the same indexes. Each measurement runs in a fresh
 * database of its own (an embedded H2 in a temporary folder, a temporary PostgreSQL schema dropped afterwards), so
 * the user's store is never touched.
 */
public final class IngestBenchmark {

    private final KreisRegister register;
    private final ImonSettings settings;

    public IngestBenchmark(KreisRegister register, ImonSettings settings) {
        this.register = register;
        this.settings = settings;
    }

    /** The database a measurement runs on. */
    public enum Database {
        H2,
        POSTGRES
    }

    /** What to measure beside the ingest itself. */
    public record Plan(boolean yardstick, boolean compute, Optional<Path> edition) {
        public static Plan ingestOnly() {
            return new Plan(true, false, Optional.empty());
        }
    }

    /** The figures of one measurement (bulkSeconds and computeSeconds are NaN when not measured). */
    public record Result(
            String label,
            Database database,
            long files,
            long dataLines,
            long observations,
            double ingestSeconds,
            double bulkSeconds,
            long peakHeapBytes,
            double computeSeconds,
            long indicatorValues,
            long computePeakHeapBytes,
            long liveHeapBytes,
            Optional<Rendering> rendering) {

        public double linesPerSecond() {
            return dataLines / ingestSeconds;
        }

        public double observationsPerSecond() {
            return observations / ingestSeconds;
        }

        public double bulkObservationsPerSecond() {
            return observations / bulkSeconds;
        }

        /** Our observations per second as a share of the bulk load's. */
        public double ratio() {
            return observationsPerSecond() / bulkObservationsPerSecond();
        }

        /** Seconds of ingest and computation per million observations. */
        public double secondsPerMillion() {
            return (ingestSeconds + (Double.isNaN(computeSeconds) ? 0 : computeSeconds)) / (observations / 1e6);
        }

        /** The larger peak heap of ingest and computation. */
        public long peakBytes() {
            return Math.max(peakHeapBytes, computePeakHeapBytes);
        }
    }

    /** Rendering an edition: how many Kreis reports, how long, the peak heap while rendering. */
    public record Rendering(String edition, int reports, int failed, double seconds, long peakHeapBytes) {
        public double reportsPerSecond() {
            return reports / seconds;
        }
    }

    public Result measure(String label, List<Path> paths) throws IOException {
        return measure(label, paths, Optional.empty());
    }

    /** On H2: ingest, the yardstick, the whole catalogue, and the edition when one is given. */
    public Result measure(String label, List<Path> paths, Optional<Path> edition) throws IOException {
        return measure(Database.H2, label, paths, new Plan(true, true, edition));
    }

    /**
     * Why PostgreSQL cannot be measured (nothing answers at {@code IMON_DB_URL}, default 127.0.0.1:5432), or empty
     * when it answers.
     */
    public static Optional<String> postgresMissing() {
        return ScratchDatabase.postgresMissing();
    }

    public Result measure(Database database, String label, List<Path> paths, Plan plan) throws IOException {
        try (ScratchDatabase scratch = ScratchDatabase.singleConnection(
                database == Database.H2 ? ScratchDatabase.Kind.H2 : ScratchDatabase.Kind.POSTGRES)) {
            DeliveryRepository deliveries = scratch.deliveries();
            IngestService ingest = new IngestService(
                    deliveries,
                    scratch.observations(),
                    scratch.findings(),
                    register,
                    settings,
                    scratch.fileTransaction(),
                    Clock.systemUTC(),
                    IngestLimits.defaults(),
                    AuditTrail.NONE);

            List<IngestOutcome> outcomes;
            double ingestSeconds;
            long peak;
            long live;
            try (HeapPeak heap = HeapPeak.start()) {
                long start = System.nanoTime();
                outcomes = ingest.ingest(paths, o -> {});
                ingestSeconds = (System.nanoTime() - start) / 1e9;
                peak = heap.bytes();
                live = heap.liveBytes();
            }
            if (outcomes.stream().anyMatch(IngestOutcome::refused)) {
                throw new IllegalStateException("a file was refused: "
                        + outcomes.stream()
                                .filter(IngestOutcome::refused)
                                .map(IngestOutcome::message)
                                .toList());
            }
            long lines = outcomes.stream()
                    .flatMap(o -> o.account().stream())
                    .mapToLong(LineAccount::dataLines)
                    .sum();
            long observations = scratch.rows("observation");

            double bulkSeconds = Double.NaN;
            if (plan.yardstick()) {
                bulkSeconds = scratch.bulkLoadSeconds();
            }

            double computeSeconds = Double.NaN;
            long values = 0;
            long computePeak = 0;
            Optional<Rendering> rendering = Optional.empty();
            if (plan.compute()) {
                // The whole catalogue over what was ingested, as `imon compute` does it.
                IndicatorRepository indicators = scratch.indicators();
                ComputationService computation = new ComputationService(
                        deliveries, scratch.observations(), indicators, register, Clock.systemUTC());
                try (HeapPeak heap = HeapPeak.start()) {
                    long computeStart = System.nanoTime();
                    ComputationService.Summary summary = computation.compute(settings.catalogue());
                    computeSeconds = (System.nanoTime() - computeStart) / 1e9;
                    computePeak = heap.bytes();
                    live = Math.max(live, heap.liveBytes());
                    values = summary.valuesPerIndicator().values().stream()
                            .mapToLong(Integer::longValue)
                            .sum();
                }
                if (plan.edition().isPresent()) {
                    ImonSettings temporary = new ImonSettings(settings.project(), scratch.folder());
                    ReportService reports = new ReportService(
                            temporary, indicators, deliveries, scratch.findings(), computation, register);
                    try (HeapPeak heap = HeapPeak.start()) {
                        long renderStart = System.nanoTime();
                        ReportService.EditionResult result =
                                reports.render(EditionLoader.load(plan.edition().get()), Optional.empty(), line -> {});
                        double renderSeconds = (System.nanoTime() - renderStart) / 1e9;
                        rendering = Optional.of(new Rendering(
                                result.edition(),
                                result.written().size(),
                                result.failed().size(),
                                renderSeconds,
                                heap.bytes()));
                    }
                }
            }
            return new Result(
                    label,
                    database,
                    outcomes.size(),
                    lines,
                    observations,
                    ingestSeconds,
                    bulkSeconds,
                    peak,
                    computeSeconds,
                    values,
                    computePeak,
                    live,
                    rendering);
        }
    }
}
