package de.integrationsmonitor.report.web;

import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.report.PreparedEdition;
import de.integrationsmonitor.report.fill.KreisReport;
import de.integrationsmonitor.report.fill.LandOverview;
import de.integrationsmonitor.report.map.LandGeometry;
import de.integrationsmonitor.report.opendata.OpenData;
import de.integrationsmonitor.report.pdf.MapMaker;
import de.integrationsmonitor.report.pdf.Provenance;
import de.integrationsmonitor.report.publish.Manifest;
import de.integrationsmonitor.report.publish.Publication;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The web twin of an edition ({@code output/<edition>/web/}) and its open data ({@code daten/}): a static German
 * site that opens from the file system, one page per Kreis report and Land overview with the content of its PDF,
 * and an index. Pages are filled from the same models as the PDFs ({@link KreisReport}, {@link LandOverview}) with
 * the same wording ({@code berichte.properties}); a Kreis or Land page carries the report version of its PDF, the
 * index and the data files the version of the edition's publication ({@link #UNIT}).
 *
 * <p>The templates are jte, precompiled at build time: the page layout is part of the application (its version is
 * in every report version id), the wording stays a file of the template folder (hashed into the inputs).
 */
public final class WebPublication {

    /** The unit of the edition-wide files (index, open data) in version ids and records. */
    public static final String UNIT = "web";

    public static final String FOLDER = "web";
    public static final String INDEX = FOLDER + "/index.html";

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(
            null, ContentType.Html, WebPublication.class.getClassLoader(), "de.integrationsmonitor.report.web.jte");
    private static final String CSS = css();
    /** Only the one inline style sheet; no scripts, images, fonts, frames, connections, forms or plug-ins. */
    private static final String CSP = "default-src 'none'; style-src 'sha256-"
            + Base64.getEncoder().encodeToString(Sha256.digest().digest(CSS.getBytes(StandardCharsets.UTF_8)))
            + "'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'";

    private WebPublication() {}

    /** A unit's page, relative to the output root: {@code <folder>/web/15001.html}, {@code .../web/land-15.html}. */
    public static String pageName(PreparedEdition prepared, String unit) {
        return folder(prepared) + "/" + FOLDER + "/" + unit + ".html";
    }

    private static String folder(PreparedEdition prepared) {
        return prepared.edition().publicationFolder();
    }

    /** The version id of the edition-wide files of a prepared edition. */
    public static Provenance provenance(PreparedEdition prepared, java.time.Instant at) {
        return new Provenance(
                Provenance.versionId(
                        prepared.inputsSha256(), UNIT, prepared.computation().id(), prepared.appVersion()),
                prepared.edition().id(),
                UNIT,
                "Webausgabe " + prepared.edition().title(),
                prepared.computation().id(),
                prepared.inputsSha256(),
                prepared.appVersion(),
                at);
    }

    /** The page of one unit (a Kreis or a Land) with the version id of its PDF. */
    public static byte[] page(PreparedEdition prepared, String unit, String versionId) {
        return page(prepared, unit, versionId, prepared::kreisReport);
    }

    private static byte[] page(
            PreparedEdition prepared,
            String unit,
            String versionId,
            java.util.function.Function<String, KreisReport> reports) {
        Wording t = Wording.of(prepared.templates());
        if (PreparedEdition.isLand(unit)) {
            LandOverview o = prepared.landOverview(unit.substring(PreparedEdition.LAND_UNIT_PREFIX.length()));
            View v = view(
                    prepared,
                    t,
                    t.text("web.land.title", o.landName(), prepared.edition().title()),
                    versionId,
                    t.text("land.title", o.landName()),
                    reports);
            Map<String, String> pages = new TreeMap<>();
            prepared.kreise().forEach(k -> pages.put(k.ags(), k.ags() + ".html"));
            return render(
                    "land.jte", Map.of("v", v, "o", o, "pdf", up(prepared, prepared.fileName(unit)), "pages", pages));
        }
        KreisReport r = reports.apply(unit);
        View v = view(
                prepared,
                t,
                t.text("web.kreis.title", r.kreisName(), prepared.edition().title()),
                versionId,
                r.kreisName(),
                reports);
        return render("kreis.jte", Map.of("v", v, "r", r, "pdf", up(prepared, prepared.fileName(unit))));
    }

    /** A link from a page to a file of the publication folder: {@code ../15001.pdf}. */
    private static String up(PreparedEdition prepared, String name) {
        return "../" + name.substring(folder(prepared).length() + 1);
    }

    private static View view(
            PreparedEdition prepared,
            Wording t,
            String title,
            String versionId,
            String what,
            java.util.function.Function<String, KreisReport> reports) {
        return new View(
                new View.Frame(
                        title,
                        prepared.edition().title(),
                        versionId,
                        prepared.inputsSha256(),
                        CSP,
                        CSS,
                        synthetic(prepared, reports),
                        what),
                t,
                new MapMaker(t));
    }

    /** Whether the edition's figures are made-up sample data (the reports say so, and so do the pages). */
    private static boolean synthetic(
            PreparedEdition prepared, java.util.function.Function<String, KreisReport> reports) {
        return prepared.kreise().stream()
                .findFirst()
                .map(k -> reports.apply(k.ags()).synthetic())
                .orElse(false);
    }

    /** The index page and the open data of the whole edition, by name relative to the output root. */
    public static Map<String, byte[]> editionFiles(PreparedEdition prepared, String versionId) {
        return editionFiles(prepared, versionId, prepared::kreisReport);
    }

    private static Map<String, byte[]> editionFiles(
            PreparedEdition prepared, String versionId, java.util.function.Function<String, KreisReport> built) {
        Wording t = Wording.of(prepared.templates());
        List<KreisReport> reports = new ArrayList<>();
        for (Kreis k : prepared.kreise()) {
            reports.add(built.apply(k.ags()));
        }
        Map<String, String> landNames = new TreeMap<>();
        List<Index.LandLink> lands = new ArrayList<>();
        for (String unit : prepared.units()) {
            if (PreparedEdition.isLand(unit)) {
                String code = unit.substring(PreparedEdition.LAND_UNIT_PREFIX.length());
                LandOverview o = prepared.landOverview(code);
                landNames.put(code, o.landName());
                lands.add(new Index.LandLink(o.landName(), unit + ".html", up(prepared, prepared.fileName(unit))));
            }
        }
        reports.forEach(r -> landNames.putIfAbsent(r.ags().substring(0, 2), r.landName()));
        List<String> tableCodes = reports.stream()
                .flatMap(r -> r.tableCodes().stream())
                .distinct()
                .sorted()
                .toList();
        String source = t.text("report.sourceLine", String.join(", ", tableCodes));
        OpenData data = OpenData.of(
                new OpenData.About(
                        prepared.edition().id(),
                        prepared.edition().title(),
                        versionId,
                        prepared.edition().gebietsstand(),
                        source,
                        prepared.edition().gebietsstand(),
                        tableCodes),
                prepared.indicators(),
                reports,
                landNames);
        Map<String, byte[]> dataFiles = data.files();

        List<Index.KreisLink> kreise = reports.stream()
                .map(r -> new Index.KreisLink(
                        r.ags(), r.kreisName(), r.ags() + ".html", up(prepared, prepared.fileName(r.ags()))))
                .toList();
        Map<String, String> pages = new TreeMap<>();
        kreise.forEach(k -> pages.put(k.ags(), k.page()));
        View v = view(
                prepared,
                t,
                prepared.edition().title(),
                versionId,
                prepared.edition().title(),
                built);
        List<Index.MapFigure> maps = new ArrayList<>();
        Map<String, LandGeometry> geometries = new LinkedHashMap<>();
        reports.forEach(r -> r.geometry().ifPresent(g -> geometries.putIfAbsent(g.landCode(), g)));
        geometries.forEach((code, g) -> {
            String caption = t.text("web.kreise.map", landNames.getOrDefault(code, code));
            maps.add(new Index.MapFigure(v.linkedMap(g, pages, caption), caption));
        });
        List<Index.DataLink> links = new ArrayList<>();
        links.add(new Index.DataLink(t.text("web.data.de"), "../" + OpenData.CSV_DE, OpenData.CSV_DE));
        links.add(new Index.DataLink(t.text("web.data.csv"), "../" + OpenData.CSV, OpenData.CSV));
        links.add(new Index.DataLink(t.text("web.data.json"), "../" + OpenData.JSON, OpenData.JSON));
        dataFiles.keySet().stream()
                .filter(n -> n.startsWith(OpenData.OPEN_SDG))
                .forEach(n -> links.add(new Index.DataLink(
                        t.text("web.data.opensdg") + ": " + n.substring(OpenData.OPEN_SDG.length(), n.length() - 4),
                        "../" + n,
                        n)));
        links.add(new Index.DataLink(t.text("web.data.dcat"), "../" + OpenData.DCAT, OpenData.DCAT));
        List<String> status = reports.isEmpty()
                ? List.of()
                : reports.get(0).dataStatus().stream()
                        .map(d -> d.tableCode() + " (" + d.fileName() + "): Stand " + d.stand())
                        .toList();
        Index index = new Index(
                prepared.edition().title(),
                prepared.edition().periodFrom(),
                prepared.edition().reportYear(),
                reports.isEmpty() ? "" : reports.get(0).gebietsstand(),
                kreise,
                lands,
                maps,
                links,
                status,
                String.join(", ", tableCodes));

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(folder(prepared) + "/" + INDEX, render("index.jte", Map.of("v", v, "i", index)));
        dataFiles.forEach((name, bytes) -> files.put(folder(prepared) + "/" + name, bytes));
        return files;
    }

    /**
     * Writes into a run's staging folder the page of every unit rendered and, for a run of the whole edition, the
     * index and the open data, and returns their manifest entries (names relative to the publication folder): a
     * page under the version of its PDF, the edition-wide files under the version of the web publication.
     */
    public static Map<String, Manifest.Entry> stage(
            Publication publication,
            String run,
            PreparedEdition prepared,
            java.util.Collection<String> units,
            java.time.Instant at) {
        Map<String, Manifest.Entry> entries = new TreeMap<>();
        // each Kreis report built once for its page and the edition's files
        Map<String, KreisReport> built = new java.util.HashMap<>();
        java.util.function.Function<String, KreisReport> reports =
                ags -> built.computeIfAbsent(ags, prepared::kreisReport);
        for (String unit : units) {
            if (!PreparedEdition.isKreis(unit) && !PreparedEdition.isLand(unit)) {
                continue; // a page per Kreis report and Land overview; the Statusbericht is a PDF only
            }
            String versionId = prepared.provenance(unit, at).versionId();
            byte[] page = page(prepared, unit, versionId, reports);
            String name = pageName(prepared, unit);
            entries.put(
                    publication.relative(name),
                    new Manifest.Entry(publication.write(run, name, out -> copy(page, out)), versionId));
        }
        if (prepared.wholeEdition()) {
            String versionId = provenance(prepared, at).versionId();
            editionFiles(prepared, versionId, reports)
                    .forEach((name, bytes) -> entries.put(
                            publication.relative(name),
                            new Manifest.Entry(publication.write(run, name, out -> copy(bytes, out)), versionId)));
        }
        return entries;
    }

    /**
     * Records the web files of a published run with their report versions: a unit's page beside its PDF, the
     * edition-wide files as the version of the web publication.
     */
    public static void record(PreparedEdition prepared, Map<String, Manifest.Entry> web, java.time.Instant at) {
        String folder = folder(prepared) + "/";
        Map<String, Map<String, String>> byVersion = new TreeMap<>();
        web.forEach((name, entry) -> byVersion
                .computeIfAbsent(entry.versionId(), k -> new TreeMap<>())
                .put(folder + name, entry.sha256()));
        Provenance edition = provenance(prepared, at);
        Map<String, String> editionFiles = byVersion.remove(edition.versionId());
        if (editionFiles != null) {
            String index = folder + INDEX;
            prepared.ledger()
                    .rendered(
                            new Provenance(
                                    edition.versionId(),
                                    edition.edition(),
                                    edition.unit(),
                                    edition.territory(),
                                    edition.computationId(),
                                    edition.inputsSha256(),
                                    edition.appVersion(),
                                    prepared.ledger()
                                            .firstRendered(edition.versionId())
                                            .orElse(at)),
                            prepared.edition().title(),
                            index,
                            editionFiles.get(index),
                            prepared.inputs());
            prepared.ledger().files(edition.versionId(), editionFiles);
        }
        byVersion.forEach(prepared.ledger()::files);
    }

    private static void copy(byte[] bytes, java.io.OutputStream out) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the index page shows. */
    public record Index(
            String editionTitle,
            int periodFrom,
            int periodTo,
            String gebietsstand,
            List<KreisLink> kreise,
            List<LandLink> lands,
            List<MapFigure> maps,
            List<DataLink> data,
            List<String> dataStatus,
            String tableCodes) {

        public record KreisLink(String ags, String name, String page, String pdf) {}

        public record LandLink(String name, String page, String pdf) {}

        public record MapFigure(gg.jte.Content svg, String caption) {}

        public record DataLink(String label, String href, String file) {}
    }

    private static byte[] render(String template, Map<String, Object> parameters) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        ENGINE.render(template, parameters, output);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(output.getContentLength());
        try {
            output.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String css() {
        try (InputStream in = WebPublication.class.getResourceAsStream("seite.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the web pages' style sheet is missing from the application", e);
        }
    }

    /** The version id a web page carries in its {@code <meta name="imon:version">}. */
    public static Optional<String> versionOf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "<meta name=\"imon:version\" content=\"([^\"]{1,40})\">")
                .matcher(html);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
