package de.integrationsmonitor.report.publish;

import de.integrationsmonitor.report.edition.ReportInput;
import de.integrationsmonitor.report.pdf.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the report versions are recorded (the audit capability implements it): the first render time of a version,
 * which every re-render of it reuses, and each published PDF with everything it rests on.
 */
public interface VersionLedger {

    /** When the version was first rendered, if it was. */
    Optional<Instant> firstRendered(String versionId);

    /**
     * A PDF was written (and, in a job, published): records its version with the PDF's hash and the inputs, kept by
     * content, unless the version is known already.
     *
     * @param fileName the PDF's name relative to the output folder
     */
    void rendered(
            Provenance provenance, String editionTitle, String fileName, String pdfSha256, List<ReportInput> inputs);

    /**
     * Further files of a recorded version besides its PDF (its web page; the data files of the web publication), by
     * name relative to the output folder, with their SHA-256.
     */
    default void files(String versionId, java.util.Map<String, String> sha256ByFile) {}

    /** Records nothing: every version is rendered for the first time at the time it is given. */
    VersionLedger NONE = new VersionLedger() {
        @Override
        public Optional<Instant> firstRendered(String versionId) {
            return Optional.empty();
        }

        @Override
        public void rendered(
                Provenance provenance,
                String editionTitle,
                String fileName,
                String pdfSha256,
                List<ReportInput> inputs) {}
    };
}
