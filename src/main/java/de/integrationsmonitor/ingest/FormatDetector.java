package de.integrationsmonitor.ingest;

import java.io.IOException;
import java.io.InputStream;

/** Tells from a file's first bytes which office format it is in, or why it is none of them. */
public final class FormatDetector {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** An archive without entries starts with its end record; the ffcsv reader says why that is no delivery. */
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};

    private FormatDetector() {}

    public static ExtractFormat detect(ExtractSource source) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(512);
        }
        if (head.length == 0) {
            throw new ExtractRefusedException(
                    source.fileName(), 0, "the file is empty; expected a GENESIS extract (classic CSV or ffcsv)");
        }
        if (isZip(head)) {
            return ExtractFormat.FFCSV;
        }
        source.bytes().notText("the file").ifPresent(problem -> {
            throw new ExtractRefusedException(source.fileName(), source.bytes().firstNulLine(), problem);
        });
        String first = firstLine(head, source);
        if (first.startsWith(ClassicCsvReader.TABLE_LINE_PREFIX)) {
            return ExtractFormat.CLASSIC_CSV;
        }
        if (first.startsWith("statistics_code;") || first.startsWith("Statistik_Code;")) {
            return ExtractFormat.FFCSV;
        }
        throw new ExtractRefusedException(
                source.fileName(),
                1,
                "not a GENESIS extract: expected the first line '"
                        + ClassicCsvReader.TABLE_LINE_PREFIX + " <code>' (classic CSV) or the flat-file header"
                        + " 'statistics_code;...' (ffcsv), found '" + ClassicCsvReader.abbreviate(first) + "'");
    }

    private static String firstLine(byte[] head, ExtractSource source) {
        int offset = source.bytes().byteOrderMark() ? 3 : 0;
        String text = new String(
                head, offset, Math.max(0, head.length - offset), source.bytes().charset());
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replace("\r", "").replace("\uFEFF", "");
    }

    /** Whether a file's first bytes are those of a ZIP (with entries, or empty). */
    static boolean isZip(byte[] head) {
        return startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
