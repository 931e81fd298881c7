package de.integrationsmonitor.report;

import de.integrationsmonitor.ImonSettings;
import de.integrationsmonitor.indicator.CatalogueLoader;
import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.observation.Deliveries;
import de.integrationsmonitor.validate.FindingStore;
import de.integrationsmonitor.indicator.ComputationStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import de.integrationsmonitor.validate.RegisterCheck;
import de.integrationsmonitor.validate.RuleCatalogue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Renders an edition from the latest computation: one PDF per Kreis, in parallel on the available cores (a Kreis
 * that fails is reported and the others go on), one overview per Land, and a manifest of what the reports rest on.
 */
@Service
public class ReportService {

    private static final DateTimeFormatter STAND = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private final ImonSettings settings;
    private final ComputationStore indicators;
    private final Deliveries deliveries;
    private final FindingStore findings;
    private final ComputationService computation;
    private final KreisRegister register;
    private final Map<Path, KreisReportRenderer> renderers = new ConcurrentHashMap<>();
    private final Map<Path, LandOverviewRenderer> landRenderers = new ConcurrentHashMap<>();

    public ReportService(ImonSettings settings, ComputationStore indicators, Deliveries deliveries,
                         FindingStore findings, ComputationService computation, KreisRegister register) {
        this.settings = settings;
        this.indicators = indicators;
        this.deliveries = deliveries;
        this.findings = findings;
        this.computation = computation;
        this.register = register;
    }

    /**
     * What rendering an edition gave: the files written, the Kreise that failed (with the reason), and the Kreise
     * of the selection left out because the data hold no value of the edition's indicators for them.
     */
    public record EditionResult(String edition, Path folder, List<Path> written, Map<String, String> failed,
                                List<String> withoutData) {
    }

    public EditionResult render(Edition edition, Optional<String> onlyKreis, Consumer<String> progress) {
        IndicatorCatalogue catalogue = CatalogueLoader.load(settings.catalogue());
        List<IndicatorDefinition> shown = EditionLoader.resolve(edition, catalogue, settings.catalogue());
        ComputationStore.Computation latest = indicators.latestComputation().orElseThrow(() ->
                new EditionException("no indicators computed yet: run 'bin/imon ingest' and 'bin/imon compute',"
                        + " or 'bin/imon run'"));
        Map<String, List<IndicatorValue>> values = indicators.values(latest.id()).stream()
                .collect(Collectors.groupingBy(IndicatorValue::indicatorId, TreeMap::new, Collectors.toList()));
        List<Long> deliveryIds = indicators.deliveriesOf(latest.id());
        List<Delivery> used = deliveries.all().stream().filter(d -> deliveryIds.contains(d.id()))
                .filter(d -> shown.stream().anyMatch(i -> i.sources().contains(d.tableCode()))).toList();
        List<KreisReport.DeliveryStatus> status = used.stream().map(d -> new KreisReport.DeliveryStatus(
                d.tableCode(), d.fileName(), d.officeStand().map(STAND::format).orElse("ohne Stand-Angabe")))
                .toList();
        boolean synthetic = used.stream().anyMatch(d -> deliveries.notes(d.id()).stream()
                .anyMatch(n -> n.toLowerCase(Locale.ROOT).contains("synthetisch")));
        String inputs = inputsSha256(edition, latest, used);
        String versionId = edition.id() + "-" + inputs.substring(0, 12);
        Map<String, List<String>> findingsByKreis = findingsByKreis(edition, used);
        KreisReportBuilder builder = new KreisReportBuilder(edition, catalogue, register, values,
                indicators.typology(latest.id()), computation.populationWeights(catalogue, latest.id()),
                indicators.inputPeriods(latest.id()), status,
                ags -> findingsByKreis.getOrDefault(ags, List.of()), versionId, inputs, synthetic);

        List<Kreis> selected = kreise(edition, onlyKreis);
        List<Kreis> withData = selected.stream().filter(builder::hasData).toList();
        List<String> withoutData = selected.stream().filter(k -> !withData.contains(k)).map(Kreis::ags).toList();
        KreisReportRenderer renderer = renderers.computeIfAbsent(
                settings.templates().resolve(edition.kreisTemplate()), this::virtualizingRenderer);
        List<ParallelRendering.Job> jobs = withData.stream().map(kreis -> new ParallelRendering.Job(kreis.ags(),
                () -> write(settings.output().resolve(edition.kreisFileName(kreis.ags())),
                        out -> renderer.render(builder.build(kreis), out)))).toList();
        ParallelRendering.Outcome outcome = ParallelRendering.run(jobs, Runtime.getRuntime().availableProcessors(),
                progress);
        Map<String, Path> written = new TreeMap<>(outcome.written());
        Map<String, String> failed = new TreeMap<>(outcome.failed());
        if (onlyKreis.isEmpty()) {
            LandOverviewBuilder lands = new LandOverviewBuilder(edition, catalogue, register, values,
                    status.stream().map(d -> d.tableCode() + ": Stand " + d.stand()).collect(Collectors.joining("; ")),
                    versionId, inputs, synthetic);
            LandOverviewRenderer landRenderer = landRenderers.computeIfAbsent(
                    settings.templates().resolve(edition.landTemplate()), LandOverviewRenderer::new);
            for (String land : withData.stream().map(Kreis::landCode).distinct().sorted().toList()) {
                try {
                    written.put("land-" + land, write(settings.output().resolve(edition.landFileName(land)),
                            out -> landRenderer.render(lands.build(land), out)));
                } catch (IOException | RuntimeException e) {
                    failed.put("land-" + land, String.valueOf(e.getMessage()));
                    progress.accept("Land overview " + land + " failed: " + e.getMessage());
                }
            }
        }
        Path folder = settings.output().resolve(edition.kreisFileName("x")).getParent();
        writeManifest(folder, edition, latest, catalogue, used, versionId, inputs, written);
        return new EditionResult(edition.id(), folder, List.copyOf(written.values()), failed, withoutData);
    }

    /**
     * A renderer whose fills keep at most a few pages in memory and swap the rest to a file under IMON_HOME, so
     * that memory stays bounded however large an edition is and however many Kreise render at once.
     */
    private KreisReportRenderer virtualizingRenderer(Path template) {
        Path swap = settings.home().resolve("data").resolve("swap");
        try {
            Files.createDirectories(swap);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the swap folder " + swap, e);
        }
        return new KreisReportRenderer(template, KreisReportRenderer.DEFAULT_DOCUMENT_TIMESTAMP,
                () -> new net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer(8,
                        new net.sf.jasperreports.engine.util.JRSwapFile(swap.toString(), 4096, 64), true));
    }

    /** Writes through a temporary file, so a failed render never leaves a half-written PDF behind. */
    static Path write(Path file, ThrowingWriter writer) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            writer.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes one report to a stream. */
    interface ThrowingWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * The findings of validation that touch each Kreis in the edition's period, summed up in German per table and
     * rule: "Tabelle 13211-02-05-4: die Kreise eines Landes ergeben das Land – 2 Befunde (2012, 2014)".
     */
    private Map<String, List<String>> findingsByKreis(Edition edition, List<Delivery> used) {
        Map<String, String> ruleTexts = new TreeMap<>();
        RuleCatalogue.load(settings.rules()).rules().forEach(r -> ruleTexts.put(r.id(), r.description()));
        ruleTexts.put(RegisterCheck.RULE_OUTSIDE_VALIDITY, "Werte zu Stichtagen, an denen der Kreis nicht bestand"
                + " (Rückrechnung des Amtes auf einen späteren Gebietsstand)");
        ruleTexts.put(RegisterCheck.RULE_UNKNOWN, "unbekannter Kreisschlüssel");
        Map<String, Map<String, TreeSet<Integer>>> grouped = new TreeMap<>();
        for (Delivery d : used) {
            for (FindingStore.ListedFinding f : findings.list(Optional.of(d.id()), false)) {
                int year = f.referenceDate().map(java.time.LocalDate::getYear).orElse(edition.reportYear());
                if (f.regionCode().length() == 5 && year >= edition.periodFrom() && year <= edition.reportYear()) {
                    String what = "Tabelle " + d.tableCode() + ": " + ruleTexts.getOrDefault(f.rule(), f.rule());
                    grouped.computeIfAbsent(f.regionCode(), k -> new TreeMap<>())
                            .computeIfAbsent(what, k -> new TreeSet<>()).add(year);
                }
            }
        }
        Map<String, List<String>> byKreis = new TreeMap<>();
        grouped.forEach((ags, byRule) -> byRule.forEach((what, years) -> byKreis.computeIfAbsent(ags,
                k -> new ArrayList<>()).add(what + " (" + years.stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + ")")));
        return byKreis;
    }

    /** SHA-256 over the deliveries (their bytes' hashes), the catalogue, the register and the edition file. */
    private String inputsSha256(Edition edition, ComputationStore.Computation computed, List<Delivery> used) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            used.stream().map(Delivery::sha256).sorted().forEach(h -> digest.update(h.getBytes(StandardCharsets.UTF_8)));
            digest.update(computed.catalogueSha256().getBytes(StandardCharsets.UTF_8));
            digest.update(computed.registerSha256().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(edition.file()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an auditor needs to re-run the edition: the inputs with their hashes, and each PDF's hash. */
    private void writeManifest(Path folder, Edition edition, ComputationStore.Computation computed,
                               IndicatorCatalogue catalogue, List<Delivery> used, String versionId, String inputs,
                               Map<String, Path> written) {
        StringBuilder text = new StringBuilder("Integrationsmonitor - Manifest der Ausgabe ").append(edition.id())
                .append("\nBerichtsversion: ").append(versionId).append("\nSHA-256 der Eingaben: ").append(inputs)
                .append("\nKatalog: ").append(catalogue.name()).append(' ').append(catalogue.version())
                .append(" (SHA-256 ").append(computed.catalogueSha256()).append(")\nKreisregister: SHA-256 ")
                .append(computed.registerSha256()).append("\nLieferungen:\n");
        used.forEach(d -> text.append("  ").append(d.tableCode()).append(' ').append(d.fileName()).append(" SHA-256 ")
                .append(d.sha256()).append('\n'));
        text.append("Berichte:\n");
        written.forEach((ags, file) -> text.append("  ").append(file.getFileName()).append(" SHA-256 ")
                .append(sha256(file)).append('\n'));
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("manifest.txt"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Kreis> kreise(Edition edition, Optional<String> onlyKreis) {
        List<Kreis> all = register.kreiseOn(edition.gebietsstand());
        List<Kreis> selected = all;
        if (edition.kreise() instanceof Edition.KreisSelection.OfLand land) {
            selected = all.stream().filter(k -> k.landCode().equals(land.landCode())).toList();
        } else if (edition.kreise() instanceof Edition.KreisSelection.Listed listed) {
            selected = all.stream().filter(k -> listed.ags().contains(k.ags())).toList();
        }
        if (onlyKreis.isPresent()) {
            selected = selected.stream().filter(k -> k.ags().equals(onlyKreis.get())).toList();
            if (selected.isEmpty()) {
                throw new EditionException("Kreis " + onlyKreis.get() + " is not part of edition " + edition.id()
                        + " at its Gebietsstand " + GermanNumberFormat.date(edition.gebietsstand()));
            }
        }
        return selected;
    }
}
