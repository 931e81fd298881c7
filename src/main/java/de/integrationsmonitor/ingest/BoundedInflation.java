package de.integrationsmonitor.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The inflated bytes of a ZIP entry, bounded while they stream: past {@link IngestLimits#maxEntrySize()} bytes, or
 * past {@link IngestLimits#maxCompressionRatio()} times the entry's compressed size (once it has inflated
 * {@link IngestLimits#RATIO_AFTER_BYTES}), the file is refused: a ZIP bomb never reaches the parser or the store.
 */
final class BoundedInflation extends FilterInputStream {

    private final String fileName;
    private final String entryName;
    private final long compressedSize;
    private final IngestLimits limits;
    private long inflated;

    BoundedInflation(InputStream in, String fileName, String entryName, long compressedSize, IngestLimits limits) {
        super(in);
        this.fileName = fileName;
        this.entryName = entryName;
        this.compressedSize = Math.max(1, compressedSize);
        this.limits = limits;
    }

    /** Refuses an entry whose declared size is already past the limit, before anything is inflated. */
    static void checkDeclared(String fileName, String entryName, long declaredSize, IngestLimits limits) {
        if (declaredSize > limits.maxEntrySize().toBytes()) {
            throw tooLarge(fileName, entryName, "declares " + declaredSize + " bytes", limits);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            count(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long bytes) {
        inflated += bytes;
        if (inflated > limits.maxEntrySize().toBytes()) {
            throw tooLarge(
                    fileName,
                    entryName,
                    "inflates to more than " + limits.maxEntrySize().toBytes() + " bytes",
                    limits);
        }
        if (inflated > IngestLimits.RATIO_AFTER_BYTES && inflated / compressedSize > limits.maxCompressionRatio()) {
            throw new ExtractRefusedException(
                    fileName,
                    0,
                    "the ZIP entry '" + entryName + "' inflates more than "
                            + limits.maxCompressionRatio() + " times its compressed size of " + compressedSize
                            + " bytes"
                            + " (limit imon.limits.max-compression-ratio); a real extract compresses about 20-fold."
                            + " Refused as a likely ZIP bomb");
        }
    }

    private static ExtractRefusedException tooLarge(
            String fileName, String entryName, String what, IngestLimits limits) {
        return new ExtractRefusedException(
                fileName,
                0,
                "the ZIP entry '" + entryName + "' " + what
                        + " (limit imon.limits.max-entry-size = " + limits.maxEntrySize()
                        + "); the largest real extract"
                        + " inflates to 33 MB. Refused as a likely ZIP bomb");
    }
}
