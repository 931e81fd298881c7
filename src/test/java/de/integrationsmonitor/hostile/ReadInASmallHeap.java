package de.integrationsmonitor.hostile;

import de.integrationsmonitor.ingest.ClassicCsvReader;
import de.integrationsmonitor.ingest.ExtractFooter;
import de.integrationsmonitor.ingest.ExtractFormat;
import de.integrationsmonitor.ingest.ExtractHeader;
import de.integrationsmonitor.ingest.ExtractListener;
import de.integrationsmonitor.ingest.ExtractRefusedException;
import de.integrationsmonitor.ingest.ExtractSource;
import de.integrationsmonitor.ingest.FfcsvReader;
import de.integrationsmonitor.ingest.FormatDetector;
import de.integrationsmonitor.ingest.LineAccount;
import de.integrationsmonitor.observation.Observation;
import java.nio.file.Path;

/**
 * Reads files the way ingest does, keeping nothing of what they hold, and prints for each whether it was refused
 * and why: {@link SmallHeapTest} runs it in a JVM of its own with {@code -Xmx256m}.
 */
public final class ReadInASmallHeap {

    private ReadInASmallHeap() {}

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            Path file = Path.of(arg);
            try {
                ExtractSource source = ExtractSource.scan(file);
                ExtractFormat format = FormatDetector.detect(source);
                LineAccount account = (format == ExtractFormat.FFCSV ? new FfcsvReader() : new ClassicCsvReader())
                        .read(source, new Discarding());
                System.out.println(file.getFileName() + " read: " + account.dataLines() + " data lines");
            } catch (ExtractRefusedException e) {
                System.out.println(file.getFileName() + " refused: " + e.getMessage());
            }
        }
    }

    /** Counts nothing, keeps nothing. */
    private static final class Discarding implements ExtractListener {
        @Override
        public void header(ExtractHeader header) {}

        @Override
        public void observation(Observation observation) {}

        @Override
        public void rejected(long line, String reason, String content) {}

        @Override
        public void skipped(long line, String reason, String content) {}

        @Override
        public void footer(ExtractFooter footer) {}
    }
}
