package de.integrationsmonitor.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
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
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Turns a {@link KreisReport} into a PDF through the Kreis JRXML template; plain Java, no Spring.
 *
 * <p>The template is compiled once, in the constructor, and the compiled report is reused for every
 * Kreis. Numbers and dates are formatted here ({@link GermanNumberFormat}) and reach the template as
 * strings. Output is reproducible: the same report and document timestamp give byte-identical PDFs
 * (see {@link ReproduciblePdfExporter}). An instance may be shared between threads.
 */
public final class KreisReportRenderer {

    /**
     * Creation and modification date written into PDFs when the caller supplies none: a fixed instant
     * (the project's build timestamp) rather than the clock, so that re-running an edition reproduces it.
     */
    public static final Instant DEFAULT_DOCUMENT_TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    static final String AUTHOR = "Integrationsmonitor";

    private final Path templatePath;
    private final Instant documentTimestamp;
    private final byte[] templateDigest;
    private final JasperReport compiledTemplate;

    /** Compiles the template; PDFs carry {@link #DEFAULT_DOCUMENT_TIMESTAMP} as their date. */
    public KreisReportRenderer(Path templatePath) {
        this(templatePath, DEFAULT_DOCUMENT_TIMESTAMP);
    }

    /**
     * Compiles the template.
     *
     * @param documentTimestamp creation/modification date of every PDF this renderer writes, e.g. the
     *                          date of the edition run; fixed so that output stays reproducible
     * @throws ReportTemplateException if the template cannot be read or compiled
     */
    public KreisReportRenderer(Path templatePath, Instant documentTimestamp) {
        this.templatePath = Objects.requireNonNull(templatePath, "templatePath");
        this.documentTimestamp = Objects.requireNonNull(documentTimestamp, "documentTimestamp");
        byte[] source;
        try {
            source = Files.readAllBytes(templatePath);
        } catch (IOException e) {
            throw new ReportTemplateException(templatePath, ReportTemplateException.Stage.READ,
                    ReportTemplateException.describe(e) + " (working directory " + Path.of("").toAbsolutePath() + ")",
                    e);
        }
        this.templateDigest = sha256(source);
        try {
            this.compiledTemplate = JasperCompileManager.compileReport(new ByteArrayInputStream(source));
        } catch (JRException | RuntimeException e) {
            throw new ReportTemplateException(templatePath, ReportTemplateException.Stage.COMPILE,
                    ReportTemplateException.describe(e), e);
        }
    }

    public Path templatePath() {
        return templatePath;
    }

    /**
     * Fills the template with one Kreis and writes the PDF to {@code out}. The stream is flushed, not closed.
     *
     * @throws ReportTemplateException if filling or exporting fails
     */
    public void render(KreisReport report, OutputStream out) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        JasperPrint filled = fill(report);
        export(filled, report, out);
    }

    JasperPrint fill(KreisReport report) {
        try {
            return JasperFillManager.fillReport(compiledTemplate, parameters(report), rows(report));
        } catch (JRException | RuntimeException e) {
            throw new ReportTemplateException(templatePath, ReportTemplateException.Stage.FILL,
                    ReportTemplateException.describe(e) + " (Kreis " + report.ags() + ")", e);
        }
    }

    private void export(JasperPrint filled, KreisReport report, OutputStream out) {
        ReproduciblePdfExporter exporter = new ReproduciblePdfExporter(documentTimestamp, documentId(report));
        exporter.setExporterInput(new SimpleExporterInput(filled));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle("Integrationsbericht " + report.kreisName());
        configuration.setMetadataAuthor(AUTHOR);
        configuration.setMetadataSubject("Integrationsmonitoring " + report.kreisName() + " (AGS " + report.ags()
                + ", " + report.landName() + "), Stichtag " + GermanNumberFormat.date(report.referenceDate()));
        configuration.setDisplayMetadataTitle(true);
        exporter.setConfiguration(configuration);
        try {
            exporter.exportReport();
            out.flush();
        } catch (JRException | IOException | RuntimeException e) {
            throw new ReportTemplateException(templatePath, ReportTemplateException.Stage.EXPORT,
                    ReportTemplateException.describe(e) + " (Kreis " + report.ags() + ")", e);
        }
    }

    private static Map<String, Object> parameters(KreisReport report) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("KREIS_NAME", report.kreisName());
        parameters.put("AGS", report.ags());
        parameters.put("LAND_NAME", report.landName());
        parameters.put("REFERENCE_DATE", GermanNumberFormat.date(report.referenceDate()));
        // several indicators share a table; the source line names each once, in first-use order
        parameters.put("TABLE_CODES", String.join(", ", new LinkedHashSet<>(report.tableCodes())));
        parameters.put("DATA_STATUS", report.dataStatus());
        parameters.put("SYNTHETIC", report.synthetic());
        // The template formats nothing itself; locale and zone are fixed so no default of the JVM leaks in.
        parameters.put(JRParameter.REPORT_LOCALE, Locale.GERMANY);
        parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("Europe/Berlin"));
        return parameters;
    }

    private static JRMapCollectionDataSource rows(KreisReport report) {
        List<Map<String, ?>> rows = new ArrayList<>(report.rows().size());
        for (IndicatorRow row : report.rows()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("label", row.label());
            fields.put("kreis", GermanNumberFormat.figure(row.kreis(), row.decimals(), row.unit()));
            fields.put("land", GermanNumberFormat.figure(row.land(), row.decimals(), row.unit()));
            fields.put("germany", GermanNumberFormat.figure(row.germany(), row.decimals(), row.unit()));
            fields.put("unit", row.unit());
            rows.add(fields);
        }
        return new JRMapCollectionDataSource(rows);
    }

    /** 16 bytes naming this document: same template, content and timestamp give the same ID. */
    private byte[] documentId(KreisReport report) {
        MessageDigest digest = newSha256();
        digest.update(templateDigest);
        digest.update(report.toString().getBytes(StandardCharsets.UTF_8));
        digest.update(documentTimestamp.toString().getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(digest.digest(), 16);
    }

    private static byte[] sha256(byte[] bytes) {
        return newSha256().digest(bytes);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
