package de.integrationsmonitor.report;

import de.integrationsmonitor.indicator.ComputationStore;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.report.edition.AuthorTexts;
import de.integrationsmonitor.report.edition.Edition;
import de.integrationsmonitor.report.edition.ReportInput;
import de.integrationsmonitor.report.fill.KreisReport;
import de.integrationsmonitor.report.fill.LandOverview;
import de.integrationsmonitor.report.pdf.Provenance;
import de.integrationsmonitor.report.pdf.ReportTemplateException;
import de.integrationsmonitor.report.publish.Manifest;
import de.integrationsmonitor.report.publish.VersionLedger;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An edition made ready to render from one computation: its render units (a Kreis report per Kreis with data, an
 * overview per Land), the file each unit is written to, and what a manifest says the reports rest on. Rendering a
 * unit needs nothing but this object, so units can be rendered in any order, on any thread or machine, and again
 * after an interruption, always giving the same bytes.
 */
public final class PreparedEdition {

    /** The prefix of a Land overview's unit name, {@code land-15}; a Kreis report's unit is its AGS. */
    public static final String LAND_UNIT_PREFIX = "land-";
    /** The unit of the edition's Statusbericht of its measures, written as {@value #STATUS_FILE} in its folder. */
    public static final String STATUS_UNIT = "statusbericht";

    static final String STATUS_FILE = "statusbericht.pdf";

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
    private final UnitRenderer<Kreis> kreisRenderer;
    private final UnitRenderer<String> landRenderer;
    private final UnitRenderer<String> statusRenderer;
    private final List<ReportInput> inputs;
    private final String appVersion;
    private final Map<String, String> landNames;
    private final VersionLedger ledger;

    /** Renders one unit (a Kreis, a Land code) with its provenance into a stream. */
    interface UnitRenderer<T> {
        void render(T unit, Provenance provenance, OutputStream out);
    }

    private final java.util.function.Function<Kreis, KreisReport> kreisReports;
    private final java.nio.file.Path kreisTemplate;
    private java.util.function.Function<String, LandOverview> landOverviews = land -> {
        throw new IllegalStateException(
                "no Land overviews for edition " + edition().id());
    };
    private List<IndicatorDefinition> indicators = List.of();
    private java.nio.file.Path templates;
    private final boolean wholeEdition;

    PreparedEdition(
            Edition edition,
            ComputationStore.Computation computation,
            List<Delivery> used,
            AuthorTexts texts,
            String catalogueName,
            String catalogueVersion,
            String versionId,
            String inputsSha256,
            List<Kreis> withData,
            List<String> withoutData,
            boolean withLandOverviews,
            UnitRenderer<Kreis> kreisRenderer,
            UnitRenderer<String> landRenderer,
            List<ReportInput> inputs,
            String appVersion,
            Map<String, String> landNames,
            VersionLedger ledger,
            java.util.function.Function<Kreis, KreisReport> kreisReports,
            java.nio.file.Path kreisTemplate,
            UnitRenderer<String> statusRenderer) {
        this.statusRenderer = statusRenderer;
        this.inputs = List.copyOf(inputs);
        this.appVersion = appVersion;
        this.landNames = Map.copyOf(landNames);
        this.ledger = ledger;
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
        this.wholeEdition = withLandOverviews;
        if (withLandOverviews) {
            withData.stream().map(Kreis::landCode).distinct().sorted().forEach(l -> all.add(LAND_UNIT_PREFIX + l));
            if (statusRenderer != null) {
                all.add(STATUS_UNIT);
            }
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

    /**
     * The version of the edition as a whole: the edition id and the start of the inputs' hash (each PDF has a
     * report version of its own, {@link #provenance}).
     */
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

    /**
     * Every unit to render, in a stable order: the Kreise with data by AGS, then the Länder by code, then the
     * Statusbericht when the edition has measures.
     */
    public List<String> units() {
        return units;
    }

    /** Kreise of the edition's selection left out because the computation holds no value for them. */
    public List<String> withoutData() {
        return withoutData;
    }

    /** Where a unit is written, relative to the output folder (the edition's {@code output} patterns). */
    public String fileName(String unit) {
        if (unit.equals(STATUS_UNIT)) {
            return edition.publicationFolder() + "/" + STATUS_FILE;
        }
        return isLand(unit)
                ? edition.landFileName(unit.substring(LAND_UNIT_PREFIX.length()))
                : edition.kreisFileName(unit);
    }

    /** Every file the edition's reports rest on, with its bytes as read when the edition was prepared. */
    public List<ReportInput> inputs() {
        return inputs;
    }

    /** The application version that renders this edition's reports. */
    public String appVersion() {
        return appVersion;
    }

    /**
     * The provenance of a unit's report: its version id (from the inputs, the unit, the computation and the
     * application), rendered at the version's first render time when it was rendered before, else at {@code now}
     * (the time its run was planned).
     */
    public Provenance provenance(String unit, Instant now) {
        String id = Provenance.versionId(inputsSha256, unit, computation.id(), appVersion);
        return new Provenance(
                id,
                edition.id(),
                unit,
                territory(unit),
                computation.id(),
                inputsSha256,
                appVersion,
                ledger.firstRendered(id).orElse(now));
    }

    /** The Kreis or Land of a unit by name: "Kreis 15001 Dessau-Roßlau", "Land 15 Sachsen-Anhalt". */
    public String territory(String unit) {
        if (unit.equals(STATUS_UNIT)) {
            return "Statusbericht der Maßnahmen";
        }
        if (isLand(unit)) {
            String code = unit.substring(LAND_UNIT_PREFIX.length());
            return "Land " + code + " " + landNames.getOrDefault(code, "");
        }
        Kreis kreis = kreise.get(unit);
        return "Kreis " + unit + (kreis == null ? "" : " " + kreis.name());
    }

    /**
     * Renders one unit to {@code out}, carrying its provenance (XMP metadata, colophon, document date).
     *
     * @throws ReportTemplateException when filling or exporting fails
     */
    public void render(String unit, Provenance provenance, OutputStream out) {
        if (unit.equals(STATUS_UNIT) && statusRenderer != null) {
            statusRenderer.render(unit, provenance, out);
            return;
        }
        if (isLand(unit)) {
            landRenderer.render(unit.substring(LAND_UNIT_PREFIX.length()), provenance, out);
            return;
        }
        Kreis kreis = Optional.ofNullable(kreise.get(unit))
                .orElseThrow(() ->
                        new IllegalArgumentException("Kreis " + unit + " is not a unit of edition " + edition.id()));
        kreisRenderer.render(kreis, provenance, out);
    }

    /** Records that a unit's PDF was written (published) with this hash: its report version and inputs are kept. */
    public void rendered(String unit, Provenance provenance, String pdfSha256) {
        ledger.rendered(provenance, edition.title(), fileName(unit), pdfSha256, inputs);
    }

    /** Whether this is the whole edition (not a run for one Kreis), with its Land overviews. */
    public boolean wholeEdition() {
        return wholeEdition;
    }

    /** Where the edition's report versions are recorded. */
    public VersionLedger ledger() {
        return ledger;
    }

    /** The master template of the Kreis reports. */
    public java.nio.file.Path kreisTemplate() {
        return kreisTemplate;
    }

    /** What the Kreis report of a unit shows, before it is filled into the templates (the benchmark's bare fill). */
    public KreisReport kreisReport(String unit) {
        Kreis kreis = Optional.ofNullable(kreise.get(unit))
                .orElseThrow(() ->
                        new IllegalArgumentException("Kreis " + unit + " is not a unit of edition " + edition.id()));
        return kreisReports.apply(kreis);
    }

    /**
     * What the web publication and the open data are made from besides the Kreis reports: the Land overviews, the
     * catalogue's definitions of the shown indicators, and the template folder (for the wording).
     */
    PreparedEdition withPublicationModels(
            java.util.function.Function<String, LandOverview> landOverviews,
            List<IndicatorDefinition> indicators,
            java.nio.file.Path templates) {
        this.landOverviews = landOverviews;
        this.indicators = List.copyOf(indicators);
        this.templates = templates;
        return this;
    }

    /** What the Land overview of a Land code shows, before it is filled into the templates. */
    public LandOverview landOverview(String landCode) {
        return landOverviews.apply(landCode);
    }

    /** The catalogue's definitions of the indicators the edition shows, in the edition's order. */
    public List<IndicatorDefinition> indicators() {
        return indicators;
    }

    /** The template folder the reports are rendered with (its wording is shared by the web pages). */
    public java.nio.file.Path templates() {
        return templates;
    }

    /** The computation's id and the Kreise with data, for the web publication's index. */
    public List<Kreis> kreise() {
        return List.copyOf(kreise.values());
    }

    public static boolean isLand(String unit) {
        return unit.startsWith(LAND_UNIT_PREFIX);
    }

    /** True for the unit of a Kreis report (its AGS), false for a Land overview and the Statusbericht. */
    public static boolean isKreis(String unit) {
        return !isLand(unit) && !unit.equals(STATUS_UNIT);
    }

    /**
     * The manifest of a published folder: what the reports rest on, and every PDF with its hash and version. A
     * report carried over from an earlier version (a run for one Kreis keeps the others) keeps its own version.
     *
     * @param reports file name (relative to the publication folder) to its SHA-256 and version id
     * @param failed  units that could not be rendered, with the reason
     */
    public String manifest(Map<String, Manifest.Entry> reports, Map<String, String> failed) {
        return new Manifest(
                        edition.id(),
                        versionId,
                        inputsSha256,
                        catalogueName + " " + catalogueVersion,
                        computation.catalogueSha256(),
                        computation.registerSha256(),
                        used.stream()
                                .map(d -> d.tableCode() + " " + d.fileName() + " SHA-256 " + d.sha256())
                                .toList(),
                        texts.sha256().entrySet().stream()
                                .map(t -> t.getKey() + " SHA-256 " + t.getValue())
                                .toList(),
                        reports,
                        failed)
                .text();
    }
}
