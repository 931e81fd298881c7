package de.integrationsmonitor.benchmark;

import de.integrationsmonitor.report.fill.KreisReport;
import de.integrationsmonitor.report.pdf.KreisReportRenderer;
import de.integrationsmonitor.report.pdf.ReportCore;
import de.integrationsmonitor.report.pdf.ReportTemplateException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * The yardstick of the render benchmark: the Kreis report template, compiled once, filled with the same parameters
 * and data as {@link KreisReportRenderer} and exported by a plain {@link JRPdfExporter} in its default
 * configuration: no virtualizer, no PDF/A, no structure tags, no page numbers in the contents, no CIDSet repair.
 * What JasperReports itself needs for the report, so the limit of how fast ours can be. Not for publication.
 */
public final class BareJasperRenderer {

    private final KreisReportRenderer renderer;

    public BareJasperRenderer(Path templatePath) {
        this.renderer = new KreisReportRenderer(templatePath);
    }

    /** Fills and exports one Kreis report; safe to call from several threads at once. */
    public void render(KreisReport report, OutputStream out) {
        ReportCore core = renderer.core();
        Map<String, Object> parameters = core.parameters();
        parameters.putAll(renderer.parameters(report));
        try {
            JasperPrint print = JasperFillManager.fillReport(core.compiled(), parameters, new JREmptyDataSource(1));
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            exporter.exportReport();
        } catch (JRException e) {
            throw new ReportTemplateException(
                    core.master(),
                    ReportTemplateException.Stage.FILL,
                    ReportTemplateException.describe(e) + " (bare fill of Kreis " + report.ags() + ")",
                    e);
        }
    }
}
