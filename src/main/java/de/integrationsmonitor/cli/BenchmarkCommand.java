package de.integrationsmonitor.cli;

import de.integrationsmonitor.benchmark.BenchmarkFigure;
import de.integrationsmonitor.benchmark.BenchmarkStore;
import de.integrationsmonitor.benchmark.ComputeBenchmark;
import de.integrationsmonitor.benchmark.IngestBenchmark;
import de.integrationsmonitor.benchmark.IngestBenchmark.Database;
import de.integrationsmonitor.benchmark.IngestBenchmark.Plan;
import de.integrationsmonitor.benchmark.IngestBenchmark.Result;
import de.integrationsmonitor.benchmark.RenderBenchmark;
import de.integrationsmonitor.benchmark.StartupBenchmark;
import de.integrationsmonitor.benchmark.SyntheticCorpus;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.region.KreisRegister;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code imon benchmark}: the figures the issues ask for, measured on the machine at hand. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // a command's options are the fields of a fresh instance each time
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        description = {
            "Measures ingest and computation on the real extracts (default ../shared/data/regionalstatistik):"
                    + " observations per second for the protection-seekers ZIP and for the whole corpus against the"
                    + " database's own bulk load of the same observations into a table with the same indexes (H2's"
                    + " CSVREAD; PostgreSQL's COPY, when PostgreSQL answers at IMON_DB_URL, default 127.0.0.1:5432,"
                    + " otherwise skipped with the reason), then the time to compute the whole catalogue. Runs in"
                    + " temporary databases (an embedded H2 in a temporary folder, a temporary PostgreSQL schema); the"
                    + " store is not touched.",
            "Peak heap: the larger of a thread sampling the heap in use (MemoryMXBean) every 10 ms and the heap"
                    + " in use before each garbage collection (its JMX notification), from a System.gc() at the start"
                    + " of what is measured."
        })
public class BenchmarkCommand implements Callable<Integer> {

    /** Observations of the shared corpus, the unit of --synthetic when no corpus was measured. */
    static final long SHARED_CORPUS_OBSERVATIONS = 570_945;

    @Option(names = "--corpus", paramLabel = "DIR", description = "folder of real extracts")
    Path corpus;

    @Option(
            names = "--edition",
            paramLabel = "FILE",
            description = "edition whose Kreis reports are rendered after"
                    + " the whole corpus is computed (default: src/test/resources/editions/integrationsbericht-2015.yml,"
                    + " every Kreis); 'none' skips rendering")
    String edition;

    @Option(
            names = "--format",
            paramLabel = "csv|text",
            description = "text for people (default), or csv: a header"
                    + " line 'figure,value,unit', then one row per figure")
    String format = "text";

    @Option(
            names = "--synthetic",
            paramLabel = "N",
            split = ",",
            description = "also writes synthetic extracts in"
                    + " the real formats (classic CSV and ffcsv ZIP, every Kreis of the register, more years and more"
                    + " variables per Kreis, fixed seed) of N times the corpus' observations into a temporary folder,"
                    + " ingests and computes them on H2 and PostgreSQL and prints seconds per million observations and"
                    + " peak heap; repeatable or a list (1,4,16)")
    List<Integer> synthetic = new ArrayList<>();

    @Option(
            names = "--only",
            paramLabel = "compute|render|startup",
            description = "only the compute figures"
                    + " (compute_seconds, compute_values) or only the render figures (render_reports_per_s, render_peak_heap_mib,"
                    + " render_bare_jasper_reports_per_s, render_ratio_bare_jasper; after the compute figures, since it needs a"
                    + " computation), over the whole corpus ingested first (not timed); or only the whole-process figures"
                    + " (startup_seconds: imon findings on an existing home, median of three; ingest_zip_whole_process_seconds:"
                    + " imon ingest of the protection-seekers ZIP), each command through bin/imon in a temporary home")
    String only;

    @Option(
            names = "--render-threads",
            paramLabel = "N",
            description = "threads rendering at once (default: one per" + " core, as the report job)")
    int renderThreads;

    private final KreisRegister register;
    private final ImonSettings settings;

    public BenchmarkCommand(KreisRegister register, ImonSettings settings) {
        this.register = register;
        this.settings = settings;
    }

    @Override
    public Integer call() throws Exception {
        if (!format.equals("csv") && !format.equals("text")) {
            System.err.println("imon: --format must be csv or text, not '" + format + "'");
            return ExitCodes.USAGE;
        }
        if (synthetic.stream().anyMatch(n -> n < 1)) {
            System.err.println("imon: --synthetic takes sizes of 1 or more, not " + synthetic);
            return ExitCodes.USAGE;
        }
        boolean text = format.equals("text");
        Path root = corpus != null
                ? corpus
                : settings.project().resolve("../shared/data/regionalstatistik").normalize();
        if (!Files.isDirectory(root)) {
            System.err.println("imon: no corpus at " + root + "; give one with --corpus DIR");
            return ExitCodes.USAGE;
        }
        java.util.Optional<Path> editionFile = "none".equals(edition)
                ? java.util.Optional.empty()
                : java.util.Optional.of(
                        edition != null
                                ? Path.of(edition)
                                : settings.project()
                                        .resolve("src/test/resources/editions/integrationsbericht-2015.yml"));
        if ("startup".equals(only)) {
            List<BenchmarkFigure> figures = new StartupBenchmark(settings).measure(zipOf(root));
            if (text) {
                System.out.println("benchmark startup, " + Runtime.getRuntime().availableProcessors() + " cores,"
                        + " whole processes through " + System.getProperty("imon.launcher", "java"));
                figures.forEach(f -> System.out.println(
                        String.format(Locale.ROOT, "  %s: %.2f %s", f.figure(), f.value(), f.unit())));
            } else {
                System.out.println("figure,value,unit");
                figures.forEach(f -> System.out.println(f.figure() + "," + number(f.value()) + "," + f.unit()));
            }
            return ExitCodes.OK;
        }
        if (only != null) {
            if (!only.equals("compute") && !only.equals("render") || only.equals("render") && editionFile.isEmpty()) {
                System.err.println("imon: --only takes compute, render (with an edition) or startup, not " + only);
                return ExitCodes.USAGE;
            }
            int threads =
                    renderThreads > 0 ? renderThreads : Runtime.getRuntime().availableProcessors();
            (text ? System.out : System.err)
                    .println("benchmark " + only + ", " + Runtime.getRuntime().availableProcessors()
                            + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, corpus "
                            + root);
            try (BenchmarkStore store = BenchmarkStore.ingested(List.of(root), register, settings)) {
                // the render needs a computation: the compute figures come with it
                List<BenchmarkFigure> figures =
                        new java.util.ArrayList<>(ComputeBenchmark.measure(store, settings.catalogue()));
                if (only.equals("render")) {
                    figures.addAll(RenderBenchmark.measure(store, settings, register, editionFile.get(), threads));
                }
                if (text) {
                    figures.forEach(f -> System.out.println(
                            String.format(Locale.ROOT, "  %s: %.2f %s", f.figure(), f.value(), f.unit())));
                } else {
                    System.out.println("figure,value,unit");
                    figures.forEach(f -> System.out.println(f.figure() + "," + number(f.value()) + "," + f.unit()));
                }
            }
            return ExitCodes.OK;
        }
        IngestBenchmark benchmark = new IngestBenchmark(register, settings);
        List<BenchmarkFigure> figures = new ArrayList<>();
        if (text) {
            System.out.println("ingest benchmark, " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, corpus " + root);
        }
        Optional<Path> zip = zipOf(root);
        // whole processes first, while this JVM holds no more than its start
        List<BenchmarkFigure> startup = new StartupBenchmark(settings).measure(zip);
        figures.addAll(startup);
        if (text) {
            startup.forEach(f -> System.out.println(String.format(
                    Locale.ROOT,
                    "%s (whole process, through %s):" + " %.2f %s",
                    f.figure(),
                    System.getProperty("imon.launcher", "java"),
                    f.value(),
                    f.unit())));
        }
        if (zip.isPresent()) {
            benchmark.measure("warm-up", List.of(zip.get()));
            Result r = benchmark.measure("protection seekers (" + zip.get().getFileName() + ")", List.of(zip.get()));
            figures.add(new BenchmarkFigure("ingest_ratio_h2_zip", r.ratio(), "ratio"));
            if (text) {
                print(r);
            }
        }
        Result whole =
                benchmark.measure(Database.H2, "whole corpus", List.of(root), new Plan(true, false, Optional.empty()));
        figures.add(new BenchmarkFigure("ingest_ratio_h2", whole.ratio(), "ratio"));
        figures.add(new BenchmarkFigure("ingest_observations_per_s", whole.observationsPerSecond(), "observations/s"));
        figures.add(new BenchmarkFigure("ingest_peak_heap_mib", mib(whole.peakHeapBytes()), "MiB"));
        figures.add(new BenchmarkFigure("ingest_live_heap_mib", mib(whole.liveHeapBytes()), "MiB"));
        if (text) {
            print(whole);
        }
        // compute and render in a database of their own, the corpus ingested first without timing: the
        // computation of the whole catalogue, then the edition on one thread per core (as the report job) against
        // the same Kreis reports filled and exported by bare JasperReports
        try (BenchmarkStore store = BenchmarkStore.ingested(List.of(root), register, settings)) {
            List<BenchmarkFigure> measured = new ArrayList<>(ComputeBenchmark.measure(store, settings.catalogue()));
            if (editionFile.isPresent()) {
                int threads =
                        renderThreads > 0 ? renderThreads : Runtime.getRuntime().availableProcessors();
                measured.addAll(RenderBenchmark.measure(store, settings, register, editionFile.get(), threads));
            }
            figures.addAll(measured);
            if (text) {
                System.out.println(
                        "compute and render (" + editionFile.map(Path::toString).orElse("no edition") + "):");
                measured.forEach(f -> System.out.println(
                        String.format(Locale.ROOT, "  %s: %.2f %s", f.figure(), f.value(), f.unit())));
            }
        }

        Optional<String> postgresMissing = IngestBenchmark.postgresMissing();
        if (postgresMissing.isPresent()) {
            (text ? System.out : System.err).println("PostgreSQL skipped: " + postgresMissing.get());
        } else {
            Result pg = benchmark.measure(
                    Database.POSTGRES, "whole corpus on PostgreSQL", List.of(root), Plan.ingestOnly());
            figures.add(new BenchmarkFigure("ingest_ratio_postgres", pg.ratio(), "ratio"));
            figures.add(new BenchmarkFigure(
                    "ingest_observations_per_s_postgres", pg.observationsPerSecond(), "observations/s"));
            figures.add(new BenchmarkFigure("ingest_peak_heap_mib_postgres", mib(pg.peakHeapBytes()), "MiB"));
            if (text) {
                print(pg);
            }
        }

        for (int n : synthetic.stream().distinct().sorted().toList()) {
            Path folder = Files.createTempDirectory("imon-synthetic-");
            try {
                long written = new SyntheticCorpus(register).write(folder, n * whole.observations());
                if (text) {
                    System.out.println(String.format(
                            Locale.ROOT,
                            "synthetic corpus %d x %d observations: %d" + " observations written in %d files",
                            n,
                            whole.observations(),
                            written,
                            count(folder)));
                }
                for (Database database :
                        postgresMissing.isPresent() ? List.of(Database.H2) : List.of(Database.H2, Database.POSTGRES)) {
                    String suffix = database == Database.H2 ? "" : "_postgres";
                    Result r = benchmark.measure(
                            database,
                            "synthetic " + n + " on " + database,
                            List.of(folder),
                            new Plan(false, true, Optional.empty()));
                    figures.add(new BenchmarkFigure(
                            "synthetic_" + n + "_seconds_per_million" + suffix,
                            r.secondsPerMillion(),
                            "s/million observations"));
                    figures.add(new BenchmarkFigure(
                            "synthetic_" + n + "_peak_heap_mib" + suffix, mib(r.peakBytes()), "MiB"));
                    figures.add(new BenchmarkFigure(
                            "synthetic_" + n + "_live_heap_mib" + suffix, mib(r.liveHeapBytes()), "MiB"));
                    figures.add(new BenchmarkFigure(
                            "synthetic_" + n + "_observations" + suffix, r.observations(), "observations"));
                    figures.add(
                            new BenchmarkFigure("synthetic_" + n + "_ingest_seconds" + suffix, r.ingestSeconds(), "s"));
                    figures.add(new BenchmarkFigure(
                            "synthetic_" + n + "_compute_seconds" + suffix, r.computeSeconds(), "s"));
                    figures.add(new BenchmarkFigure(
                            "synthetic_" + n + "_indicator_values" + suffix, r.indicatorValues(), "values"));
                    if (text) {
                        System.out.println(String.format(
                                Locale.ROOT,
                                "  %s: %d observations, ingest %.2f s"
                                        + " (%.0f observations/s), compute %.2f s (%d values): %.2f s per million"
                                        + " observations, peak heap %d MiB, live heap %d MiB",
                                database,
                                r.observations(),
                                r.ingestSeconds(),
                                r.observationsPerSecond(),
                                r.computeSeconds(),
                                r.indicatorValues(),
                                r.secondsPerMillion(),
                                r.peakBytes() / (1024 * 1024),
                                r.liveHeapBytes() / (1024 * 1024)));
                    }
                }
            } finally {
                deleteRecursively(folder);
            }
        }

        if (!text) {
            System.out.println("figure,value,unit");
            figures.forEach(f -> System.out.println(f.figure() + "," + number(f.value()) + "," + f.unit()));
        }
        return ExitCodes.OK;
    }

    /** The protection-seekers ZIP of the corpus, or else its first ZIP. */
    private static Optional<Path> zipOf(Path root) throws IOException {
        Path real = root.resolve("ffcsv/12531-0043_de_flat.zip");
        if (Files.isRegularFile(real)) {
            return Optional.of(real);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .sorted()
                    .findFirst();
        }
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void print(Result r) {
        System.out.println(String.format(
                Locale.ROOT,
                "%s: %d files, %d data lines, %d observations%n"
                        + "  imon ingest: %.2f s = %.0f data lines/s = %.0f observations/s (peak heap %d MiB)%n"
                        + "  %s bulk load of the same observations: %.2f s = %.0f observations/s%n"
                        + "  ratio imon / bulk load: %.2f",
                r.label(),
                r.files(),
                r.dataLines(),
                r.observations(),
                r.ingestSeconds(),
                r.linesPerSecond(),
                r.observationsPerSecond(),
                r.peakHeapBytes() / (1024 * 1024),
                r.database() == Database.H2 ? "H2 CSVREAD" : "PostgreSQL COPY",
                r.bulkSeconds(),
                r.bulkObservationsPerSecond(),
                r.ratio()));
        if (!Double.isNaN(r.computeSeconds())) {
            System.out.println(String.format(
                    Locale.ROOT,
                    "  compute the whole catalogue (16 indicators, comparisons," + " typology): %.2f s for %d values",
                    r.computeSeconds(),
                    r.indicatorValues()));
        }
        r.rendering()
                .ifPresent(g -> System.out.println(String.format(
                        Locale.ROOT,
                        "  render edition %s: %d PDFs"
                                + " (Kreis reports and Land overviews; %d failed) in %.1f s = %.2f PDFs/s on %d threads, peak heap %d MiB",
                        g.edition(),
                        g.reports(),
                        g.failed(),
                        g.seconds(),
                        g.reportsPerSecond(),
                        Runtime.getRuntime().availableProcessors(),
                        g.peakHeapBytes() / (1024 * 1024))));
    }
}
