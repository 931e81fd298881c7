package de.integrationsmonitor.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.function.Supplier;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRVirtualizer;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.fill.JRAbstractLRUVirtualizer;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

/**
 * Turns a {@link KreisReport} into an archival PDF (PDF/A-1b) through the Kreis JRXML templates; plain Java,
 * no Spring.
 *
 * <p>The master template and its sibling subreports ({@code <name>-blick.jrxml}, {@code -handlungsfeld},
 * {@code -reihe}, {@code -jahre}, {@code -vergleich}, {@code -methoden}) are compiled once, in the constructor,
 * and reused for every Kreis. Numbers and dates are formatted here ({@link GermanNumberFormat}) and reach the
 * templates as strings; lists reach them as data sources. The sRGB output intent profile {@code sRGB.icc} lies
 * beside the template. Output is reproducible: the same report and document timestamp give byte-identical PDFs
 * (see {@link ReproduciblePdfExporter}).
 *
 * <p>An instance may be shared between threads: the compiled reports are only read, and every call to
 * {@link #render} builds its own parameters, data sources, virtualizer and exporter.
 */
public final class KreisReportRenderer {

    /**
     * Creation and modification date written into PDFs when the caller supplies none: a fixed instant
     * (the project's build timestamp) rather than the clock, so that re-running an edition reproduces it.
     */
    public static final Instant DEFAULT_DOCUMENT_TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    static final String AUTHOR = "Integrationsmonitor";

    /** The sRGB profile for the PDF/A output intent, expected next to the master template. */
    static final String ICC_PROFILE = "sRGB.icc";

    /** Subreports, by the suffix of their file name after the master's base name. */
    enum Subreport {
        GLANCE("-blick"), SECTION("-handlungsfeld"), SERIES("-reihe"), YEARS("-jahre"),
        COMPARISON("-vergleich"), METHODS("-methoden");

        private final String suffix;

        Subreport(String suffix) {
            this.suffix = suffix;
        }
    }

    /** The office symbols (DOMAIN.md §2.3) and what they mean, for the legend. */
    static final List<String[]> SYMBOLS = List.of(
            new String[] {"-", "nichts vorhanden (genau null) oder Gebiet bestand zu diesem Zeitpunkt nicht"},
            new String[] {"0", "weniger als die Hälfte von 1 in der letzten besetzten Stelle, jedoch mehr als nichts"},
            new String[] {".", "Zahlenwert unbekannt oder geheim zu halten"},
            new String[] {"x", "Tabellenfach gesperrt, weil Aussage nicht sinnvoll"},
            new String[] {"/", "keine Angaben, da Zahlenwert nicht sicher genug"},
            new String[] {"...", "Angabe fällt später an"},
            new String[] {"( )", "Aussagewert eingeschränkt, da der Wert statistisch relativ unsicher ist"},
            new String[] {"p", "vorläufige Zahl"},
            new String[] {"r", "berichtigte Zahl"},
            new String[] {"s", "geschätzte Zahl"},
            new String[] {"e", "endgültige Zahl"},
            new String[] {"¹", "geringe Fallzahl: Wert beruht auf einer kleinen Basis, mit Vorsicht zu interpretieren"});

    static final String SMALL_BASE_SIGN = "¹";

    private final Path templatePath;
    private final Instant documentTimestamp;
    private final Supplier<? extends JRVirtualizer> virtualizers;
    private final byte[] templateDigest;
    private final JasperReport compiledTemplate;
    private final Map<Subreport, JasperReport> subreports;
    private final String iccProfilePath;

    /** Compiles the templates; PDFs carry {@link #DEFAULT_DOCUMENT_TIMESTAMP} as their date. */
    public KreisReportRenderer(Path templatePath) {
        this(templatePath, DEFAULT_DOCUMENT_TIMESTAMP);
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
    public KreisReportRenderer(Path templatePath, Instant documentTimestamp,
                               Supplier<? extends JRVirtualizer> virtualizers) {
        this.templatePath = Objects.requireNonNull(templatePath, "templatePath");
        this.documentTimestamp = Objects.requireNonNull(documentTimestamp, "documentTimestamp");
        this.virtualizers = virtualizers;
        MessageDigest digest = newSha256();
        this.compiledTemplate = compile(templatePath, digest);
        Map<Subreport, JasperReport> compiled = new java.util.EnumMap<>(Subreport.class);
        for (Subreport subreport : Subreport.values()) {
            compiled.put(subreport, compile(sibling(templatePath, subreport.suffix + ".jrxml"), digest));
        }
        this.subreports = java.util.Collections.unmodifiableMap(compiled);
        Path icc = templatePath.toAbsolutePath().resolveSibling(ICC_PROFILE);
        if (!Files.isRegularFile(icc)) {
            throw new ReportTemplateException(icc, ReportTemplateException.Stage.READ,
                    "the sRGB ICC profile for PDF/A must lie next to the template", null);
        }
        try {
            digest.update(Files.readAllBytes(icc));
        } catch (IOException e) {
            throw new ReportTemplateException(icc, ReportTemplateException.Stage.READ,
                    ReportTemplateException.describe(e), e);
        }
        this.iccProfilePath = icc.toString();
        this.templateDigest = digest.digest();
    }

    private static Path sibling(Path master, String suffix) {
        String name = master.getFileName().toString();
        String base = name.endsWith(".jrxml") ? name.substring(0, name.length() - ".jrxml".length()) : name;
        return master.resolveSibling(base + suffix);
    }

    private static JasperReport compile(Path template, MessageDigest digest) {
        byte[] source;
        try {
            source = Files.readAllBytes(template);
        } catch (IOException e) {
            throw new ReportTemplateException(template, ReportTemplateException.Stage.READ,
                    ReportTemplateException.describe(e) + " (working directory " + Path.of("").toAbsolutePath() + ")",
                    e);
        }
        digest.update(source);
        try {
            return JasperCompileManager.compileReport(new ByteArrayInputStream(source));
        } catch (JRException | RuntimeException e) {
            throw new ReportTemplateException(template, ReportTemplateException.Stage.COMPILE,
                    ReportTemplateException.describe(e), e);
        }
    }

    public Path templatePath() {
        return templatePath;
    }

    /**
     * Fills the templates with one Kreis and writes the PDF to {@code out}. The stream is flushed, not closed.
     * Safe to call from several threads at once.
     *
     * @throws ReportTemplateException if filling or exporting fails
     */
    public void render(KreisReport report, OutputStream out) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        JRVirtualizer virtualizer = virtualizers == null ? null : virtualizers.get();
        try {
            JasperPrint filled = fill(report, virtualizer);
            export(filled, report, out);
        } finally {
            if (virtualizer != null) {
                virtualizer.cleanup();
            }
        }
    }

    private JasperPrint fill(KreisReport report, JRVirtualizer virtualizer) {
        Map<String, Object> parameters = parameters(report);
        if (virtualizer != null) {
            parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
        }
        try {
            // one record: the master's detail bands are the chapters
            JasperPrint print = JasperFillManager.fillReport(compiledTemplate, parameters, new JREmptyDataSource(1));
            if (virtualizer instanceof JRAbstractLRUVirtualizer lru) {
                lru.setReadOnly(true); // filling is done; the export only reads the pages back
            }
            return print;
        } catch (JRException | RuntimeException e) {
            throw new ReportTemplateException(templatePath, ReportTemplateException.Stage.FILL,
                    ReportTemplateException.describe(e) + " (Kreis " + report.ags() + ")", e);
        }
    }

    private void export(JasperPrint filled, KreisReport report, OutputStream out) {
        ReproduciblePdfExporter exporter = new ReproduciblePdfExporter(documentTimestamp, documentId(report),
                PdfaConformanceEnum.PDFA_1B);
        exporter.setExporterInput(new SimpleExporterInput(filled));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.setConfiguration(ReproduciblePdfExporter.archival(
                nonNull(report.editionTitle()) + " – " + report.kreisName(), AUTHOR,
                "Integrationsmonitoring " + report.kreisName() + " (AGS " + report.ags() + ", "
                        + nonNull(report.landName()) + "), " + report.periodFrom() + "–" + report.periodTo()
                        + ", Stichtag " + GermanNumberFormat.date(report.referenceDate()),
                String.join(", ", keywords(report)), iccProfilePath));
        try {
            exporter.exportReport();
            out.flush();
        } catch (JRException | IOException | RuntimeException e) {
            throw new ReportTemplateException(templatePath, ReportTemplateException.Stage.EXPORT,
                    ReportTemplateException.describe(e) + " (Kreis " + report.ags() + ")", e);
        }
    }

    private static List<String> keywords(KreisReport report) {
        List<String> keywords = new ArrayList<>(List.of("Integrationsmonitoring", "Integrationsbericht",
                shortName(report.kreisName()), "AGS " + report.ags(), nonNull(report.landName())));
        for (KreisReport.Section section : report.sections()) {
            keywords.add(section.handlungsfeld());
        }
        return keywords.stream().filter(k -> !k.isBlank()).distinct().toList();
    }

    Map<String, Object> parameters(KreisReport report) {
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
        // several indicators share a table; the source line names each once, in first-use order
        parameters.put("TABLE_CODES", String.join(", ", new LinkedHashSet<>(report.tableCodes())));
        parameters.put("REPORT_VERSION_ID", nonNull(report.reportVersionId()));
        parameters.put("INPUTS_SHA256", nonNull(report.inputsSha256()));

        parameters.put("GLANCE_REPORT", subreports.get(Subreport.GLANCE));
        parameters.put("GLANCE_DATA", glance(report.atAGlance()));
        parameters.put("GLANCE_NOTES", glanceNotes(report));
        parameters.put("SECTION_REPORT", subreports.get(Subreport.SECTION));
        parameters.put("SERIES_REPORT", subreports.get(Subreport.SERIES));
        parameters.put("YEARS_REPORT", subreports.get(Subreport.YEARS));
        parameters.put("SECTIONS_DATA", sections(report.sections()));

        KreisReport.SimilarKreise similar = report.similar();
        if (similar == null) {
            similar = KreisReport.SimilarKreise.none("");
        }
        parameters.put("CLUSTER_HEADING", similar.cluster() > 0
                ? "Cluster " + similar.cluster() + ": " + similar.groupLabel() + " (" + similar.size() + " Kreise)"
                : "Keine Zuordnung zu einem Cluster");
        parameters.put("CLUSTER_DESCRIPTION", nonNull(similar.description()));
        parameters.put("CLUSTER_METHOD", nonNull(similar.method()));
        parameters.put("COMPARISON_REPORT", subreports.get(Subreport.COMPARISON));
        parameters.put("COMPARISON_DATA", comparison(similar.comparison()));
        parameters.put("HAS_COMPARISON", !similar.comparison().isEmpty());

        parameters.put("FINDINGS", report.findings().isEmpty() ? "Keine Befunde."
                : bulleted(report.findings()));
        parameters.put("LEGEND_SYMBOLS", String.join("\n", SYMBOLS.stream().map(s -> s[0]).toList()));
        parameters.put("LEGEND_MEANINGS", String.join("\n", SYMBOLS.stream().map(s -> s[1]).toList()));
        List<String> gebietsstand = new ArrayList<>();
        gebietsstand.add("Alle Zeitreihen sind auf den Gebietsstand " + nonNull(report.gebietsstand())
                + " umgerechnet.");
        gebietsstand.addAll(report.gebietsstandNotes());
        parameters.put("GEBIETSSTAND_NOTES", bulleted(gebietsstand));
        parameters.put("METHODS_REPORT", subreports.get(Subreport.METHODS));
        parameters.put("METHODS_DATA", methods(report.methods()));

        // The templates format nothing themselves; locale and zone are fixed so no default of the JVM leaks in.
        parameters.put(JRParameter.REPORT_LOCALE, Locale.GERMANY);
        parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("Europe/Berlin"));
        return parameters;
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
                    + (delivery.fileName() == null || delivery.fileName().isBlank() ? ""
                    : " (" + delivery.fileName() + ")"));
        }
        return String.join("\n", lines);
    }

    private static JRMapCollectionDataSource glance(List<KreisReport.GlanceRow> rows) {
        List<Map<String, ?>> out = new ArrayList<>(rows.size());
        for (KreisReport.GlanceRow glance : rows) {
            IndicatorRow row = glance.row();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("handlungsfeld", glance.handlungsfeld());
            fields.put("label", labelWithUnit(row.label(), row.unit()));
            fields.put("value", GermanNumberFormat.figure(row.kreis(), row.decimals(), row.unit())
                    + (glance.smallBase() ? " " + SMALL_BASE_SIGN : ""));
            fields.put("year", glance.year() > 0 ? Integer.toString(glance.year()) : "");
            // a change is shown to one decimal at least: counts change by "-3,4 %", not "-3 %"
            fields.put("change", glance.change5y() == null ? "" : change(glance.change5y(),
                    Math.max(row.decimals(), 1), glance.changeUnit()));
            fields.put("land", GermanNumberFormat.figure(row.land(), row.decimals(), row.unit()));
            fields.put("germany", GermanNumberFormat.figure(row.germany(), row.decimals(), row.unit()));
            fields.put("rank", nonNull(glance.rank()));
            fields.put("position", nonNull(glance.position()));
            out.add(fields);
        }
        return new JRMapCollectionDataSource(out);
    }

    private static String glanceNotes(KreisReport report) {
        List<String> notes = new ArrayList<>();
        if (report.atAGlance().stream().anyMatch(KreisReport.GlanceRow::smallBase)) {
            notes.add(SMALL_BASE_SIGN + " geringe Fallzahl: Der Wert beruht auf einer kleinen Basis und ist mit "
                    + "Vorsicht zu interpretieren.");
        }
        notes.add("Kreis, Land und Deutschland jeweils für das angegebene Jahr; Veränderung über fünf Jahre "
                + "(Pp. = Prozentpunkte); Rang unter den Kreisen des Landes. "
                + "Zeichen siehe Zeichenerklärung im Kapitel Datenqualität.");
        return String.join("\n", notes);
    }

    /** A change with its sign and unit: {@code +1,2 Pp.}, {@code -3,4 %}; a missing change shows its symbol. */
    static String change(Figure change, int decimals, String unit) {
        if (change.value().isEmpty()) {
            return change.marker();
        }
        BigDecimal rounded = change.value().get().setScale(decimals, RoundingMode.HALF_UP);
        // GermanNumberFormat prints no "+"; a change needs it to read as a change
        String number = (rounded.signum() > 0 ? "+" : "") + GermanNumberFormat.number(change.value().get(), decimals);
        String u = nonNull(unit).strip();
        String withUnit = u.isEmpty() ? number : number + " " + u;
        String marker = change.marker();
        if (marker.equals("()")) {
            return "(" + withUnit + ")";
        }
        return marker.isEmpty() ? withUnit : withUnit + " " + marker;
    }

    private static JRMapCollectionDataSource sections(List<KreisReport.Section> sections) {
        List<Map<String, ?>> out = new ArrayList<>(sections.size());
        for (KreisReport.Section section : sections) {
            List<Map<String, ?>> series = new ArrayList<>(section.series().size());
            for (KreisReport.Series s : section.series()) {
                List<Map<String, ?>> years = new ArrayList<>(s.years().size());
                for (KreisReport.Year year : s.years()) {
                    Map<String, Object> fields = new HashMap<>();
                    fields.put("year", Integer.toString(year.year()));
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
                fields.put("years", years);
                series.add(fields);
            }
            Map<String, Object> fields = new HashMap<>();
            fields.put("handlungsfeld", section.handlungsfeld());
            fields.put("series", series);
            out.add(fields);
        }
        return new JRMapCollectionDataSource(out);
    }

    private static Double chartValue(Figure figure) {
        return figure == null ? null : figure.value().map(BigDecimal::doubleValue).orElse(null);
    }

    private static JRMapCollectionDataSource comparison(List<IndicatorRow> rows) {
        List<Map<String, ?>> out = new ArrayList<>(rows.size());
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
        return new JRMapCollectionDataSource(out);
    }

    private static JRMapCollectionDataSource methods(List<KreisReport.Method> methods) {
        List<Map<String, ?>> out = new ArrayList<>(methods.size());
        for (KreisReport.Method method : methods) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("label", method.label());
            fields.put("context", "Handlungsfeld " + nonNull(method.handlungsfeld())
                    + (nonNull(method.unit()).isBlank() ? "" : " · Einheit: " + method.unit()));
            fields.put("definition", nonNull(method.definition()));
            fields.put("sources", method.sources().isEmpty() ? "–" : String.join(", ", method.sources()));
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

    /** 16 bytes naming this document: same templates, content and timestamp give the same ID. */
    private byte[] documentId(KreisReport report) {
        MessageDigest digest = newSha256();
        digest.update(templateDigest);
        digest.update(report.toString().getBytes(StandardCharsets.UTF_8));
        digest.update(documentTimestamp.toString().getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(digest.digest(), 16);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
