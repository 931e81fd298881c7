package de.integrationsmonitor.cli;

import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.LineAccount;
import de.integrationsmonitor.report.ReportService;
import java.io.PrintStream;

/** How job results read on the terminal: one line per file, computation and edition. */
final class Console {

    private Console() {
    }

    static void print(PrintStream out, Object event) {
        if (event instanceof IngestOutcome o) {
            out.println(describe(o));
        } else if (event instanceof ComputationService.Summary s) {
            out.println("computed catalogue " + s.catalogueVersion() + " as computation " + s.computationId() + ": "
                    + s.valuesPerIndicator());
        } else if (event instanceof ReportService.EditionResult r) {
            out.println("edition " + r.edition() + ": " + r.written().size() + " PDF(s) written to " + r.folder()
                    + ", " + r.failed().size() + " failed" + (r.withoutData().isEmpty() ? ""
                    : ", " + r.withoutData().size() + " Kreise left out (no data for them)"));
            r.failed().forEach((ags, reason) -> out.println("  failed " + ags + ": " + reason));
        } else {
            out.println(event);
        }
    }

    static String describe(IngestOutcome o) {
        return switch (o.status()) {
            case STORED -> {
                LineAccount a = o.account().orElseThrow();
                yield o.fileName() + ": " + o.format().orElseThrow().label() + " " + o.tableCode() + ", delivery "
                        + o.deliveryId().orElseThrow() + " - " + a.dataLines() + " data lines: " + a.stored()
                        + " stored, " + a.rejected() + " rejected, " + a.skipped() + " skipped ("
                        + a.observations() + " observations)" + o.findings().map(f -> "; findings: " + f.errors()
                        + " errors, " + f.warnings() + " warnings, " + f.infos() + " notes").orElse("");
            }
            case ALREADY_INGESTED -> o.fileName() + ": " + o.message();
            case REFUSED -> "REFUSED " + o.message() + " - nothing of this file was stored";
        };
    }
}
