package de.integrationsmonitor.report.pdf;

import de.integrationsmonitor.goal.Assessment;
import de.integrationsmonitor.goal.Goal;
import de.integrationsmonitor.report.edition.AuthorTexts;
import de.integrationsmonitor.report.fill.Figure;
import de.integrationsmonitor.report.fill.GermanNumberFormat;
import de.integrationsmonitor.report.fill.IndicatorRow;
import de.integrationsmonitor.report.fill.KreisReport;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRVirtualizer;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Turns a {@link KreisReport} into a tagged archival PDF (PDF/A-1a, PDF/UA-1) through the Kreis JRXML templates;
 * plain Java, no Spring.
 *
 * <p>The master template and its sibling subreports ({@code <name>-blick.jrxml}, {@code -handlungsfeld},
 * {@code -reihe}, {@code -jahre}, {@code -text}, {@code -vergleich}, {@code -methoden}) are compiled once, in the
 * constructor, by the {@link ReportCore} every report kind shares, and reused for every Kreis. Numbers and dates are
 * formatted here ({@link GermanNumberFormat}) and reach the templates as strings; lists reach them as data sources;
 * the wording comes from the templates' {@code berichte.properties}. Output is reproducible: the same report and
 * document timestamp give byte-identical PDFs (see {@link ReproduciblePdfExporter}).
 *
 * <p>An instance may be shared between threads: every call to {@link #render} builds its own parameters and data
 * sources, and the core its own virtualizer and exporter.
 */
public final class KreisReportRenderer {

    /** Subreports, by the suffix of their file name after the master's base name. */
    static final List<String> SUBREPORTS = List.of(
            "-blick",
            "-handlungsfeld",
            "-reihe",
            "-jahre",
            "-text",
            "-vergleich",
            "-methoden",
            "-ziele",
            "-massnahmen");

    private final ReportCore core;
    private final MapMaker maps;
    private final Instant documentTimestamp;

    /** Compiles the templates; PDFs carry {@link DocumentMetadata#DEFAULT_TIMESTAMP} as their date. */
    public KreisReportRenderer(Path templatePath) {
        this(templatePath, DocumentMetadata.DEFAULT_TIMESTAMP);
    }

    /**
     * Compiles the templates.
     *
     * @param documentTimestamp creation/modification date of every PDF this renderer writes, e.g. the
     *                          date of the edition run; fixed so that output stays reproducible
     * @throws ReportTemplateException if a template cannot be read or compiled
     */
    public KreisReportRenderer(Path templatePath, Instant documentTimestamp) {
        this(templatePath, documentTimestamp, null);
    }

    /**
     * Compiles the templates; every render gets a fresh virtualizer from {@code virtualizers} (e.g.
     * {@code () -> new JRSwapFileVirtualizer(50, new JRSwapFile(dir, 4096, 256), true)}), which pages filled
     * content out of memory for large reports and is cleaned up after the export.
     *
     * @param virtualizers null for none: the filled report stays in memory
     */
    public KreisReportRenderer(
            Path templatePath, Instant documentTimestamp, Supplier<? extends JRVirtualizer> virtualizers) {
        this.documentTimestamp = Objects.requireNonNull(documentTimestamp, "documentTimestamp");
        this.core = new ReportCore(Objects.requireNonNull(templatePath, "templatePath"), SUBREPORTS, virtualizers);
        this.maps = new MapMaker(core);
    }

    public Path templatePath() {
        return core.master();
    }

    public ReportCore core() {
        return core;
    }

    /**
     * Fills the templates with one Kreis and writes the PDF to {@code out}. The stream is flushed, not closed.
     * Safe to call from several threads at once.
     *
     * @throws ReportTemplateException if filling or exporting fails
     */
    public void render(KreisReport report, OutputStream out) {
        render(report, null, out);
    }

    /**
     * As {@link #render(KreisReport, OutputStream)}, carrying the report version's provenance: its XMP schema, its
     * id and render time in the colophon and the methods annex, the render time as the document's date.
     *
     * @param provenance null for none: the renderer's fixed timestamp and the report's edition version
     */
    public void render(KreisReport report, Provenance provenance, OutputStream out) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        Map<String, Object> parameters = parameters(report);
        if (provenance != null) {
            parameters.put("REPORT_VERSION_ID", provenance.versionId());
            parameters.put("RENDERED_AT", provenance.renderedOn());
        }
        // one record: the master's detail bands are the chapters
        core.render(
                parameters,
                new JREmptyDataSource(1),
                metadata(report, provenance),
                report + (provenance == null ? "" : "|" + provenance),
                "Kreis " + report.ags(),
                out);
    }

    DocumentMetadata metadata(KreisReport report) {
        return metadata(report, null);
    }

    DocumentMetadata metadata(KreisReport report, Provenance provenance) {
        DocumentMetadata plain = DocumentMetadata.of(
                nonNull(report.editionTitle()) + " – " + report.kreisName(),
                "Integrationsmonitoring " + report.kreisName() + " (AGS " + report.ags() + ", "
                        + nonNull(report.landName()) + "), " + report.periodFrom() + "–" + report.periodTo()
                        + ", Stichtag " + GermanNumberFormat.date(report.referenceDate()),
                keywords(report),
                documentTimestamp);
        return provenance == null ? plain : plain.with(provenance);
    }

    private static List<String> keywords(KreisReport report) {
        List<String> keywords = new ArrayList<>(List.of(
                "Integrationsmonitoring",
                "Integrationsbericht",
                shortName(report.kreisName()),
                "AGS " + report.ags(),
                nonNull(report.landName())));
        for (KreisReport.Section section : report.sections()) {
            keywords.add(section.handlungsfeld());
        }
        return keywords.stream().filter(k -> !k.isBlank()).distinct().toList();
    }

    public Map<String, Object> parameters(KreisReport report) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("KREIS_NAME", report.kreisName());
        parameters.put("KREIS_LABEL", shortName(report.kreisName()));
        parameters.put("AGS", report.ags());
        parameters.put("KIND", nonNull(report.kindLabel()));
        parameters.put("LAND_NAME", nonNull(report.landName()));
        parameters.put("EDITION_TITLE", nonNull(report.editionTitle()));
        parameters.put("PERIOD", report.periodFrom() + "–" + report.periodTo());
        parameters.put("REFERENCE_DATE", GermanNumberFormat.date(report.referenceDate()));
        parameters.put("GEBIETSSTAND", nonNull(report.gebietsstand()));
        parameters.put("DATA_STATUS", dataStatus(report.dataStatus()));
        parameters.put("SYNTHETIC", report.synthetic());
        SourceParameters.put(
                parameters, templatePath(), report.tableCodes(), report.ags().substring(0, 2));
        parameters.put("REPORT_VERSION_ID", nonNull(report.reportVersionId()));
        parameters.put(
                "RENDERED_AT",
                GermanNumberFormat.date(
                        documentTimestamp.atZone(java.time.ZoneOffset.UTC).toLocalDate()));
        parameters.put("INPUTS_SHA256", nonNull(report.inputsSha256()));
        parameters.put("TOC_DATA", ReportCore.contents(contents(report)));
        MapMaker.Made locator = report.geometry()
                .map(g -> maps.locator(g, nonNull(report.landName()), report.ags(), report.kreisName()))
                .orElse(null);
        parameters.put("LOCATOR_MAP", locator == null ? null : locator.map());
        parameters.put("LOCATOR_ALT", locator == null ? "" : locator.alt());

        parameters.put("TEXT_REPORT", core.subreport("-text"));
        parameters.put("HAS_INTRO", !report.introduction().isEmpty());
        parameters.put("INTRO_DATA", new JRMapCollectionDataSource(new ArrayList<>(textRows(report.introduction()))));
        parameters.put("GLANCE_REPORT", core.subreport("-blick"));
        parameters.put("GLANCE_DATA", glance(report.atAGlance()));
        parameters.put("GLANCE_NOTES", glanceNotes(report));
        parameters.put("SECTION_REPORT", core.subreport("-handlungsfeld"));
        parameters.put("SERIES_REPORT", core.subreport("-reihe"));
        parameters.put("YEARS_REPORT", core.subreport("-jahre"));
        parameters.put("SECTIONS_DATA", sections(report));
        parameters.put("GOALS_REPORT", core.subreport("-ziele"));
        parameters.put("MEASURES_REPORT", core.subreport("-massnahmen"));

        KreisReport.SimilarKreise similar = report.similar();
        if (similar == null) {
            similar = KreisReport.SimilarKreise.none("");
        }
        parameters.put(
                "CLUSTER_HEADING",
                similar.cluster() > 0
                        ? core.text(
                                "kreis.cluster.heading",
                                Integer.toString(similar.cluster()),
                                similar.groupLabel(),
                                Integer.toString(similar.size()))
                        : core.text("kreis.cluster.none"));
        parameters.put("CLUSTER_DESCRIPTION", nonNull(similar.description()));
        parameters.put("CLUSTER_METHOD", nonNull(similar.method()));
        parameters.put("COMPARISON_REPORT", core.subreport("-vergleich"));
        parameters.put("COMPARISON_DATA", comparison(similar.comparison()));
        parameters.put("HAS_COMPARISON", !similar.comparison().isEmpty());

        parameters.put(
                "FINDINGS",
                report.findings().isEmpty() ? core.text("kreis.quality.none") : bulleted(report.findings()));
        List<String> gebietsstand = new ArrayList<>();
        gebietsstand.add(core.text("kreis.quality.gebietsstand.all", nonNull(report.gebietsstand())));
        gebietsstand.addAll(report.gebietsstandNotes());
        parameters.put("GEBIETSSTAND_NOTES", bulleted(gebietsstand));
        parameters.put("METHODS_REPORT", core.subreport("-methoden"));
        parameters.put("METHODS_DATA", methods(report.methods()));
        return parameters;
    }

    /** The printed table of contents: the chapters, and under the development chapter each Handlungsfeld. */
    private List<ReportCore.ContentsEntry> contents(KreisReport report) {
        List<ReportCore.ContentsEntry> entries = new ArrayList<>();
        if (!report.introduction().isEmpty()) {
            entries.add(new ReportCore.ContentsEntry(
                    core.text("kreis.chapter.intro"), 1, core.text("kreis.chapter.intro")));
        }
        for (String key : List.of("kreis.chapter.glance", "kreis.chapter.fields")) {
            entries.add(new ReportCore.ContentsEntry(core.text(key), 1, core.text(key)));
        }
        for (KreisReport.Section section : report.sections()) {
            entries.add(new ReportCore.ContentsEntry(section.handlungsfeld(), 2, section.handlungsfeld()));
        }
        for (String key : List.of("kreis.chapter.similar", "kreis.chapter.quality", "kreis.chapter.methods")) {
            entries.add(new ReportCore.ContentsEntry(core.text(key), 1, core.text(key)));
        }
        return entries;
    }

    private static String dataStatus(List<KreisReport.DeliveryStatus> deliveries) {
        if (deliveries.isEmpty()) {
            return "keine Angaben";
        }
        List<String> lines = new ArrayList<>();
        for (KreisReport.DeliveryStatus delivery : deliveries) {
            String stand = nonNull(delivery.stand());
            lines.add("Tabelle " + delivery.tableCode() + ": "
                    + (stand.startsWith("Stand") ? stand : "Stand " + stand)
                    + (delivery.fileName() == null || delivery.fileName().isBlank()
                            ? ""
                            : " (" + delivery.fileName() + ")"));
        }
        return String.join("\n", lines);
    }

    private JRMapCollectionDataSource glance(List<KreisReport.GlanceRow> rows) {
        List<Map<String, ?>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            KreisReport.GlanceRow glance = rows.get(i);
            IndicatorRow row = glance.row();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("handlungsfeld", glance.handlungsfeld());
            fields.put("label", labelWithUnit(row.label(), row.unit()));
            fields.put(
                    "value",
                    GermanNumberFormat.figure(row.kreis(), row.decimals(), row.unit())
                            + (glance.smallBase() ? " " + core.text("smallBase.sign") : ""));
            fields.put("year", glance.year() > 0 ? Integer.toString(glance.year()) : "");
            // a change is shown to one decimal at least: counts change by "-3,4 %", not "-3 %"
            fields.put(
                    "change",
                    glance.change5y() == null
                            ? ""
                            : change(glance.change5y(), Math.max(row.decimals(), 1), glance.changeUnit()));
            fields.put("land", GermanNumberFormat.figure(row.land(), row.decimals(), row.unit()));
            fields.put("germany", GermanNumberFormat.figure(row.germany(), row.decimals(), row.unit()));
            fields.put("rank", nonNull(glance.rank()));
            fields.put("position", nonNull(glance.position()));
            // the table of a Handlungsfeld ends with its last indicator
            fields.put(
                    "last",
                    i == rows.size() - 1 || !rows.get(i + 1).handlungsfeld().equals(glance.handlungsfeld()));
            out.add(fields);
        }
        return new JRMapCollectionDataSource(out);
    }

    private String glanceNotes(KreisReport report) {
        List<String> notes = new ArrayList<>();
        if (report.atAGlance().stream().anyMatch(KreisReport.GlanceRow::smallBase)) {
            notes.add(core.text("smallBase.sign") + " " + core.text("smallBase.meaning"));
        }
        notes.add(core.text("kreis.glance.note"));
        return String.join("\n", notes);
    }

    /** A change with its sign and unit: {@code +1,2 Pp.}, {@code -3,4 %}; a missing change shows its symbol. */
    public static String change(Figure change, int decimals, String unit) {
        if (change.value().isEmpty()) {
            return change.marker();
        }
        BigDecimal rounded = change.value().get().setScale(decimals, RoundingMode.HALF_UP);
        // GermanNumberFormat prints no "+"; a change needs it to read as a change
        String number = (rounded.signum() > 0 ? "+" : "")
                + GermanNumberFormat.number(change.value().get(), decimals);
        String u = nonNull(unit).strip();
        String withUnit = u.isEmpty() ? number : number + " " + u;
        String marker = change.marker();
        if (marker.equals("()")) {
            return "(" + withUnit + ")";
        }
        return marker.isEmpty() ? withUnit : withUnit + " " + marker;
    }

    private JRMapCollectionDataSource sections(KreisReport report) {
        String kreis = shortName(report.kreisName());
        List<Map<String, ?>> out = new ArrayList<>(report.sections().size());
        for (KreisReport.Section section : report.sections()) {
            List<Map<String, ?>> series = new ArrayList<>(section.series().size());
            for (KreisReport.Series s : section.series()) {
                Map<String, Object> fields = series(s, kreis, nonNull(report.landName()), report);
                section.goals().stream()
                        .filter(g -> g.label().equals(s.label()))
                        .findFirst()
                        .ifPresent(goal -> target(fields, goal, s));
                series.add(fields);
            }
            Map<String, Object> fields = new HashMap<>();
            fields.put("handlungsfeld", section.handlungsfeld());
            fields.put("series", series);
            fields.put("assessment", textRows(section.assessment()));
            fields.put("goals", goalRows(section.goals()));
            fields.put("measures", measureRows(section.measures()));
            out.add(fields);
        }
        return new JRMapCollectionDataSource(out);
    }

    /** The goals of a section as rows of the goals table: each value with its year, the target, the assessment. */
    private List<Map<String, Object>> goalRows(List<KreisReport.GoalRow> goals) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (KreisReport.GoalRow goal : goals) {
            Map<String, Object> row = new HashMap<>();
            row.put("label", labelWithUnit(goal.label(), goal.unit()));
            row.put(
                    "baseline",
                    GermanNumberFormat.figure(goal.baseline(), goal.decimals(), goal.unit()) + " ("
                            + goal.baselineYear() + ")");
            row.put(
                    "latest",
                    GermanNumberFormat.figure(goal.latest(), goal.decimals(), goal.unit()) + " (" + goal.latestYear()
                            + ")");
            String target = core.text(
                    "kreis.goals.targetBy",
                    GermanNumberFormat.figure(Figure.of(goal.target()), goal.decimals(), goal.unit()),
                    Integer.toString(goal.targetYear()));
            row.put(
                    "target",
                    goal.corridor()
                            .map(c -> target + " "
                                    + core.text("kreis.goals.corridor", GermanNumberFormat.number(c, goal.decimals())))
                            .orElse(target));
            row.put("state", core.text("goal.state." + goal.state().name()));
            rows.add(row);
        }
        return ReportCore.lastFlagged(rows);
    }

    /** The measures of a section: heading line, the facts in one line, the authors' text. */
    private List<Map<String, Object>> measureRows(List<KreisReport.MeasureRow> measures) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (KreisReport.MeasureRow measure : measures) {
            Map<String, Object> row = new HashMap<>();
            row.put("title", measure.id() + " " + measure.title());
            row.put(
                    "facts",
                    core.text(
                            "kreis.measures.facts",
                            measure.status().word(),
                            measure.traeger(),
                            measure.period(),
                            String.join(", ", measure.indicators())));
            row.put("text", textRows(measure.text()));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Marks a goal in its indicator's chart: the linear path from the baseline to the target (only the target where
     * the Kreis's territory changed since the baseline), the years up to the target year added to the axis.
     */
    private void target(Map<String, Object> fields, KreisReport.GoalRow goal, KreisReport.Series s) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> years = (List<Map<String, Object>>) fields.get("years");
        List<Map<String, Object>> chart = new ArrayList<>();
        boolean path = goal.state() != Assessment.State.NOT_COMPARABLE
                && goal.baseline().value().isPresent();
        int last = s.years().isEmpty()
                ? goal.targetYear()
                : s.years().get(s.years().size() - 1).year();
        for (int i = 0; i < years.size(); i++) {
            Map<String, Object> year = new HashMap<>(years.get(i));
            year.put("targetValue", targetValue(goal, s.years().get(i).year(), path));
            chart.add(year);
        }
        for (int year = last + 1; year <= goal.targetYear(); year++) {
            Map<String, Object> extra = new HashMap<>();
            extra.put("category", Integer.toString(year));
            extra.put("targetValue", targetValue(goal, year, path));
            chart.add(extra);
        }
        fields.put("chartYears", chart);
        fields.put("hasTarget", !s.years().isEmpty() && s.years().size() > 1);
        fields.put(
                "chartAlt",
                fields.get("chartAlt") + " "
                        + core.text(
                                "kreis.goals.chartAlt",
                                GermanNumberFormat.figure(Figure.of(goal.target()), goal.decimals(), goal.unit()),
                                Integer.toString(goal.targetYear()),
                                Integer.toString(goal.baselineYear())));
    }

    private static Double targetValue(KreisReport.GoalRow goal, int year, boolean path) {
        if (year == goal.targetYear()) {
            return goal.target().doubleValue();
        }
        if (!path || year < goal.baselineYear() || year > goal.targetYear()) {
            return null;
        }
        return Assessment.onPath(
                        new Goal(
                                "",
                                java.util.Optional.empty(),
                                goal.baselineYear(),
                                goal.target(),
                                goal.targetYear(),
                                java.util.Optional.empty(),
                                0),
                        goal.baseline().value().get(),
                        year)
                .doubleValue();
    }

    /** The authors' blocks as rows of the text subreport, each list marked where it starts and ends. */
    public static List<Map<String, Object>> textRows(List<AuthorTexts.Block> blocks) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> list = new ArrayList<>();
        for (AuthorTexts.Block block : blocks) {
            Map<String, Object> row = new HashMap<>();
            row.put("kind", block.kind());
            row.put("label", block.label());
            row.put("text", block.markup());
            row.put("listStart", null);
            row.put("listEnd", null);
            if (block.kind().equals("li")) {
                list.add(row);
            } else {
                ReportCore.listFlagged(list);
                list = new ArrayList<>();
            }
            rows.add(row);
        }
        ReportCore.listFlagged(list);
        return rows;
    }

    /** One indicator: its years for chart and table, the bars of a one-year series, and the figure's words. */
    private Map<String, Object> series(KreisReport.Series s, String kreis, String land, KreisReport report) {
        String rebuilt = core.text("report.rebuilt.sign");
        List<Map<String, Object>> years = new ArrayList<>(s.years().size());
        boolean anyRebuilt = false;
        for (KreisReport.Year year : s.years()) {
            boolean isRebuilt = !nonNull(year.note()).isBlank();
            anyRebuilt |= isRebuilt;
            String label = year.year() + (isRebuilt ? rebuilt : "");
            Map<String, Object> fields = new HashMap<>();
            fields.put("year", label);
            fields.put("category", label);
            fields.put("kreis", GermanNumberFormat.figure(year.kreis(), s.decimals(), s.unit()));
            fields.put("land", GermanNumberFormat.figure(year.land(), s.decimals(), s.unit()));
            fields.put("germany", GermanNumberFormat.figure(year.germany(), s.decimals(), s.unit()));
            fields.put("note", nonNull(year.note()));
            // the chart: null leaves a gap where the office withheld the value
            fields.put("kreisValue", chartValue(year.kreis()));
            fields.put("landValue", chartValue(year.land()));
            fields.put("germanyValue", chartValue(year.germany()));
            years.add(fields);
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put("label", s.label());
        fields.put("unitLabel", nonNull(s.unit()));
        fields.put("years", ReportCore.lastFlagged(years));
        boolean single = s.years().size() == 1;
        fields.put("singleYear", single);
        List<Map<String, Object>> bars = new ArrayList<>();
        if (single) {
            KreisReport.Year only = s.years().get(0);
            String category = only.year() + (anyRebuilt ? rebuilt : "");
            bars.add(bar(kreis, category, only.kreis()));
            bars.add(bar(land, category, only.land()));
            bars.add(bar("Deutschland", category, only.germany()));
        }
        fields.put("bars", bars);
        fields.put("chartYears", years);
        fields.put("hasTarget", false);
        fields.put("chartAlt", chartAlt(s, kreis, land));
        fields.put("rebuiltNote", anyRebuilt ? rebuilt + " " + core.text("report.rebuilt.meaning") : "");
        MapMaker.Made map = s.landValues().isEmpty()
                ? null
                : report.geometry()
                        .map(g -> maps.choropleth(
                                g,
                                land,
                                s.label() + " " + s.mapYear(),
                                s.landValues().stream()
                                        .map(v -> new MapMaker.Value(v.ags(), v.name(), v.value()))
                                        .toList(),
                                s.direction(),
                                s.decimals(),
                                s.unit(),
                                report.ags()))
                        .orElse(null);
        fields.put("map", map == null ? null : map.map());
        fields.put("mapAlt", map == null ? "" : map.alt());
        fields.put(
                "mapCaption",
                map == null ? "" : core.text("kreis.map.caption", s.label() + " " + s.mapYear(), land, kreis));
        fields.put("mapNotes", map == null ? "" : map.notes());
        return fields;
    }

    private static Map<String, Object> bar(String name, String category, Figure value) {
        Map<String, Object> bar = new HashMap<>();
        bar.put("name", name);
        bar.put("category", category);
        bar.put("value", chartValue(value));
        return bar;
    }

    /**
     * What a chart shows, in words and numbers, for readers who cannot see it: "Ausländeranteil 2011–2015:
     * Dessau-Roßlau von 2,2 % auf 4,1 %, Sachsen-Anhalt von 1,9 % auf 3,5 %, Deutschland von 8,5 % auf 11,2 %."
     */
    String chartAlt(KreisReport.Series s, String kreis, String land) {
        return chartAlt(core::text, s, kreis, land);
    }

    /** As {@link #chartAlt(KreisReport.Series, String, String)}, in a wording read elsewhere (the web pages). */
    public static String chartAlt(MapMaker.Wording core, KreisReport.Series s, String kreis, String land) {
        KreisReport.Year first = s.years().get(0);
        KreisReport.Year last = s.years().get(s.years().size() - 1);
        if (s.years().size() == 1) {
            return core.text(
                    "chart.alt.bar",
                    s.label(),
                    Integer.toString(first.year()),
                    kreis,
                    show(first.kreis(), s),
                    land,
                    show(first.land(), s),
                    show(first.germany(), s));
        }
        return core.text(
                "chart.alt.line",
                s.label(),
                first.year() + "–" + last.year(),
                kreis,
                show(first.kreis(), s),
                show(last.kreis(), s),
                land,
                show(first.land(), s),
                show(last.land(), s),
                show(first.germany(), s),
                show(last.germany(), s));
    }

    private static String show(Figure figure, KreisReport.Series s) {
        return GermanNumberFormat.figure(figure, s.decimals(), s.unit());
    }

    private static Double chartValue(Figure figure) {
        return figure == null
                ? null
                : figure.value().map(BigDecimal::doubleValue).orElse(null);
    }

    private static JRMapCollectionDataSource comparison(List<IndicatorRow> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (IndicatorRow row : rows) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("label", row.label());
            fields.put("kreis", GermanNumberFormat.figure(row.kreis(), row.decimals(), row.unit()));
            // in the comparison the IndicatorRow's "land" column holds the cluster mean
            fields.put("cluster", GermanNumberFormat.figure(row.land(), row.decimals(), row.unit()));
            fields.put("germany", GermanNumberFormat.figure(row.germany(), row.decimals(), row.unit()));
            fields.put("unit", row.unit());
            out.add(fields);
        }
        return new JRMapCollectionDataSource(new ArrayList<>(ReportCore.lastFlagged(out)));
    }

    private JRMapCollectionDataSource methods(List<KreisReport.Method> methods) {
        List<Map<String, ?>> out = new ArrayList<>(methods.size());
        for (KreisReport.Method method : methods) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("label", method.label());
            fields.put(
                    "context",
                    core.text("kreis.methods.context", nonNull(method.handlungsfeld()))
                            + (nonNull(method.unit()).isBlank()
                                    ? ""
                                    : " · " + core.text("kreis.methods.unit", method.unit())));
            fields.put("definition", nonNull(method.definition()));
            fields.put(
                    "sources",
                    core.text(
                            "kreis.methods.tables",
                            method.sources().isEmpty() ? "–" : String.join(", ", method.sources())));
            out.add(fields);
        }
        return new JRMapCollectionDataSource(out);
    }

    private static String labelWithUnit(String label, String unit) {
        String u = nonNull(unit).strip();
        if (u.isEmpty() || u.equals("%") || u.equals("‰") || u.equals("Anzahl") || label.contains(u)) {
            return label;
        }
        return label + " (" + u + ")";
    }

    /** "Dessau-Roßlau, kreisfreie Stadt" → "Dessau-Roßlau", for the chart legend. */
    private static String shortName(String kreisName) {
        int comma = kreisName.indexOf(',');
        return comma > 0 ? kreisName.substring(0, comma) : kreisName;
    }

    private static String bulleted(List<String> lines) {
        return String.join("\n", lines.stream().map(l -> "• " + l).toList());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
