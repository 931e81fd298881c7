package de.integrationsmonitor.benchmark;

import de.integrationsmonitor.audit.AuditLog;
import de.integrationsmonitor.audit.ReportVersions;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.report.PreparedEdition;
import de.integrationsmonitor.report.ReportService;
import de.integrationsmonitor.report.edition.Edition;
import de.integrationsmonitor.report.edition.EditionLoader;
import de.integrationsmonitor.report.fill.KreisReport;
import de.integrationsmonitor.store.AuditRepository;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders an edition (its Kreis reports and Land overviews) from a store holding the computed corpus, on as many
 * threads as the report job uses, into a temporary output folder: PDFs per second ({@code render_reports_per_s},
 * from preparing the edition to the published folder, templates compiled on the way) and the peak heap meanwhile
 * ({@code render_peak_heap_mib}, measured as the ingest's; {@code render_live_heap_mib} just after collections).
 * Then the same edition as the report job renders it, each PDF recorded as a report version with its inputs
 * archived and an audit-log entry ({@code render_recorded_reports_per_s}, {@code render_recorded_versions}).
 * Then the yardstick: the same Kreis reports filled with the same data by bare JasperReports
 * ({@link BareJasperRenderer}: compiled once beforehand, the reports' data built beforehand, plain PDF export,
 * nothing after it) on the same number of threads ({@code render_bare_jasper_reports_per_s}), and our rate as a
 * share of it ({@code render_ratio_bare_jasper}).
 */
public final class RenderBenchmark {

    private RenderBenchmark() {}

    public static List<BenchmarkFigure> measure(
            BenchmarkStore store, ImonSettings settings, KreisRegister register, Path editionFile, int threads) {
        if (store.database.indicators().latestComputation().isEmpty()) {
            store.compute(settings.catalogue());
        }
        ImonSettings temporary = new ImonSettings(settings.project(), store.database.folder());
        ReportService reports = new ReportService(
                temporary,
                store.database.indicators(),
                store.database.deliveries(),
                store.database.findings(),
                store.computation,
                register);
        Edition edition = EditionLoader.load(editionFile);
        ReportService.EditionResult result;
        double seconds;
        long peak;
        long live;
        try (HeapPeak heap = HeapPeak.start()) {
            long start = System.nanoTime();
            result = reports.render(edition, Optional.empty(), line -> {}, threads);
            seconds = (System.nanoTime() - start) / 1e9;
            peak = heap.bytes();
            live = heap.liveBytes();
        }
        if (!result.failed().isEmpty()) {
            throw new IllegalStateException("reports failed: " + result.failed());
        }
        double ours = result.written().size() / seconds;

        PreparedEdition prepared = reports.prepare(edition, Optional.empty());
        // the report job as it runs: every PDF recorded as a report version, its inputs archived, the audit log
        // appended, into an output folder of its own
        AuditRepository audit = store.database.audit();
        ReportService recording = new ReportService(
                new ImonSettings(settings.project(), store.database.folder().resolve("recorded")),
                store.database.indicators(),
                store.database.deliveries(),
                store.database.findings(),
                store.computation,
                register,
                Clock.systemUTC(),
                new ReportVersions(audit, audit, new AuditLog(audit, Clock.systemUTC())));
        long recordedStart = System.nanoTime();
        ReportService.EditionResult recorded = recording.render(edition, Optional.empty(), line -> {}, threads);
        double recordedSeconds = (System.nanoTime() - recordedStart) / 1e9;
        if (!recorded.failed().isEmpty()) {
            throw new IllegalStateException("reports failed: " + recorded.failed());
        }
        long versions = store.rows("report_version");

        List<KreisReport> kreisReports = prepared.units().stream()
                .filter(PreparedEdition::isKreis)
                .map(prepared::kreisReport)
                .toList();
        BareJasperRenderer bare = new BareJasperRenderer(prepared.kreisTemplate());
        long bareStart = System.nanoTime();
        onThreads(threads, kreisReports, report -> bare.render(report, OutputStream.nullOutputStream()));
        double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
        double bareRate = kreisReports.size() / bareSeconds;
        return List.of(
                new BenchmarkFigure("render_reports_per_s", ours, "PDFs/s"),
                new BenchmarkFigure("render_peak_heap_mib", peak / (1024.0 * 1024.0), "MiB"),
                new BenchmarkFigure("render_live_heap_mib", live / (1024.0 * 1024.0), "MiB"),
                new BenchmarkFigure("render_pdfs", result.written().size(), "PDFs"),
                new BenchmarkFigure("render_threads", threads, "threads"),
                new BenchmarkFigure(
                        "render_recorded_reports_per_s", recorded.written().size() / recordedSeconds, "PDFs/s"),
                new BenchmarkFigure("render_recorded_versions", versions, "versions"),
                new BenchmarkFigure("render_bare_jasper_reports_per_s", bareRate, "PDFs/s"),
                new BenchmarkFigure("render_ratio_bare_jasper", ours / bareRate, "ratio"));
    }

    private static <T> void onThreads(int threads, List<T> items, java.util.function.Consumer<T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (T item : items) {
                running.add(pool.submit(() -> work.accept(item)));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bare JasperReports render failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
