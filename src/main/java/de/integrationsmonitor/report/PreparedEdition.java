package de.integrationsmonitor.report;

import de.integrationsmonitor.indicator.ComputationStore;
import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.region.Kreis;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * An edition made ready to render from one computation: its render units (a Kreis report per Kreis with data, an
 * overview per Land), the file each unit is written to, and what a manifest says the reports rest on. Rendering a
 * unit needs nothing but this object, so units can be rendered in any order, on any thread or machine, and again
 * after an interruption, always giving the same bytes.
 */
public final class PreparedEdition {

    /** The prefix of a Land overview's unit name, {@code land-15}; a Kreis report's unit is its AGS. */
    public static final String LAND_UNIT_PREFIX = "land-";

    private final Edition edition;
    private final ComputationStore.Computation computation;
    private final List<Delivery> used;
    private final AuthorTexts texts;
    private final String catalogueName;
    private final String catalogueVersion;
    private final String versionId;
    private final String inputsSha256;
    private final List<String> units;
    private final List<String> withoutData;
    private final Map<String, Kreis> kreise;
    private final BiConsumer<Kreis, OutputStream> kreisRenderer;
    private final java.util.function.Function<Kreis, KreisReport> kreisReports;
    private final java.nio.file.Path kreisTemplate;
    private final BiConsumer<String, OutputStream> landRenderer;

    PreparedEdition(Edition edition, ComputationStore.Computation computation, List<Delivery> used,
                    AuthorTexts texts, String catalogueName, String catalogueVersion, String versionId, String inputsSha256,
                    List<Kreis> withData, List<String> withoutData, boolean withLandOverviews,
                    BiConsumer<Kreis, OutputStream> kreisRenderer, BiConsumer<String, OutputStream> landRenderer,
                    java.util.function.Function<Kreis, KreisReport> kreisReports, java.nio.file.Path kreisTemplate) {
        this.edition = edition;
        this.computation = computation;
        this.used = List.copyOf(used);
        this.texts = texts;
        this.catalogueName = catalogueName;
        this.catalogueVersion = catalogueVersion;
        this.versionId = versionId;
        this.inputsSha256 = inputsSha256;
        this.withoutData = List.copyOf(withoutData);
        this.kreisRenderer = kreisRenderer;
        this.landRenderer = landRenderer;
        this.kreisReports = kreisReports;
        this.kreisTemplate = kreisTemplate;
        List<String> all = new ArrayList<>();
        Map<String, Kreis> byAgs = new java.util.TreeMap<>();
        withData.forEach(k -> {
            all.add(k.ags());
            byAgs.put(k.ags(), k);
        });
        if (withLandOverviews) {
            withData.stream().map(Kreis::landCode).distinct().sorted().forEach(l -> all.add(LAND_UNIT_PREFIX + l));
        }
        this.units = List.copyOf(all);
        this.kreise = byAgs;
    }

    public Edition edition() {
        return edition;
    }

    public ComputationStore.Computation computation() {
        return computation;
    }

    /** The deliveries the shown indicators rest on, with their hashes and {@code Stand:}. */
    public List<Delivery> deliveries() {
        return used;
    }

    /** The version a person can quote: the edition id and the start of the inputs' hash. */
    public String versionId() {
        return versionId;
    }

    /**
     * SHA-256 over everything the reports rest on: deliveries, catalogue, register, edition file, authors' texts,
     * templates.
     */
    public String inputsSha256() {
        return inputsSha256;
    }

    /** Every unit to render, in a stable order: the Kreise with data by AGS, then the Länder by code. */
    public List<String> units() {
        return units;
    }

    /** Kreise of the edition's selection left out because the computation holds no value for them. */
    public List<String> withoutData() {
        return withoutData;
    }

    /** Where a unit is written, relative to the output folder (the edition's {@code output} patterns). */
    public String fileName(String unit) {
        return isLand(unit) ? edition.landFileName(unit.substring(LAND_UNIT_PREFIX.length()))
                : edition.kreisFileName(unit);
    }

    /**
     * Renders one unit to {@code out}.
     *
     * @throws ReportTemplateException when filling or exporting fails
     */
    public void render(String unit, OutputStream out) {
        if (isLand(unit)) {
            landRenderer.accept(unit.substring(LAND_UNIT_PREFIX.length()), out);
            return;
        }
        Kreis kreis = Optional.ofNullable(kreise.get(unit)).orElseThrow(() -> new IllegalArgumentException(
                "Kreis " + unit + " is not a unit of edition " + edition.id()));
        kreisRenderer.accept(kreis, out);
    }

    /** The master template of the Kreis reports. */
    public java.nio.file.Path kreisTemplate() {
        return kreisTemplate;
    }

    /** What the Kreis report of a unit shows, before it is filled into the templates (the benchmark's bare fill). */
    public KreisReport kreisReport(String unit) {
        Kreis kreis = Optional.ofNullable(kreise.get(unit)).orElseThrow(() -> new IllegalArgumentException(
                "Kreis " + unit + " is not a unit of edition " + edition.id()));
        return kreisReports.apply(kreis);
    }

    public static boolean isLand(String unit) {
        return unit.startsWith(LAND_UNIT_PREFIX);
    }

    /**
     * The manifest of a published folder: what the reports rest on, and every PDF with its hash and version. A
     * report carried over from an earlier version (a run for one Kreis keeps the others) keeps its own version.
     *
     * @param reports file name (relative to the publication folder) to its SHA-256 and version id
     * @param failed  units that could not be rendered, with the reason
     */
    public String manifest(Map<String, Manifest.Entry> reports, Map<String, String> failed) {
        return new Manifest(edition.id(), versionId, inputsSha256, catalogueName + " "
                + catalogueVersion, computation.catalogueSha256(), computation.registerSha256(),
                used.stream().map(d -> d.tableCode() + " " + d.fileName() + " SHA-256 " + d.sha256()).toList(),
                texts.sha256().entrySet().stream().map(t -> t.getKey() + " SHA-256 " + t.getValue()).toList(),
                reports, failed).text();
    }
}
