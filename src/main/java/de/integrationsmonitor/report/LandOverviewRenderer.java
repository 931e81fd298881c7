package de.integrationsmonitor.report;

import de.integrationsmonitor.report.LandOverview.IndicatorRanking;
import de.integrationsmonitor.report.LandOverview.RankedKreis;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
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
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;

/**
 * Turns a {@link LandOverview} into a PDF through the Land overview JRXML template; plain Java, no Spring.
 *
 * <p>The template and its ranking-table subreport ({@value #RANKING_TEMPLATE}, next to the main template) are
 * compiled once, in the constructor. Numbers are formatted here ({@link GermanNumberFormat}) and reach the
 * template as strings; only the bar lengths of the chart get the unrounded values. Output is reproducible:
 * the same overview and document timestamp give byte-identical PDFs (see {@link ReproduciblePdfExporter}).
 * An instance may be shared between threads: filling and exporting keep their state per call.
 */
public final class LandOverviewRenderer {

    /** File name of the ranking-table subreport, looked up in the directory of the main template. */
    public static final String RANKING_TEMPLATE = "landuebersicht-rangliste.jrxml";

    /**
     * Creation and modification date written into PDFs when the caller supplies none: a fixed instant
     * (the project's build timestamp, as for the Kreis reports) rather than the clock.
     */
    public static final Instant DEFAULT_DOCUMENT_TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    static final String AUTHOR = "Integrationsmonitor";

    /** Marks a value from a small base, in the table, the bar label and the legend. */
    static final String SMALL_BASE_MARK = "*";

    private final Path templatePath;
    private final Path rankingTemplatePath;
    private final Instant documentTimestamp;
    private final byte[] templateDigest;
    private final JasperReport compiledTemplate;
    private final JasperReport compiledRankingTemplate;

    /** Compiles the templates; PDFs carry {@link #DEFAULT_DOCUMENT_TIMESTAMP} as their date. */
    public LandOverviewRenderer(Path templatePath) {
        this(templatePath, DEFAULT_DOCUMENT_TIMESTAMP);
    }

    /**
     * Compiles the template and its ranking subreport.
     *
     * @param documentTimestamp creation/modification date of every PDF this renderer writes; fixed so that
     *                          output stays reproducible
     * @throws ReportTemplateException if a template cannot be read or compiled
     */
    public LandOverviewRenderer(Path templatePath, Instant documentTimestamp) {
        this.templatePath = Objects.requireNonNull(templatePath, "templatePath");
        this.documentTimestamp = Objects.requireNonNull(documentTimestamp, "documentTimestamp");
        Path directory = templatePath.toAbsolutePath().getParent();
        this.rankingTemplatePath = directory.resolve(RANKING_TEMPLATE);
        byte[] source = read(templatePath);
        byte[] rankingSource = read(rankingTemplatePath);
        MessageDigest digest = newSha256();
        digest.update(source);
        digest.update(rankingSource);
        this.templateDigest = digest.digest();
        this.compiledTemplate = compile(templatePath, source);
        this.compiledRankingTemplate = compile(rankingTemplatePath, rankingSource);
    }

    public Path templatePath() {
        return templatePath;
    }

    /**
     * Fills the template with one Land and writes the PDF to {@code out}. The stream is flushed, not closed.
     *
     * @throws ReportTemplateException if filling or exporting fails
     */
    public void render(LandOverview overview, OutputStream out) {
        Objects.requireNonNull(overview, "overview");
        Objects.requireNonNull(out, "out");
        export(fill(overview), overview, out);
    }

    JasperPrint fill(LandOverview overview) {
        try {
            return JasperFillManager.fillReport(compiledTemplate, parameters(overview), indicators(overview));
        } catch (JRException | RuntimeException e) {
            throw new ReportTemplateException(templatePath, ReportTemplateException.Stage.FILL,
                    ReportTemplateException.describe(e) + " (Land " + overview.landCode() + ")", e);
        }
    }

    private void export(JasperPrint filled, LandOverview overview, OutputStream out) {
        // PDF/A-1b like the Kreis reports: the sRGB output intent lies next to the templates
        ReproduciblePdfExporter exporter = new ReproduciblePdfExporter(documentTimestamp, documentId(overview),
                net.sf.jasperreports.pdf.type.PdfaConformanceEnum.PDFA_1B);
        exporter.setExporterInput(new SimpleExporterInput(filled));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.setConfiguration(ReproduciblePdfExporter.archival(title(overview), AUTHOR,
                overview.editionTitle() + ": Kreise in " + overview.landName() + " (Land " + overview.landCode()
                        + "), Bezugsjahr " + overview.referenceYear() + ", Berichtszeitraum " + period(overview),
                keywords(overview), templatePath.resolveSibling("sRGB.icc").toString()));
        try {
            exporter.exportReport();
            out.flush();
        } catch (JRException | IOException | RuntimeException e) {
            throw new ReportTemplateException(templatePath, ReportTemplateException.Stage.EXPORT,
                    ReportTemplateException.describe(e) + " (Land " + overview.landCode() + ")", e);
        }
    }

    static String title(LandOverview overview) {
        return "Landesübersicht " + overview.landName() + " – " + overview.editionTitle();
    }

    private static String period(LandOverview overview) {
        return overview.periodFrom() == overview.periodTo()
                ? Integer.toString(overview.periodFrom())
                : overview.periodFrom() + "–" + overview.periodTo();
    }

    private static String keywords(LandOverview overview) {
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
        return String.join(", ", words);
    }

    private Map<String, Object> parameters(LandOverview overview) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("EDITION_TITLE", overview.editionTitle());
        parameters.put("LAND_CODE", overview.landCode());
        parameters.put("LAND_NAME", overview.landName());
        parameters.put("REFERENCE_YEAR", Integer.toString(overview.referenceYear()));
        parameters.put("PERIOD", period(overview));
        // several indicators share a table; the source line names each once, in first-use order
        parameters.put("TABLE_CODES", String.join(", ", new LinkedHashSet<>(overview.tableCodes())));
        parameters.put("DATA_STATUS", overview.dataStatus());
        parameters.put("REPORT_VERSION_ID", overview.reportVersionId());
        parameters.put("INPUTS_SHA256", overview.inputsSha256());
        parameters.put("SYNTHETIC", overview.synthetic());
        parameters.put("INDICATOR_COUNT", overview.indicators().size());
        parameters.put("KREISE_COUNT", overview.indicators().stream()
                .mapToInt(indicator -> indicator.kreise().size()).max().orElse(0));
        parameters.put("CONTENTS", contents(overview));
        parameters.put("RANKING_REPORT", compiledRankingTemplate);
        // The template formats nothing itself; locale and zone are fixed so no default of the JVM leaks in
        // (the chart's value axis takes its decimal comma from the report locale).
        parameters.put(JRParameter.REPORT_LOCALE, Locale.GERMANY);
        parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("Europe/Berlin"));
        return parameters;
    }

    /** The title page's list of indicators, one line each,. */
    private static String contents(LandOverview overview) {
        List<String> lines = new ArrayList<>();
        for (IndicatorRanking indicator : overview.indicators()) {
            lines.add(indicator.handlungsfeld() + ": " + indicator.label());
        }
        return lines.isEmpty() ? "keine Indikatoren" : String.join("\n", lines);
    }

    private static JRMapCollectionDataSource indicators(LandOverview overview) {
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
            fields.put("valueHeader", indicator.unit().isEmpty() || isSignUnit(indicator.unit())
                    ? "Wert" : "Wert (" + indicator.unit() + ")");
            fields.put("kreiseCount", indicator.kreise().size());
            fields.put("smallBaseCount", (int) indicator.kreise().stream().filter(RankedKreis::smallBase).count());
            fields.put("kreise", kreise(indicator));
            fields.put("landMarker", chartValue(indicator.landValue()));
            fields.put("landMarkerLabel", overview.landName() + " " + display(indicator.landValue(), indicator));
            fields.put("germanyMarker", chartValue(indicator.germanyValue()));
            fields.put("germanyMarkerLabel", "Deutschland " + display(indicator.germanyValue(), indicator));
            rows.add(fields);
        }
        return new JRMapCollectionDataSource(rows);
    }

    /** One row per Kreis, for both the chart (dataset {@code kreise}) and the ranking subreport. */
    private static List<Map<String, ?>> kreise(IndicatorRanking indicator) {
        List<Map<String, ?>> rows = new ArrayList<>(indicator.kreise().size());
        for (RankedKreis kreis : indicator.kreise()) {
            Map<String, Object> fields = new HashMap<>();
            String value = display(kreis.value(), indicator);
            String mark = kreis.smallBase() ? " " + SMALL_BASE_MARK : "";
            fields.put("rank", kreis.rank() == 0 ? "–" : kreis.rank() + ".");
            fields.put("ags", kreis.ags());
            fields.put("name", kreis.name());
            fields.put("value", value + mark);
            fields.put("note", kreis.smallBase() ? SMALL_BASE_MARK + " kleine Basis" : "");
            fields.put("seriesName", indicator.label());
            fields.put("chartValue", chartValue(kreis.value()));
            fields.put("chartLabel", kreis.value().isPresent() ? value + mark : "");
            rows.add(fields);
        }
        return rows;
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

    /** 16 bytes naming this document: same templates, content and timestamp give the same ID. */
    private byte[] documentId(LandOverview overview) {
        MessageDigest digest = newSha256();
        digest.update(templateDigest);
        digest.update(overview.toString().getBytes(StandardCharsets.UTF_8));
        digest.update(documentTimestamp.toString().getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(digest.digest(), 16);
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ReportTemplateException(path, ReportTemplateException.Stage.READ,
                    ReportTemplateException.describe(e) + " (working directory " + Path.of("").toAbsolutePath() + ")",
                    e);
        }
    }

    private static JasperReport compile(Path path, byte[] source) {
        try {
            return JasperCompileManager.compileReport(new ByteArrayInputStream(source));
        } catch (JRException | RuntimeException e) {
            throw new ReportTemplateException(path, ReportTemplateException.Stage.COMPILE,
                    ReportTemplateException.describe(e), e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
