package de.integrationsmonitor.report;

import de.integrationsmonitor.report.publish.Manifest;
import de.integrationsmonitor.report.publish.Publication;
import de.integrationsmonitor.report.web.WebPublication;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Publishes a rendered edition as one unit: every PDF the run wrote is recorded as a report version (with what it
 * rests on), beside it its web page and the edition's index and open data (output/&lt;edition&gt;/web, daten), and only then is the staging folder swapped in for the published one. So either the folder is swapped
 * and every PDF in it is a recorded version, or the published folder stays as it was and every report of the run
 * counts as failed, with the reason. A version recorded for a folder that then could not be swapped stays recorded:
 * it names a PDF that was rendered from those inputs, and the next run publishes the same version.
 */
public final class EditionPublisher {

    /**
     * What publishing an edition gave.
     *
     * @param folder      the published folder
     * @param written     the PDFs in it after this run, relative to it (with those carried over for a run of one Kreis)
     * @param failed      units (or the edition) that were not published, with the reason
     * @param withoutData the Kreise left out because the data hold no value of the edition's indicators for them
     */
    public record Published(Path folder, List<String> written, Map<String, String> failed, List<String> withoutData) {}

    private EditionPublisher() {}

    /**
     * Publishes the units of {@code prepared} that run {@code run} wrote into its staging folder.
     *
     * @param done      unit to the SHA-256 of its PDF, as the renderers verified it
     * @param failed    unit to the reason it could not be rendered
     * @param onlyKreis for a run of one Kreis: the edition's other published reports are carried over
     * @param at        the run's time, which the units' provenance names
     */
    public static Published publish(
            PreparedEdition prepared,
            Publication publication,
            String run,
            Map<String, String> done,
            Map<String, String> failed,
            Optional<String> onlyKreis,
            Instant at) {
        done = new TreeMap<>(done);
        failed = new TreeMap<>(failed);
        for (String unit : prepared.units()) {
            if (!done.containsKey(unit) && !failed.containsKey(unit)) {
                failed.put(unit, "not rendered (the run stopped before it)");
            }
        }
        failed.keySet().removeAll(done.keySet());
        Map<String, String> byName = new TreeMap<>();
        done.forEach((unit, sha) -> byName.put(prepared.fileName(unit), sha));
        for (String lost : publication.assemble(run, byName)) {
            String unit = done.keySet().stream()
                    .filter(u -> prepared.fileName(u).equals(lost))
                    .findFirst()
                    .orElseThrow();
            done.remove(unit);
            failed.put(unit, "its PDF was lost after it was written");
        }
        Map<String, Manifest.Entry> entries = new TreeMap<>();
        if (onlyKreis.isPresent()) {
            entries.putAll(publication.carryOver(
                    run,
                    Set.copyOf(prepared.units().stream().map(prepared::fileName).toList())));
        }
        done.forEach((unit, sha) -> entries.put(
                publication.relative(prepared.fileName(unit)),
                new Manifest.Entry(sha, prepared.provenance(unit, at).versionId())));
        List<String> written = new ArrayList<>(entries.keySet());
        Map<String, Manifest.Entry> web;
        try {
            // the web twin: a page per unit rendered, for the whole edition the index and the open data
            web = WebPublication.stage(publication, run, prepared, done.keySet(), at);
        } catch (UncheckedIOException e) {
            return notPublished(
                    prepared,
                    publication,
                    done,
                    failed,
                    "the edition could not be published in " + publication.folder() + ": " + e.getMessage());
        }
        entries.putAll(web);
        try {
            // every file to be published is part of a report version, recorded with what it rests on, before it is
            // published
            done.forEach((unit, sha) -> prepared.rendered(unit, prepared.provenance(unit, at), sha));
            WebPublication.record(prepared, web, at);
        } catch (RuntimeException e) {
            return notPublished(
                    prepared,
                    publication,
                    done,
                    failed,
                    "its reports could not be recorded as report"
                            + " versions, so the published folder " + publication.folder() + " was left as it was: "
                            + firstLine(e));
        }
        try {
            publication.publish(run, entries.keySet(), prepared.manifest(entries, failed));
        } catch (UncheckedIOException e) {
            // an output folder that cannot be written (full, read-only): the folder stays as it was
            return notPublished(
                    prepared,
                    publication,
                    done,
                    failed,
                    "the edition could not be published in " + publication.folder() + ": " + e.getMessage());
        }
        return new Published(publication.folder(), written, failed, prepared.withoutData());
    }

    /** Every report of this run counts as not written, for {@code reason}. */
    private static Published notPublished(
            PreparedEdition prepared,
            Publication publication,
            Map<String, String> done,
            Map<String, String> failed,
            String reason) {
        done.keySet().forEach(unit -> failed.put(unit, reason));
        if (failed.isEmpty()) {
            failed.put(prepared.edition().id(), reason);
        }
        return new Published(publication.folder(), List.of(), failed, prepared.withoutData());
    }

    private static String firstLine(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        return message.length() <= 300 ? message : message.substring(0, 300) + "...";
    }
}
