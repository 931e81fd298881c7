package de.integrationsmonitor.fetch;

import de.integrationsmonitor.ingest.ExtractFormat;
import de.integrationsmonitor.ingest.ExtractRefusedException;
import de.integrationsmonitor.ingest.ExtractSource;
import de.integrationsmonitor.ingest.FfcsvReader;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.LineAccount;
import de.integrationsmonitor.ingest.RecordingListener;
import de.integrationsmonitor.observation.Observation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes downloads in by reading them with the real ffcsv reader, without a database: what it read is kept for the
 * tests, and identical bytes are recognised by their SHA-256 as {@code IngestService} does.
 */
final class ReadingIntake implements Fetcher.Intake {

    /** One file taken in: the code it was given and the one the reader stored its observations under. */
    record Read(String fileName, String declaredTable, String tableCode, List<Observation> observations) {}

    final List<Read> reads = new ArrayList<>();
    private final Map<String, Long> deliveries = new HashMap<>();

    @Override
    public IngestOutcome ingest(Path file, String table) {
        String name = file.getFileName().toString();
        try {
            String sha256 = Fetcher.sha256(file);
            if (deliveries.containsKey(sha256)) {
                return new IngestOutcome(
                        name,
                        IngestOutcome.Status.ALREADY_INGESTED,
                        Optional.empty(),
                        table,
                        Optional.of(deliveries.get(sha256)),
                        Optional.empty(),
                        Optional.empty(),
                        "identical bytes");
            }
            RecordingListener recorded = new RecordingListener();
            LineAccount account = new FfcsvReader().read(ExtractSource.scan(file, Optional.of(table)), recorded);
            long id = deliveries.size() + 1L;
            deliveries.put(sha256, id);
            String code = recorded.header.tableCode();
            reads.add(new Read(name, table, code, recorded.observations));
            return new IngestOutcome(
                    name,
                    IngestOutcome.Status.STORED,
                    Optional.of(ExtractFormat.FFCSV),
                    code,
                    Optional.of(id),
                    Optional.of(account),
                    Optional.empty(),
                    "");
        } catch (ExtractRefusedException e) {
            return new IngestOutcome(
                    name,
                    IngestOutcome.Status.REFUSED,
                    Optional.empty(),
                    table,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
