package de.integrationsmonitor.audit;

import de.integrationsmonitor.report.PreparedEdition;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A recorded report version: one published PDF with everything it rests on. The computation (and through it every
 * delivery with its SHA-256 and {@code Stand:}) is in the store already; the files are listed here by role, name
 * and hash, their bytes kept in the archive.
 *
 * @param fileName the PDF's name relative to the output folder, e.g. {@code integrationsbericht-2015/15001.pdf}
 */
public record ReportVersion(
        String versionId,
        String edition,
        String editionTitle,
        String unit,
        String territory,
        String fileName,
        long computationId,
        String inputsSha256,
        String appVersion,
        Instant renderedAt,
        String pdfSha256,
        List<Input> inputs) {

    /** One archived file of a version. */
    public record Input(String role, String name, String sha256) {}

    public ReportVersion {
        Objects.requireNonNull(versionId, "versionId");
        inputs = List.copyOf(inputs);
    }

    public boolean isLand() {
        return unit.startsWith(PreparedEdition.LAND_UNIT_PREFIX);
    }
}
