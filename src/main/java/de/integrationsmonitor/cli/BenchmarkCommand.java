package de.integrationsmonitor.cli;

import de.integrationsmonitor.ImonSettings;
import de.integrationsmonitor.benchmark.IngestBenchmark;
import de.integrationsmonitor.region.KreisRegister;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code imon benchmark}: the figures the issues ask for, measured on the machine at hand. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // a command's options are the fields of a fresh instance each time
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measures ingest and computation on the real extracts (default ../shared/data/regionalstatistik): rows per"
                + " second for the protection-seekers ZIP and for the whole corpus, against H2's own bulk CSV load"
                + " (CSVREAD) of the same observations, then the time to compute the whole catalogue. Runs in temporary databases; the store is not touched.")
public class BenchmarkCommand implements Callable<Integer> {

    @Option(names = "--corpus", paramLabel = "DIR", description = "folder of real extracts")
    Path corpus;

    @Option(names = "--edition", paramLabel = "FILE", description = "edition whose Kreis reports are rendered after"
            + " the whole corpus is computed (default: src/test/resources/editions/integrationsbericht-2015.yml,"
            + " every Kreis); 'none' skips rendering")
    String edition;

    @Option(names = "--only", paramLabel = "compute|render", description = "only the compute figures (compute_seconds,"
            + " compute_values) or only the render figures (render_reports_per_s, render_peak_heap_mib,"
            + " render_bare_jasper_reports_per_s, render_ratio_bare_jasper; after the compute figures, since it needs a"
            + " computation), over the whole corpus ingested first (not timed)")
    String only;

    @Option(names = "--render-threads", paramLabel = "N", description = "threads rendering at once (default: one per"
            + " core, as the report job)")
    int renderThreads;

    private final KreisRegister register;
    private final ImonSettings settings;

    public BenchmarkCommand(KreisRegister register, ImonSettings settings) {
        this.register = register;
        this.settings = settings;
    }

    @Override
    public Integer call() throws Exception {
        Path root = corpus != null ? corpus
                : settings.project().resolve("../shared/data/regionalstatistik").normalize();
        if (!Files.isDirectory(root)) {
            System.err.println("imon: no corpus at " + root + "; give one with --corpus DIR");
            return ExitCodes.USAGE;
        }
        java.util.Optional<Path> editionFile = "none".equals(edition) ? java.util.Optional.empty()
                : java.util.Optional.of(edition != null ? Path.of(edition)
                : settings.project().resolve("src/test/resources/editions/integrationsbericht-2015.yml"));
        if (only != null) {
            if (!only.equals("compute") && !only.equals("render") || only.equals("render") && editionFile.isEmpty()) {
                System.err.println("imon: --only takes compute or render (with an edition), not " + only);
                return ExitCodes.USAGE;
            }
            int threads = renderThreads > 0 ? renderThreads : Runtime.getRuntime().availableProcessors();
            System.out.println("benchmark " + only + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, corpus " + root);
            try (de.integrationsmonitor.benchmark.BenchmarkStore store = de.integrationsmonitor.benchmark.BenchmarkStore
                    .ingested(List.of(root), register, settings)) {
                // the render needs a computation: the compute figures come with it
                List<de.integrationsmonitor.benchmark.BenchmarkFigure> figures = new java.util.ArrayList<>(
                        de.integrationsmonitor.benchmark.ComputeBenchmark.measure(store, settings.catalogue()));
                if (only.equals("render")) {
                    figures.addAll(de.integrationsmonitor.benchmark.RenderBenchmark.measure(store, settings, register,
                            editionFile.get(), threads));
                }
                figures.forEach(f -> System.out.println(String.format(Locale.ROOT, "  %s: %.2f %s", f.figure(),
                        f.value(), f.unit())));
            }
            return ExitCodes.OK;
        }
        IngestBenchmark benchmark = new IngestBenchmark(register, settings);
        System.out.println("ingest benchmark, " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, corpus " + root);
        Path zip = root.resolve("ffcsv/12531-0043_de_flat.zip");
        if (Files.isRegularFile(zip)) {
            benchmark.measure("warm-up", List.of(zip));
            print(benchmark.measure("protection seekers (12531-0043 ZIP)", List.of(zip)));
        }
        print(benchmark.measure("whole corpus", List.of(root), editionFile));
        return ExitCodes.OK;
    }

    private static void print(IngestBenchmark.Result r) {
        System.out.println(String.format(Locale.ROOT, "%s: %d files, %d data lines, %d observations%n"
                        + "  imon ingest: %.2f s = %.0f data lines/s = %.0f observations/s (peak heap %d MiB)%n"
                        + "  H2 CSVREAD bulk load of the same observations: %.2f s = %.0f observations/s%n"
                        + "  ratio imon / bulk load: %.2f%n"
                        + "  compute the whole catalogue (16 indicators, comparisons, typology): %.2f s for %d values",
                r.label(), r.files(), r.dataLines(), r.observations(), r.ingestSeconds(), r.linesPerSecond(),
                r.observationsPerSecond(), r.peakHeapBytes() / (1024 * 1024), r.bulkSeconds(),
                r.bulkObservationsPerSecond(), r.ratio(), r.computeSeconds(), r.indicatorValues()));
        r.rendering().ifPresent(g -> System.out.println(String.format(Locale.ROOT, "  render edition %s: %d PDFs"
                        + " (Kreis reports and Land overviews; %d failed) in %.1f s = %.2f PDFs/s on %d threads, peak heap %d MiB",
                g.edition(), g.reports(), g.failed(), g.seconds(), g.reportsPerSecond(),
                Runtime.getRuntime().availableProcessors(), g.peakHeapBytes() / (1024 * 1024))));
    }
}
