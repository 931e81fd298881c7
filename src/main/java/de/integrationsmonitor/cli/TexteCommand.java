package de.integrationsmonitor.cli;

import de.integrationsmonitor.report.ReportService;
import de.integrationsmonitor.report.edition.Edition;
import de.integrationsmonitor.report.edition.EditionLoader;
import de.integrationsmonitor.report.goal.GoalReporting;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code imon texte EDITION}: writes the missing author-text files of an edition as commented stubs. */
@Component
@Command(
        name = "texte",
        mixinStandardHelpOptions = true,
        description = "Creates the missing Markdown files of an edition's texts folder (einleitung.md and one"
                + " <AGS>.md per Kreis with a section per Handlungsfeld) and the edition's goals and measures"
                + " (<edition>/ziele.csv, <edition>/massnahmen.yml), each a commented stub; existing files"
                + " are left as they are.")
public class TexteCommand implements Callable<Integer> {

    @Parameters(paramLabel = "EDITION", description = "an edition file, e.g. jobs/NAME.yml")
    Path edition;

    private final ReportService reports;

    public TexteCommand(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public Integer call() {
        Edition loaded = EditionLoader.load(edition);
        List<Path> written = reports.createTextStubs(loaded);
        written.forEach(file -> System.out.println("created " + file));
        System.out.println("edition " + loaded.id() + ": " + written.size() + " file(s) created in " + loaded.texts()
                + " and " + GoalReporting.folder(loaded));
        return ExitCodes.OK;
    }
}
