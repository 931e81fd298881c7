package de.integrationsmonitor.report;

import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.report.edition.Edition;
import de.integrationsmonitor.report.edition.EditionException;
import de.integrationsmonitor.report.edition.EditionLoader;
import de.integrationsmonitor.report.pdf.ReportTemplateException;
import de.integrationsmonitor.report.publish.Publication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Decides which editions a run renders, for {@code imon report} and the nightly run alike: an edition is rendered
 * unless its published folder already holds exactly its reports from the same computation, templates, texts and
 * edition file (a run for one Kreis, or one asked to render again, always renders).
 */
@Service
public class EditionPlanner {

    private final ReportService reports;
    private final Path output;

    public EditionPlanner(ReportService reports, ImonSettings settings) {
        this.reports = reports;
        this.output = settings.output();
    }

    /**
     * An edition prepared from a computation and its published folder; {@code renderAnyway} for a run of one Kreis
     * or one asked to render again.
     */
    public record Planned(PreparedEdition prepared, Publication publication, boolean renderAnyway) {

        /** Whether the published folder holds exactly these reports, so that nothing needs rendering (read now). */
        public boolean upToDate() {
            return !renderAnyway && EditionPlanner.upToDate(prepared, publication);
        }
    }

    /** The editions of a folder: those to render, those left as they are, and those refused with the reason. */
    public record FolderPlan(List<Planned> toRender, List<String> unchanged, Map<String, String> refused) {}

    /**
     * One edition, prepared from {@code computation} (for one Kreis with {@code onlyKreis}); it is up to date when its
     * published folder holds exactly these reports and neither {@code again} nor a Kreis was asked for.
     */
    public Planned plan(Edition edition, long computation, Optional<String> onlyKreis, boolean again) {
        PreparedEdition prepared = reports.prepare(edition, computation, onlyKreis);
        Publication publication = Publication.of(output, edition);
        return new Planned(prepared, publication, again || onlyKreis.isPresent());
    }

    /**
     * Every edition file of {@code folder}: each prepared from {@code computation}; {@code beforeChecking} readies
     * its publication (puts back a folder an interrupted run swapped out) before it is compared. A wrong edition, or
     * two editions sharing an output folder, is refused and the others go on.
     */
    public FolderPlan planFolder(Path folder, long computation, Consumer<Publication> beforeChecking) {
        List<Planned> toRender = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, String> folders = new HashMap<>();
        for (Path file : EditionLoader.editionFiles(folder)) {
            try {
                Edition edition = EditionLoader.load(file);
                PreparedEdition prepared = reports.prepare(edition, computation, Optional.empty());
                Publication publication = Publication.of(output, edition);
                String other = folders.putIfAbsent(publication.folderName(), file.toString());
                if (other != null) {
                    throw new EditionException(file + ": its output folder '" + publication.folderName()
                            + "' is also the folder of " + other + "; every edition needs a folder of its own");
                }
                beforeChecking.accept(publication);
                if (upToDate(prepared, publication)) {
                    unchanged.add(edition.id());
                } else {
                    toRender.add(new Planned(prepared, publication, false));
                }
            } catch (EditionException | ReportTemplateException e) {
                refused.put(file.getFileName().toString(), e.getMessage());
            }
        }
        return new FolderPlan(toRender, unchanged, refused);
    }

    /** Whether the published folder holds exactly the reports of {@code prepared}, from the same inputs. */
    private static boolean upToDate(PreparedEdition prepared, Publication publication) {
        return publication.upToDate(
                prepared.inputsSha256(),
                prepared.units().stream().map(prepared::fileName).toList());
    }
}
