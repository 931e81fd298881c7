package de.integrationsmonitor.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What one delivered file may ask of the machine, checked while it streams: past any of these the file is refused
 * at once, the limit named, and the other files of the call still go in. Real extracts stay far below every one
 * (the longest line of the corpus has 628 characters, the widest 20 cells, the protection-seekers ZIP inflates
 * 19-fold to 33 MB). Set in {@code application.properties} as {@code imon.limits.*}.
 *
 * @param maxLineLength        characters in one physical line
 * @param maxCellsPerLine      cells ({@code ;}-separated) in one line
 * @param maxEntrySize         inflated size of the CSV inside a ZIP
 * @param maxCompressionRatio  inflated size of that CSV divided by its compressed size
 * @param maxQuarantinedLines  quarantined data lines of one file
 * @param maxQuarantinedShare  quarantined data lines as a share of the data lines read, once a file has
 *                             {@link #SHARE_AFTER_LINES} of them (a share of a handful of lines says nothing)
 * @param maxZipEntries        entries of a workbook (xlsx, xlsm: a ZIP); the real workbooks have some 60
 * @param maxInflatedSize      all entries of a workbook inflated together
 * @param maxSheets            sheets of a workbook; the real ones have up to 30
 * @param maxRows              rows of the sheet read
 * @param maxCells             non-empty cells of the sheet read
 * @param maxSharedStrings     entries of a workbook's shared-string table
 */
@ConfigurationProperties(prefix = "imon.limits")
public record IngestLimits(
        int maxLineLength,
        int maxCellsPerLine,
        DataSize maxEntrySize,
        int maxCompressionRatio,
        long maxQuarantinedLines,
        double maxQuarantinedShare,
        int maxZipEntries,
        DataSize maxInflatedSize,
        int maxSheets,
        int maxRows,
        long maxCells,
        int maxSharedStrings) {

    /** The data lines a file must have before the share of quarantined lines is judged. */
    public static final long SHARE_AFTER_LINES = 1000;
    /** A ZIP entry is never refused for its ratio before it has inflated to this many bytes. */
    static final long RATIO_AFTER_BYTES = 1024 * 1024;

    /** The limits of {@code application.properties}, for readers used outside Spring (tests, tools). */
    public static IngestLimits defaults() {
        return new IngestLimits(
                65_536,
                1_000,
                DataSize.ofMegabytes(512),
                100,
                10_000,
                0.5,
                1_000,
                DataSize.ofMegabytes(512),
                255,
                1_048_576,
                20_000_000,
                1_000_000);
    }
}
