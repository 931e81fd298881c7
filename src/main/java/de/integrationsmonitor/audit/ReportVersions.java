package de.integrationsmonitor.audit;

import de.integrationsmonitor.report.edition.ReportInput;
import de.integrationsmonitor.report.pdf.Provenance;
import de.integrationsmonitor.report.publish.VersionLedger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The ledger of report versions the report capability writes to: a version's first render time, and each published
 * PDF recorded with its inputs (their bytes archived by content) and an entry in the audit log.
 */
@Service
public class ReportVersions implements VersionLedger {

    private final ReportVersionStore versions;
    private final ArchiveStore archive;
    private final AuditLog log;

    public ReportVersions(ReportVersionStore versions, ArchiveStore archive, AuditLog log) {
        this.versions = versions;
        this.archive = archive;
        this.log = log;
    }

    @Override
    public Optional<Instant> firstRendered(String versionId) {
        return versions.find(versionId).map(ReportVersion::renderedAt);
    }

    @Override
    public void rendered(
            Provenance provenance, String editionTitle, String fileName, String pdfSha256, List<ReportInput> inputs) {
        if (versions.find(provenance.versionId()).isEmpty()) {
            for (ReportInput input : inputs) {
                archive.putIfAbsent(input.sha256(), input.content());
            }
            versions.insertIfAbsent(new ReportVersion(
                    provenance.versionId(),
                    provenance.edition(),
                    editionTitle,
                    provenance.unit(),
                    provenance.territory(),
                    fileName,
                    provenance.computationId(),
                    provenance.inputsSha256(),
                    provenance.appVersion(),
                    provenance.renderedAt(),
                    pdfSha256,
                    inputs.stream()
                            .map(i -> new ReportVersion.Input(i.role(), i.name(), i.sha256()))
                            .toList()));
        }
        log.append(
                AuditEntry.RENDER,
                fileName,
                "version " + provenance.versionId() + " pdf " + pdfSha256 + " computation " + provenance.computationId()
                        + " inputs " + provenance.inputsSha256());
    }

    @Override
    public void files(String versionId, java.util.Map<String, String> sha256ByFile) {
        if (!sha256ByFile.isEmpty() && versions.find(versionId).isPresent()) {
            versions.addFiles(versionId, sha256ByFile);
            // one entry per version, naming every file with its hash
            String listing = sha256ByFile.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", "));
            log.append(
                    AuditEntry.RENDER,
                    sha256ByFile.keySet().iterator().next(),
                    "version " + versionId + " "
                            + sha256ByFile.size() + " file(s) "
                            + (listing.length() <= 3800 ? listing : "(each with its SHA-256 in the version record)"));
        }
    }

    /** The files of a version besides its PDF (web page, data files), with their SHA-256. */
    public java.util.Map<String, String> files(String versionId) {
        return versions.files(Provenance.normalise(versionId));
    }

    public Optional<ReportVersion> find(String versionId) {
        return versions.find(Provenance.normalise(versionId));
    }

    public List<ReportVersion> all() {
        return versions.all();
    }
}
