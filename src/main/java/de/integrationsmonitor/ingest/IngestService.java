package de.integrationsmonitor.ingest;

import de.integrationsmonitor.datenquellen.SourceDescription;
import de.integrationsmonitor.datenquellen.SourceDescriptionException;
import de.integrationsmonitor.datenquellen.SourceDescriptions;
import de.integrationsmonitor.ingest.space.StoreSpace;
import de.integrationsmonitor.ingest.workbook.WorkbookReader;
import de.integrationsmonitor.kernel.AuditTrail;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.region.KreisNames;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.gemeinde.GemeindeRegister;
import de.integrationsmonitor.validate.ConsistencyChecker;
import de.integrationsmonitor.validate.ConsistencyRule;
import de.integrationsmonitor.validate.Finding;
import de.integrationsmonitor.validate.FindingCounts;
import de.integrationsmonitor.validate.FindingStore;
import de.integrationsmonitor.validate.GemeindeRegisterCheck;
import de.integrationsmonitor.validate.PublicationCheck;
import de.integrationsmonitor.validate.RegisterCheck;
import de.integrationsmonitor.validate.RuleCatalogue;
import de.integrationsmonitor.validate.StandCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
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
    /** Gemeinde keys against the Gemeinde register, where jobs/register has one. */
    private final Optional<GemeindeRegisterCheck> gemeindeCheck;

    private final Path rulesFile;
    /** The source descriptions of workbooks and other own data (jobs/datenquellen), read anew for every file. */
    private final Path descriptionsFolder;

    private final KreisRegister register;
    private final Path registerFolder;
    private KreisNames names;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final IngestLimits limits;
    /** Cells of a delivery kept in memory for the consistency pass; a larger delivery is read back. */
    private final int cellsKept;

    private final AuditTrail auditTrail;
    /** IMON_HOME: where the embedded database lies, to name its file system when the disk is full. */
    private final Path home;

    public IngestService(
            DeliveryStore deliveries,
            ObservationStore observations,
            FindingStore findings,
            KreisRegister register,
            ImonSettings settings,
            TransactionTemplate transaction,
            Clock clock,
            IngestLimits limits,
            AuditTrail auditTrail) {
        this.deliveries = deliveries;
        this.observations = observations;
        this.findings = findings;
        this.registerCheck = new RegisterCheck(register);
        this.gemeindeCheck =
                java.nio.file.Files.isRegularFile(settings.register().resolve(GemeindeRegister.GEMEINDEN_FILE))
                        ? Optional.of(new GemeindeRegisterCheck(GemeindeRegister.load(settings.register())))
                        : Optional.empty();
        this.rulesFile = settings.rules();
        this.descriptionsFolder = settings.jobs().resolve("datenquellen");
        this.register = register;
        this.registerFolder = settings.register();
        this.transaction = transaction;
        this.clock = clock;
        this.limits = limits;
        this.cellsKept = DeliveryCells.defaultLimit();
        this.auditTrail = auditTrail;
        this.home = settings.home();
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

    /**
     * Ingests one file in a transaction of its own and says what became of it. Never throws for a problem of the
     * file: whatever belongs to it (unreadable, past a limit, a value the store cannot keep, a failure of the store
     * while storing it, a race with another process) refuses it, nothing of it committed, with file, line and
     * reason.
     */
    public IngestOutcome ingest(Path file) {
        return ingest(file, Optional.empty());
    }

    /**
     * Ingests a file whose table is known from elsewhere (a download names it in its request): a flat-file CSV is
     * stored under that code whatever its name says, so also a Regionalatlas table like {@code AI-N-01-2-5}.
     */
    public IngestOutcome ingest(Path file, Optional<String> declaredTableCode) {
        String fileName = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            return refused(
                    fileName,
                    Optional.empty(),
                    "",
                    new ExtractRefusedException(
                            fileName,
                            0,
                            Files.exists(file)
                                    ? file + " is " + kindOf(file) + ", not a regular file; ingest reads regular"
                                            + " files only"
                                    : "no such file (looked for " + file + ")"));
        }
        ExtractSource source;
        ExtractFormat format;
        Optional<SourceDescription> description;
        try {
            source = ExtractSource.scan(file, declaredTableCode);
            Optional<String> changed = source.changed();
            if (changed.isPresent()) {
                return refused(fileName, Optional.empty(), "", new ExtractRefusedException(fileName, 0, changed.get()));
            }
            Optional<IngestOutcome> known =
                    alreadyIngested(fileName, source.bytes().sha256());
            if (known.isPresent()) {
                return known.get();
            }
            description = SourceDescriptions.load(descriptionsFolder).forFile(fileName);
            if (description.isEmpty()
                    && WorkbookReader.isWorkbook(source)
                    && fileName.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(xlsx|xlsm|xls)")) {
                throw new ExtractRefusedException(
                        fileName,
                        0,
                        "an Excel workbook is read through a source"
                                + " description: none in " + descriptionsFolder
                                + " takes this file name (field 'files');"
                                + " see docs/eigene-daten.md");
            }
            format = description.isPresent() ? ExtractFormat.WORKBOOK : FormatDetector.detect(source);
        } catch (ExtractRefusedException e) {
            return refused(fileName, Optional.empty(), "", e);
        } catch (SourceDescriptionException e) {
            return refused(fileName, Optional.empty(), "", new ExtractRefusedException(fileName, 0, e.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            return refused(fileName, Optional.empty(), "", unreadable(fileName, 0, e));
        }
        ExtractReader reader = description.isPresent()
                ? new WorkbookReader(description.get(), names(), limits)
                : readerFor(format, limits);
        List<ConsistencyRule> rules = RuleCatalogue.load(rulesFile).rules();
        StoringListener listener = new StoringListener(source);
        try {
            LineAccount account = transaction.execute(status -> {
                try {
                    LineAccount finished = listener.finish(reader.read(source, listener), rules);
                    // what was parsed is what was hashed: the file did not grow or change meanwhile
                    Optional<String> changed = source.changed();
                    if (changed.isPresent()) {
                        throw new ExtractRefusedException(fileName, 0, changed.get());
                    }
                    // the delivery and its audit entry are committed together, or neither
                    auditTrail.enterInTransaction(
                            AuditTrail.INGEST,
                            fileName,
                            "delivery " + listener.deliveryId + " table " + listener.tableCode + " sha256 "
                                    + source.bytes().sha256());
                    return finished;
                } catch (IOException e) {
                    throw unreadable(fileName, listener.lastLine, e);
                }
            });
            return new IngestOutcome(
                    fileName,
                    IngestOutcome.Status.STORED,
                    Optional.of(format),
                    listener.tableCode,
                    Optional.of(listener.deliveryId),
                    Optional.ofNullable(account),
                    Optional.of(FindingCounts.of(listener.found)),
                    "");
        } catch (ExtractRefusedException e) {
            return refused(fileName, Optional.of(format), listener.tableCode, e);
        } catch (StoreRefusedException e) {
            return refused(
                    fileName,
                    Optional.of(format),
                    listener.tableCode,
                    new ExtractRefusedException(fileName, e.line(), e.getMessage()));
        } catch (UncheckedIOException e) {
            return refused(
                    fileName, Optional.of(format), listener.tableCode, unreadable(fileName, listener.lastLine, e));
        } catch (DataIntegrityViolationException e) {
            // the same bytes committed by another process meanwhile: the unique SHA-256 says so
            Optional<IngestOutcome> known =
                    alreadyIngested(fileName, source.bytes().sha256());
            return known.orElseGet(() -> refused(
                    fileName, Optional.of(format), listener.tableCode, storeFailed(fileName, listener.lastLine, e)));
        } catch (DataAccessException | org.springframework.transaction.TransactionException e) {
            // a full disk is said as one: which file system, what storing needed (the commit may be what fails)
            return refused(
                    fileName,
                    Optional.of(format),
                    listener.tableCode,
                    StoreSpace.diskFull(e)
                            ? new ExtractRefusedException(fileName, listener.lastLine, StoreSpace.describe(home, file))
                            : e instanceof DataAccessException d
                                    ? storeFailed(fileName, listener.lastLine, d)
                                    : new ExtractRefusedException(
                                            fileName,
                                            listener.lastLine,
                                            "the store could not take this file: "
                                                    + firstLine(String.valueOf(e.getMostSpecificCause()
                                                            .getMessage()))));
        }
    }

    /** What a path that exists but is no regular file is, for people: never opened (a pipe would block). */
    static String kindOf(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                case 0040000 -> "a folder";
                default -> "no regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Files.isDirectory(path) ? "a folder" : "something other than a file";
        }
    }

    /** The Kreis names the register and kreis-namen.csv know, built once. */
    private synchronized KreisNames names() {
        if (names == null) {
            names = KreisNames.load(register, registerFolder);
        }
        return names;
    }

    private Optional<IngestOutcome> alreadyIngested(String fileName, String sha256) {
        return deliveries
                .findBySha256(sha256)
                .map(d -> new IngestOutcome(
                        fileName,
                        IngestOutcome.Status.ALREADY_INGESTED,
                        Optional.of(formatOf(d.format())),
                        d.tableCode(),
                        Optional.of(d.id()),
                        Optional.empty(),
                        Optional.empty(),
                        "identical bytes were ingested before as" + " delivery " + d.id() + " (" + d.fileName()
                                + "); nothing to do"));
    }

    private static ExtractRefusedException unreadable(String fileName, long line, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        return new ExtractRefusedException(
                fileName,
                line,
                "cannot be read: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : " (" + firstLine(cause.getMessage()) + ")"));
    }

    private static ExtractRefusedException storeFailed(String fileName, long line, DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        return new ExtractRefusedException(
                fileName,
                line,
                "the store could not take this file"
                        + (line > 0 ? " (the failure came while storing up to this line)" : "") + ": "
                        + firstLine(String.valueOf(cause.getMessage())));
    }

    /** The first line of a message, at most 300 characters: drivers quote whole statements and values. */
    private static String firstLine(String message) {
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() <= 300 ? first : first.substring(0, 299) + "…";
    }

    static ExtractReader readerFor(ExtractFormat format) {
        return readerFor(format, IngestLimits.defaults());
    }

    static ExtractReader readerFor(ExtractFormat format, IngestLimits limits) {
        return switch (format) {
            case CLASSIC_CSV -> new ClassicCsvReader(limits);
            case FFCSV -> new FfcsvReader(limits);
            case WORKBOOK -> throw new IllegalArgumentException("a workbook is read through its source description");
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

    private static IngestOutcome refused(
            String fileName, Optional<ExtractFormat> format, String tableCode, ExtractRefusedException e) {
        return new IngestOutcome(
                fileName,
                IngestOutcome.Status.REFUSED,
                format,
                tableCode,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                e.getMessage());
    }

    /**
     * Stores what a reader streams, in the transaction of the file: each data line is checked against the Kreis
     * register once all its cells are in, then stored, skipped ("did not exist") or quarantined. Counts the
     * quarantined lines as they come, so that a file past the limits is refused at once.
     */
    private final class StoringListener implements ExtractListener {
        private final ExtractSource source;
        private final List<Observation> line = new ArrayList<>();
        private final PublicationCheck publication = new PublicationCheck();
        private final List<Finding> found = new ArrayList<>();
        private ObservationStore.Writer writer;
        private DeliveryCells cells;
        private ExtractFooter footer = ExtractFooter.none();
        private long deliveryId;
        private String tableCode = "";
        private long linesSkipped;
        private long linesRejected;
        private long observationsDropped;
        /** The line last seen, for a refusal that comes from below (the store, the disk). */
        private long lastLine;

        private long dataLinesSeen;
        private long quarantined;
        private Optional<String> firstQuarantined = Optional.empty();

        StoringListener(ExtractSource source) {
            this.source = source;
        }

        @Override
        public void header(ExtractHeader header) {
            tableCode = header.tableCode();
            deliveryId = deliveries.open(header, source.bytes().sha256(), LocalDateTime.now(clock));
            writer = observations.writer(deliveryId);
            cells = new DeliveryCells(deliveryId, cellsKept);
        }

        @Override
        public void observation(Observation observation) {
            if (!line.isEmpty() && line.get(0).sourceLine() != observation.sourceLine()) {
                checkAndStoreLine();
            }
            if (line.isEmpty()) {
                seen(observation.sourceLine());
            }
            line.add(observation);
        }

        private void checkAndStoreLine() {
            Observation first = line.get(0);
            Map<Period, List<Cell>> cellsByPeriod = new LinkedHashMap<>();
            line.forEach(o -> cellsByPeriod
                    .computeIfAbsent(o.period(), d -> new ArrayList<>())
                    .add(o.cell()));
            Map<Period, RegisterCheck.Verdict> verdictByPeriod = new LinkedHashMap<>();
            cellsByPeriod.forEach((period, cells) -> verdictByPeriod.put(
                    period, registerCheck.check(first.sourceLine(), first.regionCode(), period, cells)));
            List<RegisterCheck.Verdict> verdicts = List.copyOf(verdictByPeriod.values());
            Optional<RegisterCheck.Verdict> reject = verdicts.stream()
                    .filter(v -> v.kind() == RegisterCheck.Verdict.Kind.REJECT)
                    .findFirst();
            if (reject.isPresent()) {
                linesRejected++;
                observationsDropped += line.size();
                writer.reject(first.sourceLine(), "quarantined", reject.get().reason(), null);
                found.add(reject.get().finding().orElseThrow());
                quarantine(first.sourceLine(), reject.get().reason());
            } else if (verdicts.stream().allMatch(v -> v.kind() == RegisterCheck.Verdict.Kind.SKIP)) {
                linesSkipped++;
                observationsDropped += line.size();
                writer.reject(first.sourceLine(), "skipped", verdicts.get(0).reason(), null);
            } else {
                verdicts.forEach(v -> v.finding().ifPresent(found::add));
                gemeindeCheck.ifPresent(check -> cellsByPeriod
                        .keySet()
                        .forEach(period -> check.check(first.sourceLine(), first.regionCode(), period)
                                .ifPresent(found::add)));
                // a line of several periods keeps the cells of the periods the office reports the Kreis for
                line.forEach(o -> {
                    if (verdictByPeriod.get(o.period()).kind() == RegisterCheck.Verdict.Kind.SKIP) {
                        observationsDropped++;
                    } else {
                        writer.add(o);
                        cells.add(o);
                        publication.count(o);
                    }
                });
            }
            line.clear();
        }

        @Override
        public void rejected(long lineNumber, String reason, String content) {
            seen(lineNumber);
            writer.reject(lineNumber, "quarantined", reason, content);
            quarantine(lineNumber, reason);
        }

        @Override
        public void skipped(long lineNumber, String reason, String content) {
            seen(lineNumber);
            writer.reject(lineNumber, "skipped", reason, content);
        }

        private void seen(long lineNumber) {
            lastLine = lineNumber;
            dataLinesSeen++;
        }

        /** Counts a quarantined line; past the limits (absolute, or as a share of a long file) the file ends. */
        private void quarantine(long lineNumber, String reason) {
            quarantined++;
            if (firstQuarantined.isEmpty()) {
                firstQuarantined = Optional.of("line " + lineNumber + ": " + reason);
            }
            if (quarantined > limits.maxQuarantinedLines()) {
                throw new ExtractRefusedException(
                        source.fileName(),
                        lineNumber,
                        "more than "
                                + limits.maxQuarantinedLines()
                                + " lines quarantined (limit imon.limits.max-quarantined-lines);"
                                + " this is no extract with a few bad lines. The first: " + firstQuarantined.get());
            }
            if (dataLinesSeen >= IngestLimits.SHARE_AFTER_LINES
                    && quarantined > limits.maxQuarantinedShare() * dataLinesSeen) {
                throw new ExtractRefusedException(
                        source.fileName(),
                        lineNumber,
                        quarantined + " of the first "
                                + dataLinesSeen + " data lines quarantined, more than "
                                + percent(limits.maxQuarantinedShare())
                                + " (limit imon.limits.max-quarantined-share); this is no extract with a few bad lines."
                                + " The first: " + firstQuarantined.get());
            }
        }

        @Override
        public void footer(ExtractFooter footer) {
            this.footer = footer;
        }

        /**
         * Completes the delivery: last line, publication and consistency checks, the Stand, the corrected account.
         * A file of which no line could be stored, or which gives one cell twice with different values, is refused.
         */
        LineAccount finish(LineAccount read, List<ConsistencyRule> rules) {
            if (!line.isEmpty()) {
                checkAndStoreLine();
            }
            writer.flush();
            LineAccount account = new LineAccount(
                    read.dataLines(),
                    read.stored() - linesSkipped - linesRejected,
                    read.rejected() + linesRejected,
                    read.skipped() + linesSkipped,
                    read.observations() - observationsDropped);
            if (account.stored() == 0 && account.rejected() > 0) {
                throw new ExtractRefusedException(
                        source.fileName(),
                        0,
                        "nothing of this file could be read as data:"
                                + " all " + account.rejected()
                                + " data lines that were not skipped were quarantined. The first: "
                                + firstQuarantined.orElse("?"));
            }
            found.addAll(publication.findings());
            findings.storeUnpublished(deliveryId, publication.unpublishedKreisLevel(), "KREIS");
            ConsistencyChecker checker =
                    new ConsistencyChecker(tableCode, rules, found::add, publication.unpublishedKreisLevel());
            if (!cells.replay(checker::accept)) {
                observations.streamDelivery(deliveryId, checker::accept);
            }
            checker.finish();
            checker.conflict().ifPresent(conflict -> {
                throw new ExtractRefusedException(source.fileName(), conflict.line(), conflict.message());
            });
            StandCheck.Verdict stand =
                    StandCheck.check(footer.standLine(), footer.stand(), footer.standProblem(), LocalDate.now(clock));
            stand.finding().ifPresent(found::add);
            findings.store(deliveryId, found);
            deliveries.complete(deliveryId, stand.stand().isPresent() ? footer : footer.withoutStand(), account);
            return account;
        }
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }
}
