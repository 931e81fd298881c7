package de.integrationsmonitor.ingest;

import de.integrationsmonitor.store.Delivery;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.ObservationRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns delivered files into deliveries: each file in its own transaction, so a file is stored whole or not at
 * all; identical bytes are recognised by their SHA-256 and not stored twice; a revised delivery of the same table
 * is stored beside the older one.
 */
@Service
public class IngestService {

    private final DeliveryRepository deliveries;
    private final ObservationRepository observations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public IngestService(DeliveryRepository deliveries, ObservationRepository observations,
                         TransactionTemplate transaction, Clock clock) {
        this.deliveries = deliveries;
        this.observations = observations;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Ingests files and the files in folders (sorted by name, so runs are repeatable), reporting each. */
    public List<IngestOutcome> ingest(List<Path> paths, Consumer<IngestOutcome> progress) {
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (Path file : expand(paths)) {
            IngestOutcome outcome = ingest(file);
            progress.accept(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** The files named, and the regular files inside the folders named, in a stable order. */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> inside = Files.walk(path)) {
                    inside.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> !p.getFileName().toString().endsWith(".md"))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    public IngestOutcome ingest(Path file) {
        String fileName = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            return refused(fileName, Optional.empty(), "",
                    new ExtractRefusedException(fileName, 0, "no such file (looked for " + file + ")"));
        }
        ExtractSource source;
        ExtractFormat format;
        try {
            source = ExtractSource.scan(file);
            Optional<Delivery> known = deliveries.findBySha256(source.bytes().sha256());
            if (known.isPresent()) {
                Delivery d = known.get();
                return new IngestOutcome(fileName, IngestOutcome.Status.ALREADY_INGESTED,
                        Optional.of(formatOf(d.format())), d.tableCode(), Optional.of(d.id()), Optional.empty(),
                        "identical bytes were ingested before as delivery " + d.id() + " (" + d.fileName()
                                + "); nothing to do");
            }
            format = FormatDetector.detect(source);
        } catch (ExtractRefusedException e) {
            return refused(fileName, Optional.empty(), "", e);
        } catch (IOException e) {
            return refused(fileName, Optional.empty(), "",
                    new ExtractRefusedException(fileName, 0, "cannot be read: " + e.getMessage()));
        }
        ExtractReader reader = readerFor(format);
        StoringListener listener = new StoringListener(source);
        try {
            LineAccount account = transaction.execute(status -> {
                try {
                    LineAccount read = reader.read(source, listener);
                    listener.finish(read);
                    return read;
                } catch (IOException e) {
                    throw new ExtractRefusedException(fileName, 0, "cannot be read: " + e.getMessage());
                }
            });
            return new IngestOutcome(fileName, IngestOutcome.Status.STORED, Optional.of(format),
                    listener.tableCode, Optional.of(listener.deliveryId), Optional.ofNullable(account), "");
        } catch (ExtractRefusedException e) {
            return refused(fileName, Optional.of(format), listener.tableCode, e);
        }
    }

    static ExtractReader readerFor(ExtractFormat format) {
        return switch (format) {
            case CLASSIC_CSV -> new ClassicCsvReader();
            case FFCSV -> new FfcsvReader();
        };
    }

    private static ExtractFormat formatOf(String label) {
        for (ExtractFormat f : ExtractFormat.values()) {
            if (f.label().equals(label)) {
                return f;
            }
        }
        throw new IllegalStateException("unknown format in the store: " + label);
    }

    private static IngestOutcome refused(String fileName, Optional<ExtractFormat> format, String tableCode,
                                         ExtractRefusedException e) {
        return new IngestOutcome(fileName, IngestOutcome.Status.REFUSED, format, tableCode, Optional.empty(),
                Optional.empty(), e.getMessage());
    }

    /** Stores what a reader streams, in the transaction of the file. */
    private final class StoringListener implements ExtractListener {
        private final ExtractSource source;
        private ObservationRepository.Writer writer;
        private ExtractFooter footer = ExtractFooter.none();
        private long deliveryId;
        private String tableCode = "";

        StoringListener(ExtractSource source) {
            this.source = source;
        }

        @Override
        public void header(ExtractHeader header) {
            tableCode = header.tableCode();
            deliveryId = deliveries.open(header, source.bytes().sha256(), LocalDateTime.now(clock));
            writer = observations.writer(deliveryId);
        }

        @Override
        public void observation(Observation observation) {
            writer.add(observation);
        }

        @Override
        public void rejected(long line, String reason, String content) {
            writer.reject(line, "quarantined", reason, content);
        }

        @Override
        public void skipped(long line, String reason, String content) {
            writer.reject(line, "skipped", reason, content);
        }

        @Override
        public void footer(ExtractFooter footer) {
            this.footer = footer;
        }

        void finish(LineAccount account) {
            writer.flush();
            deliveries.complete(deliveryId, footer, account);
        }
    }
}
