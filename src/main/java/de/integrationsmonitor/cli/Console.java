package de.integrationsmonitor.cli;

import de.integrationsmonitor.batch.Launcher;
import de.integrationsmonitor.batch.Runs;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.LineAccount;
import de.integrationsmonitor.printable.Printable;
import java.io.PrintStream;

/** How the results of runs read on the terminal: one line per file, computation and edition. */
final class Console {

    private Console() {}

    /** Says what was found before a job started (a restart, a resumed run, work completed before). */
    static void launch(PrintStream out, Launcher.Launch launch, String whenAlreadyComplete) {
        if (!launch.ran()) {
            out.println(whenAlreadyComplete + " (" + launch.note() + ")");
        } else if (!launch.note().isEmpty()) {
            out.println(launch.note());
        }
    }

    /** A job that failed for a reason no result explains (the database went away, a bug): its cause is rethrown. */
    static void requireCompleted(Launcher.Launch launch) {
        launch.unexpectedFailure().ifPresent(failure -> {
            throw failure;
        });
    }

    /** What happened to the files of an ingest, or, for files ingested before, which delivery each became. */
    static void ingest(PrintStream out, Runs.IngestRun run, String whenAlreadyComplete) {
        launch(out, run.launch(), whenAlreadyComplete);
        for (IngestOutcome o : run.outcomes()) {
            out.println(
                    run.launch().ran()
                            ? describe(o)
                            : Printable.escape(o.fileName()) + ": ingested before"
                                    + o.deliveryId()
                                            .map(id -> " as delivery " + id)
                                            .orElse("")
                                    + (o.refused() ? " (refused then: " + Printable.escape(o.message()) + ")" : ""));
        }
        requireCompleted(run.launch());
    }

    static void compute(PrintStream out, Runs.ComputeRun run) {
        requireCompleted(run.launch());
        run.computed()
                .ifPresent(c -> out.println(
                        c.made() && run.launch().ran()
                                ? "computed the catalogue as computation " + c.computationId() + ": "
                                        + c.valuesPerIndicator()
                                : "indicators are up to date (computation " + c.computationId()
                                        + "): no delivery, catalogue or" + " register changed"));
    }

    static void report(PrintStream out, Runs.ReportRun run) {
        if (run.upToDate()) {
            out.println("edition " + run.edition() + ": up to date in " + run.folder() + " (same inputs, every PDF"
                    + " as its manifest says); nothing to do (--again renders it anyway)");
            return;
        }
        run.launch().ifPresent(launch -> {
            if (!launch.note().isEmpty()) {
                out.println(launch.note());
            }
        });
        out.println("edition " + run.edition() + ": " + run.written().size() + " PDF(s) published in " + run.folder()
                + ", " + run.failed().size() + " failed"
                + (run.withoutData().isEmpty()
                        ? ""
                        : ", " + run.withoutData().size() + " Kreise left out (no data for them)"));
        run.failed().forEach((unit, reason) -> out.println("  failed " + unit + ": " + reason));
        if (run.failed().isEmpty()) {
            run.launch().ifPresent(Console::requireCompleted);
        }
    }

    /** One line per file: the name and the messages (which quote it) printed escaped, so no name forges a line. */
    static String describe(IngestOutcome o) {
        return switch (o.status()) {
            case STORED -> {
                LineAccount a = o.account().orElseThrow();
                yield Printable.escape(o.fileName()) + ": "
                        + o.format().orElseThrow().label() + " " + o.tableCode() + ", delivery "
                        + o.deliveryId().orElseThrow() + " - " + a.dataLines() + " data lines: " + a.stored()
                        + " stored, " + a.rejected() + " rejected, " + a.skipped() + " skipped ("
                        + a.observations() + " observations)"
                        + o.findings()
                                .map(f -> "; findings: " + f.errors() + " errors, " + f.warnings() + " warnings, "
                                        + f.infos() + " notes")
                                .orElse("");
            }
            case ALREADY_INGESTED -> Printable.escape(o.fileName()) + ": " + Printable.escape(o.message());
            case REFUSED -> "REFUSED " + Printable.escape(o.message()) + " - nothing of this file was stored";
        };
    }
}
