package de.integrationsmonitor.report.pdf;

import de.integrationsmonitor.report.fill.Figure;
import de.integrationsmonitor.report.fill.GermanNumberFormat;
import de.integrationsmonitor.report.fill.LandOverview;
import de.integrationsmonitor.report.fill.LandOverview.IndicatorRanking;
import de.integrationsmonitor.report.fill.LandOverview.RankedKreis;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Turns a {@link LandOverview} into a tagged archival PDF (PDF/A-1a, PDF/UA-1) through the Land overview JRXML
 * template; plain Java, no Spring.
 *
 * <p>The template and its ranking-table subreport ({@code landuebersicht-rangliste.jrxml}, next to the main
 * template) are compiled once, in the constructor, by the {@link ReportCore} every report kind shares. Numbers are
 * formatted here ({@link GermanNumberFormat}) and reach the template as strings; only the bar lengths of the chart
 * get the unrounded values. Output is reproducible: the same overview and document timestamp give byte-identical
 * PDFs (see {@link ReproduciblePdfExporter}). An instance may be shared between threads.
 */
public final class LandOverviewRenderer {

    /** The ranking-table subreport, by its suffix after the main template's base name. */
    static final String RANKING = "-rangliste";

    private final ReportCore core;
    private final MapMaker maps;
    private final Instant documentTimestamp;

    /** Compiles the templates; PDFs carry {@link DocumentMetadata#DEFAULT_TIMESTAMP} as their date. */
    public LandOverviewRenderer(Path templatePath) {
        this(templatePath, DocumentMetadata.DEFAULT_TIMESTAMP);
    }

    /**
     * Compiles the template and its ranking subreport.
     *
     * @param documentTimestamp creation/modification date of every PDF this renderer writes; fixed so that
     *                          output stays reproducible
     * @throws ReportTemplateException if a template cannot be read or compiled
     */
    public LandOverviewRenderer(Path templatePath, Instant documentTimestamp) {
        this.documentTimestamp = Objects.requireNonNull(documentTimestamp, "documentTimestamp");
        this.core = new ReportCore(Objects.requireNonNull(templatePath, "templatePath"), List.of(RANKING), null);
        this.maps = new MapMaker(core);
    }

    public Path templatePath() {
        return core.master();
    }

    /**
     * Fills the template with one Land and writes the PDF to {@code out}. The stream is flushed, not closed.
     *
     * @throws ReportTemplateException if filling or exporting fails
     */
    public void render(LandOverview overview, OutputStream out) {
        render(overview, null, out);
    }

    /**
     * As {@link #render(LandOverview, OutputStream)}, carrying the report version's provenance: its XMP schema,
     * its id and render time on the details page, the render time as the document's date.
     *
     * @param provenance null for none: the renderer's fixed timestamp and the overview's edition version
     */
    public void render(LandOverview overview, Provenance provenance, OutputStream out) {
        Objects.requireNonNull(overview, "overview");
        Objects.requireNonNull(out, "out");
        Map<String, Object> parameters = parameters(overview);
        if (provenance != null) {
            parameters.put("REPORT_VERSION_ID", provenance.versionId());
            parameters.put("RENDERED_AT", provenance.renderedOn());
        }
        core.render(
                parameters,
                indicators(overview),
                metadata(overview, provenance),
                overview + (provenance == null ? "" : "|" + provenance),
                "Land " + overview.landCode(),
                out);
    }

    DocumentMetadata metadata(LandOverview overview) {
        return metadata(overview, null);
    }

    DocumentMetadata metadata(LandOverview overview, Provenance provenance) {
        DocumentMetadata plain = DocumentMetadata.of(
                title(overview),
                overview.editionTitle() + ": Kreise in " + overview.landName() + " (Land " + overview.landCode()
                        + "), Bezugsjahr " + overview.referenceYear() + ", Berichtszeitraum " + period(overview),
                keywords(overview),
                documentTimestamp);
        return provenance == null ? plain : plain.with(provenance);
    }

    static String title(LandOverview overview) {
        return "Landesübersicht " + overview.landName() + " – " + overview.editionTitle();
    }

    private static String period(LandOverview overview) {
        return overview.periodFrom() == overview.periodTo()
                ? Integer.toString(overview.periodFrom())
                : overview.periodFrom() + "–" + overview.periodTo();
    }

    private static List<String> keywords(LandOverview overview) {
        LinkedHashSet<String> words = new LinkedHashSet<>();
        words.add("Integrationsmonitoring");
        words.add(overview.landName());
        for (IndicatorRanking indicator : overview.indicators()) {
            words.add(indicator.handlungsfeld());
        }
        for (IndicatorRanking indicator : overview.indicators()) {
            words.add(indicator.label());
        }
        words.addAll(overview.tableCodes());
        return List.copyOf(words);
    }

    private Map<String, Object> parameters(LandOverview overview) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("TITLE", title(overview));
        parameters.put("EDITION_TITLE", overview.editionTitle());
        parameters.put("LAND_CODE", overview.landCode());
        parameters.put("LAND_NAME", overview.landName());
        parameters.put("REFERENCE_YEAR", Integer.toString(overview.referenceYear()));
        parameters.put("PERIOD", period(overview));
        SourceParameters.put(parameters, templatePath(), overview.tableCodes(), overview.landCode());
        parameters.put("DATA_STATUS", overview.dataStatus());
        parameters.put("REPORT_VERSION_ID", overview.reportVersionId());
        parameters.put(
                "RENDERED_AT",
                GermanNumberFormat.date(
                        documentTimestamp.atZone(java.time.ZoneOffset.UTC).toLocalDate()));
        parameters.put("INPUTS_SHA256", overview.inputsSha256());
        parameters.put("SYNTHETIC", overview.synthetic());
        parameters.put("INDICATOR_COUNT", overview.indicators().size());
        parameters.put(
                "KREISE_COUNT",
                overview.indicators().stream()
                        .mapToInt(indicator -> indicator.kreise().size())
                        .max()
                        .orElse(0));
        parameters.put("TOC_DATA", ReportCore.contents(contents(overview)));
        parameters.put("RANKING_REPORT", core.subreport(RANKING));
        return parameters;
    }

    /** The printed table of contents: one entry per indicator, then the imprint. */
    private List<ReportCore.ContentsEntry> contents(LandOverview overview) {
        List<ReportCore.ContentsEntry> entries = new ArrayList<>();
        for (IndicatorRanking indicator : overview.indicators()) {
            entries.add(new ReportCore.ContentsEntry(
                    indicator.handlungsfeld() + ": " + indicator.label(), 1, indicator.label()));
        }
        entries.add(new ReportCore.ContentsEntry(core.text("land.imprint"), 1, core.text("land.imprint")));
        return entries;
    }

    private JRMapCollectionDataSource indicators(LandOverview overview) {
        List<Map<String, ?>> rows = new ArrayList<>(overview.indicators().size());
        int index = 0;
        for (IndicatorRanking indicator : overview.indicators()) {
            index++;
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("index", index);
            // the anchor name is what the PDF bookmark shows
            fields.put("anchor", indicator.label());
            fields.put("handlungsfeld", indicator.handlungsfeld());
            fields.put("label", indicator.label());
            fields.put("unit", indicator.unit());
            fields.put("direction", indicator.direction());
            fields.put("landValue", display(indicator.landValue(), indicator));
            fields.put("germanyValue", display(indicator.germanyValue(), indicator));
            fields.put(
                    "valueHeader",
                    indicator.unit().isEmpty() || isSignUnit(indicator.unit())
                            ? core.text("land.value")
                            : core.text("land.value.unit", indicator.unit()));
            fields.put(
                    "caption",
                    (indicator.unit().isEmpty() ? "" : core.text("land.caption.unit", indicator.unit()))
                            + core.text(
                                    "land.caption.rest",
                                    indicator.direction(),
                                    Integer.toString(overview.referenceYear())));
            fields.put("kreiseCount", indicator.kreise().size());
            fields.put("smallBaseCount", (int)
                    indicator.kreise().stream().filter(RankedKreis::smallBase).count());
            fields.put("kreise", kreise(indicator));
            fields.put("chartAlt", rankingAlt(overview, indicator));
            MapMaker.Made map = overview.geometry()
                    .map(g -> maps.choropleth(
                            g,
                            overview.landName(),
                            indicator.label(),
                            indicator.kreise().stream()
                                    .map(k -> new MapMaker.Value(k.ags(), k.name(), k.value()))
                                    .toList(),
                            indicator.orientation(),
                            indicator.decimals(),
                            indicator.unit(),
                            null))
                    .orElse(null);
            fields.put("map", map == null ? null : map.map());
            fields.put("mapAlt", map == null ? "" : map.alt());
            fields.put("mapNotes", map == null ? "" : map.notes());
            fields.put("landMarker", chartValue(indicator.landValue()));
            fields.put("landMarkerLabel", overview.landName() + " " + display(indicator.landValue(), indicator));
            fields.put("germanyMarker", chartValue(indicator.germanyValue()));
            fields.put("germanyMarkerLabel", "Deutschland " + display(indicator.germanyValue(), indicator));
            rows.add(fields);
        }
        return new JRMapCollectionDataSource(rows);
    }

    /** One row per Kreis, for both the chart (dataset {@code kreise}) and the ranking subreport. */
    private List<Map<String, Object>> kreise(IndicatorRanking indicator) {
        String sign = core.text("smallBase.sign");
        List<Map<String, Object>> rows = new ArrayList<>(indicator.kreise().size());
        for (RankedKreis kreis : indicator.kreise()) {
            Map<String, Object> fields = new HashMap<>();
            String value = display(kreis.value(), indicator);
            String mark = kreis.smallBase() ? " " + sign : "";
            fields.put("rank", kreis.rank() == 0 ? "–" : kreis.rank() + ".");
            fields.put("ags", kreis.ags());
            fields.put("name", kreis.name());
            fields.put("value", value + mark);
            fields.put("note", kreis.smallBase() ? core.text("land.smallBase") : "");
            fields.put("seriesName", indicator.label());
            fields.put("chartValue", chartValue(kreis.value()));
            fields.put("chartLabel", kreis.value().isPresent() ? value + mark : "");
            rows.add(fields);
        }
        return ReportCore.lastFlagged(rows);
    }

    /** The bar chart in words: every Kreis with its value, best first, then Land and Germany. */
    private String rankingAlt(LandOverview overview, IndicatorRanking indicator) {
        List<String> kreise = new ArrayList<>();
        for (RankedKreis kreis : indicator.kreise()) {
            kreise.add(kreis.name() + " " + display(kreis.value(), indicator));
        }
        return core.text(
                "chart.alt.ranking",
                indicator.label(),
                overview.landName(),
                String.join(", ", kreise),
                overview.landName(),
                display(indicator.landValue(), indicator),
                display(indicator.germanyValue(), indicator));
    }

    private static String display(Figure figure, IndicatorRanking indicator) {
        return GermanNumberFormat.figure(figure, indicator.decimals(), indicator.unit());
    }

    private static boolean isSignUnit(String unit) {
        return unit.equals("%") || unit.equals("‰");
    }

    /** Bar length: the unrounded value; no bar (not zero) when the office withheld it. */
    private static Double chartValue(Figure figure) {
        return figure.value().map(BigDecimal::doubleValue).orElse(null);
    }
}
