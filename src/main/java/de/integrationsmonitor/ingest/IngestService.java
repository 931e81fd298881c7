package de.integrationsmonitor.ingest;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.observation.Cell;

import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.validate.FindingStore;
import de.integrationsmonitor.ImonSettings;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.validate.ConsistencyChecker;
import de.integrationsmonitor.validate.ConsistencyRule;
import de.integrationsmonitor.validate.Finding;
import de.integrationsmonitor.validate.FindingCounts;
import de.integrationsmonitor.validate.PublicationCheck;
import de.integrationsmonitor.validate.RegisterCheck;
import de.integrationsmonitor.validate.RuleCatalogue;
import de.integrationsmonitor.observation.Period;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final DeliveryStore deliveries;
    private final ObservationStore observations;
    private final FindingStore findings;
    private final RegisterCheck registerCheck;
    private final Path rulesFile;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public IngestService(DeliveryStore deliveries, ObservationStore observations,
                         FindingStore findings, KreisRegister register, ImonSettings settings,
                         TransactionTemplate transaction, Clock clock) {
        this.deliveries = deliveries;
        this.observations = observations;
        this.findings = findings;
        this.registerCheck = new RegisterCheck(register);
        this.rulesFile = settings.rules();
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
                        Optional.empty(), "identical bytes were ingested before as delivery " + d.id() + " (" + d.fileName()
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
        List<ConsistencyRule> rules = RuleCatalogue.load(rulesFile).rules();
        StoringListener listener = new StoringListener(source);
        try {
            LineAccount account = transaction.execute(status -> {
                try {
                    return listener.finish(reader.read(source, listener), rules);
                } catch (IOException e) {
                    throw new ExtractRefusedException(fileName, 0, "cannot be read: " + e.getMessage());
                }
            });
            return new IngestOutcome(fileName, IngestOutcome.Status.STORED, Optional.of(format),
                    listener.tableCode, Optional.of(listener.deliveryId), Optional.ofNullable(account),
                    Optional.of(FindingCounts.of(listener.found)), "");
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
                Optional.empty(), Optional.empty(), e.getMessage());
    }

    /**
     * Stores what a reader streams, in the transaction of the file: each data line is checked against the Kreis
     * register once all its cells are in, then stored, skipped ("did not exist") or quarantined.
     */
    private final class StoringListener implements ExtractListener {
        private final ExtractSource source;
        private final List<Observation> line = new ArrayList<>();
        private final PublicationCheck publication = new PublicationCheck();
        private final List<Finding> found = new ArrayList<>();
        private ObservationStore.Writer writer;
        private ExtractFooter footer = ExtractFooter.none();
        private long deliveryId;
        private String tableCode = "";
        private long linesSkipped;
        private long linesRejected;
        private long observationsDropped;

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
            if (!line.isEmpty() && line.get(0).sourceLine() != observation.sourceLine()) {
                checkAndStoreLine();
            }
            line.add(observation);
        }

        private void checkAndStoreLine() {
            Observation first = line.get(0);
            Map<Period, List<Cell>> cellsByPeriod = new LinkedHashMap<>();
            line.forEach(o -> cellsByPeriod.computeIfAbsent(o.period(), d -> new ArrayList<>()).add(o.cell()));
            Map<Period, RegisterCheck.Verdict> verdictByPeriod = new LinkedHashMap<>();
            cellsByPeriod.forEach((period, cells) -> verdictByPeriod.put(period,
                    registerCheck.check(first.sourceLine(), first.regionCode(), period, cells)));
            List<RegisterCheck.Verdict> verdicts = List.copyOf(verdictByPeriod.values());
            Optional<RegisterCheck.Verdict> reject = verdicts.stream()
                    .filter(v -> v.kind() == RegisterCheck.Verdict.Kind.REJECT).findFirst();
            if (reject.isPresent()) {
                linesRejected++;
                observationsDropped += line.size();
                writer.reject(first.sourceLine(), "quarantined", reject.get().reason(), null);
                found.add(reject.get().finding().orElseThrow());
            } else if (verdicts.stream().allMatch(v -> v.kind() == RegisterCheck.Verdict.Kind.SKIP)) {
                linesSkipped++;
                observationsDropped += line.size();
                writer.reject(first.sourceLine(), "skipped", verdicts.get(0).reason(), null);
            } else {
                verdicts.forEach(v -> v.finding().ifPresent(found::add));
                // a line of several periods keeps the cells of the periods the office reports the Kreis for
                line.forEach(o -> {
                    if (verdictByPeriod.get(o.period()).kind() == RegisterCheck.Verdict.Kind.SKIP) {
                        observationsDropped++;
                    } else {
                        writer.add(o);
                        publication.count(o);
                    }
                });
            }
            line.clear();
        }

        @Override
        public void rejected(long lineNumber, String reason, String content) {
            writer.reject(lineNumber, "quarantined", reason, content);
        }

        @Override
        public void skipped(long lineNumber, String reason, String content) {
            writer.reject(lineNumber, "skipped", reason, content);
        }

        @Override
        public void footer(ExtractFooter footer) {
            this.footer = footer;
        }

        /** Completes the delivery: last line, publication and consistency checks, the corrected account. */
        LineAccount finish(LineAccount read, List<ConsistencyRule> rules) {
            if (!line.isEmpty()) {
                checkAndStoreLine();
            }
            writer.flush();
            LineAccount account = new LineAccount(read.dataLines(), read.stored() - linesSkipped - linesRejected,
                    read.rejected() + linesRejected, read.skipped() + linesSkipped,
                    read.observations() - observationsDropped);
            found.addAll(publication.findings());
            findings.storeUnpublished(deliveryId, publication.unpublishedKreisLevel(), "KREIS");
            ConsistencyChecker checker = new ConsistencyChecker(tableCode, rules, found::add,
                    publication.unpublishedKreisLevel());
            observations.streamDelivery(deliveryId, checker::accept);
            checker.finish();
            findings.store(deliveryId, found);
            deliveries.complete(deliveryId, footer, account);
            return account;
        }
    }
}
