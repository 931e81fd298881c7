package de.integrationsmonitor.cli;

import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.validate.FindingStore;
import de.integrationsmonitor.validate.FindingsReport;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code imon findings}: what validation found and which lines were quarantined. */
// a new instance per command line: options of an earlier call in the same JVM never carry over
@Component
@Scope("prototype")
@Command(
        name = "findings",
        mixinStandardHelpOptions = true,
        description = "Lists the findings of validation and the quarantined lines (with file and line), as CSV or"
                + " as a readable report; --report also writes it to output/pruefbericht.txt.")
public class FindingsCommand implements Callable<Integer> {

    public static final String[] HEADER = {
        "delivery", "file", "line", "severity", "rule", "ags", "reference_date", "message"
    };

    @Option(names = "--delivery", paramLabel = "ID", description = "only this delivery")
    Long delivery;

    @Option(names = "--format", defaultValue = "csv", description = "csv or text")
    CsvOutput.Format format;

    @Option(names = "--with-skipped", description = "also list the lines skipped for a stated reason")
    boolean withSkipped;

    @Option(names = "--report", description = "also write the readable report to output/pruefbericht.txt")
    boolean report;

    private final FindingStore findings;
    private final FindingsReport findingsReport;
    private final ImonSettings settings;

    public FindingsCommand(FindingStore findings, FindingsReport findingsReport, ImonSettings settings) {
        this.findings = findings;
        this.findingsReport = findingsReport;
        this.settings = settings;
    }

    @Override
    public Integer call() throws IOException {
        if (report) {
            System.err.println("imon: wrote " + findingsReport.write(settings.output()));
        }
        if (format == CsvOutput.Format.text) {
            System.out.print(findingsReport.text(Optional.ofNullable(delivery)));
            return ExitCodes.OK;
        }
        try (CsvOutput csv = CsvOutput.open(HEADER)) {
            for (FindingStore.ListedFinding f : findings.list(Optional.ofNullable(delivery), withSkipped)) {
                csv.record(
                        f.deliveryId(),
                        f.fileName(),
                        f.line().map(String::valueOf).orElse(""),
                        f.severity(),
                        f.rule(),
                        f.regionCode(),
                        f.referenceDate().map(String::valueOf).orElse(""),
                        f.message());
            }
        }
        return ExitCodes.OK;
    }
}
