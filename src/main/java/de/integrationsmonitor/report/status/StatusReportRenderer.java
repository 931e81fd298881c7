package de.integrationsmonitor.report.status;

import de.integrationsmonitor.goal.MeasureStatus;
import de.integrationsmonitor.report.fill.Figure;
import de.integrationsmonitor.report.fill.GermanNumberFormat;
import de.integrationsmonitor.report.goal.GoalReporting;
import de.integrationsmonitor.report.pdf.DocumentMetadata;
import de.integrationsmonitor.report.pdf.KreisReportRenderer;
import de.integrationsmonitor.report.pdf.Provenance;
import de.integrationsmonitor.report.pdf.ReportCore;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Turns a {@link StatusReport} into a tagged archival PDF (PDF/A-1a, PDF/UA-1) through the template
 * {@value #TEMPLATE} and its subreports ({@code statusbericht-entwicklung.jrxml}: the development of a measure's
 * indicators; {@code statusbericht-text.jrxml}: its text), compiled once by the {@link ReportCore} every report kind
 * shares. Numbers reach the template as German strings; wording and styles are the shared ones. An instance may be
 * shared between threads.
 */
public final class StatusReportRenderer {

    /** The Statusbericht's master template in the template folder. */
    public static final String TEMPLATE = "statusbericht.jrxml";

    static final List<String> SUBREPORTS = List.of("-entwicklung", "-text");

    private final ReportCore core;
    private final Instant documentTimestamp;

    /** Compiles the templates; PDFs carry {@link DocumentMetadata#DEFAULT_TIMESTAMP} unless a provenance says. */
    public StatusReportRenderer(Path templatePath) {
        this.core = new ReportCore(Objects.requireNonNull(templatePath, "templatePath"), SUBREPORTS, null);
        this.documentTimestamp = DocumentMetadata.DEFAULT_TIMESTAMP;
    }

    /**
     * Fills the templates and writes the PDF to {@code out} (flushed, not closed).
     *
     * @param provenance null for none: the fixed timestamp and the report's edition version
     */
    public void render(StatusReport report, Provenance provenance, OutputStream out) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("EDITION_TITLE", report.editionTitle());
        parameters.put("GEBIETSSTAND", report.gebietsstand());
        parameters.put("SYNTHETIC", report.synthetic());
        parameters.put("TABLE_CODES", String.join(", ", report.tableCodes()));
        parameters.put("SUMMARY", summary(report));
        parameters.put("REPORT_VERSION_ID", provenance == null ? report.versionId() : provenance.versionId());
        parameters.put(
                "RENDERED_AT",
                provenance == null
                        ? GermanNumberFormat.date(documentTimestamp
                                .atZone(java.time.ZoneOffset.UTC)
                                .toLocalDate())
                        : provenance.renderedOn());
        parameters.put("INPUTS_SHA256", report.inputsSha256());
        parameters.put("DEVELOPMENT_REPORT", core.subreport("-entwicklung"));
        parameters.put("TEXT_REPORT", core.subreport("-text"));
        DocumentMetadata metadata = DocumentMetadata.of(
                core.text("status.title") + " – " + report.editionTitle(),
                core.text("status.subject", report.editionTitle(), report.measureCount()),
                keywords(report),
                documentTimestamp);
        core.render(
                parameters,
                new JRMapCollectionDataSource(new ArrayList<>(rows(report))),
                provenance == null ? metadata : metadata.with(provenance),
                report + (provenance == null ? "" : "|" + provenance),
                "Statusbericht",
                out);
    }

    private static List<String> keywords(StatusReport report) {
        List<String> words = new ArrayList<>(List.of("Integrationsmonitoring", "Statusbericht", "Maßnahmen"));
        report.fields().forEach(f -> words.add(f.handlungsfeld()));
        return words;
    }

    /** "4 Maßnahmen: 1 geplant, 2 laufend, 1 abgeschlossen, 0 eingestellt." */
    private String summary(StatusReport report) {
        List<String> parts = new ArrayList<>();
        for (MeasureStatus status : MeasureStatus.values()) {
            parts.add(report.counts().getOrDefault(status, 0) + " " + status.word());
        }
        return core.text("status.summary", report.measureCount(), String.join(", ", parts));
    }

    /** One row per measure, each with its Handlungsfeld for the group heading. */
    private List<Map<String, ?>> rows(StatusReport report) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (StatusReport.Field field : report.fields()) {
            for (StatusReport.Item item : field.measures()) {
                Map<String, Object> row = new HashMap<>();
                row.put("handlungsfeld", field.handlungsfeld());
                row.put("title", item.id() + " " + item.title());
                row.put(
                        "facts",
                        core.text("status.facts", item.status().word(), item.traeger(), item.period())
                                + (item.kreise().isEmpty()
                                        ? " · " + core.text("status.allKreise")
                                        : " · " + core.text("status.kreise", item.kreise())));
                row.put("indicators", core.text("status.indicators", String.join(", ", item.indicators())));
                row.put("text", KreisReportRenderer.textRows(item.text()));
                row.put("developments", developments(item.developments()));
                row.put("hasDevelopments", !item.developments().isEmpty());
                row.put("developmentNote", item.developments().isEmpty() ? core.text("status.development.none") : "");
                rows.add(row);
            }
        }
        return rows;
    }

    private List<Map<String, Object>> developments(List<GoalReporting.Development> developments) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GoalReporting.Development d : developments) {
            Map<String, Object> row = new HashMap<>();
            row.put("kreis", shortName(d.kreisName()) + " (" + d.ags() + ")");
            row.put("indicator", d.indicatorLabel());
            row.put("from", GermanNumberFormat.figure(d.from(), d.decimals(), d.unit()) + " (" + d.fromYear() + ")");
            row.put("to", GermanNumberFormat.figure(d.to(), d.decimals(), d.unit()) + " (" + d.toYear() + ")");
            row.put(
                    "change",
                    !d.sameTerritory()
                            ? core.text("status.notComparable")
                            : d.from().value().isPresent() && d.to().value().isPresent()
                                    ? KreisReportRenderer.change(
                                            Figure.of(d.to().value()
                                                    .get()
                                                    .subtract(d.from().value().get())),
                                            Math.max(d.decimals(), 1),
                                            unitOfChange(d.unit()))
                                    : "");
            rows.add(row);
        }
        return ReportCore.lastFlagged(rows);
    }

    /** A difference of percentages is in percentage points, written short as in the Kreis reports. */
    private static String unitOfChange(String unit) {
        String u = unit == null ? "" : unit.strip();
        return u.equals("%") || u.equals("Prozentpunkte") ? "Pp." : u;
    }

    private static String shortName(String kreisName) {
        int comma = kreisName.indexOf(',');
        return comma > 0 ? kreisName.substring(0, comma) : kreisName;
    }
}
