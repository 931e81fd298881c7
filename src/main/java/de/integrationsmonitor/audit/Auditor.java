package de.integrationsmonitor.audit;

import de.integrationsmonitor.audit.trust.TemplateTrust;
import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.indicator.ComputationStore;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.observation.Deliveries;
import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.report.PreparedEdition;
import de.integrationsmonitor.report.ReportService;
import de.integrationsmonitor.report.edition.Edition;
import de.integrationsmonitor.report.edition.EditionException;
import de.integrationsmonitor.report.edition.EditionLoader;
import de.integrationsmonitor.report.edition.ReportInput;
import de.integrationsmonitor.report.opendata.OpenData;
import de.integrationsmonitor.report.pdf.Provenance;
import de.integrationsmonitor.report.publish.VersionLedger;
import de.integrationsmonitor.report.web.WebPublication;
import de.integrationsmonitor.validate.FindingStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Service;

/**
 * What an auditor asks of the recorded report versions: re-render a version from the archive and compare, verify a
 * PDF from its embedded version id, and show what a version rests on and what changed since.
 */
@Service
public class Auditor {

    private static final Pattern VERSION_IN_XMP =
            Pattern.compile("<" + Provenance.PREFIX + ":versionId>([^<]{1,40})</" + Provenance.PREFIX + ":versionId>");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final ReportVersions versions;
    private final ArchiveStore archive;
    private final AuditLog log;
    private final ImonSettings settings;
    private final ComputationStore indicators;
    private final Deliveries deliveries;
    private final FindingStore findings;
    private final ComputationService computation;
    private final Clock clock;

    public Auditor(
            ReportVersions versions,
            ArchiveStore archive,
            AuditLog log,
            ImonSettings settings,
            ComputationStore indicators,
            Deliveries deliveries,
            FindingStore findings,
            ComputationService computation,
            Clock clock) {
        this.versions = versions;
        this.archive = archive;
        this.log = log;
        this.settings = settings;
        this.indicators = indicators;
        this.deliveries = deliveries;
        this.findings = findings;
        this.computation = computation;
        this.clock = clock;
    }

    public static String when(java.time.Instant at) {
        return WHEN.format(at);
    }

    /** A version by the id a person typed; an unknown id is a failed verification. */
    public ReportVersion version(String id) {
        return versions.find(id)
                .orElseThrow(() -> new AuditException("version " + id.strip() + " is unknown to this database"));
    }

    // --- rerun ---

    /**
     * What a re-render gave: the file written, its hash, and whether it equals the recorded PDF.
     *
     * @param identical the same bytes as recorded
     * @param verdict   the line to print: "identical (sha256 …)", or what differs
     */
    public record Rerun(ReportVersion version, Path file, String sha256, boolean identical, String verdict) {}

    /**
     * Renders a version again from the archive (edition, texts, catalogue, rules, register, templates put back
     * together in a temporary project tree) and the stored computation, with the version's id and first render
     * time, into {@code outFolder} (default a new folder under {@code output/audit/}), and compares it with the
     * recorded PDF: the bytes when the application is the one that rendered it, else the text content (of the
     * published PDF, when it is still there with its recorded hash).
     */
    public Rerun rerun(String id, Optional<Path> outFolder) {
        ReportVersion version = version(id);
        Path tree = materialise(version);
        try {
            ImonSettings archived = new ImonSettings(tree, settings.home());
            ReportService reports = new ReportService(
                    archived,
                    indicators,
                    deliveries,
                    findings,
                    computation,
                    KreisRegister.load(archived.register()),
                    clock,
                    VersionLedger.NONE);
            Edition edition = EditionLoader.load(editionFile(tree, version));
            PreparedEdition prepared = reports.prepare(edition, version.computationId(), Optional.empty());
            if (!prepared.inputsSha256().equals(version.inputsSha256())) {
                throw new AuditException("version " + version.versionId() + ": the archived inputs give SHA-256 "
                        + prepared.inputsSha256() + ", the version was rendered from " + version.inputsSha256()
                        + " (a delivery of its computation is missing from the database?)");
            }
            // the version id follows from what the archive holds, or the record was changed after rendering
            String recomputed = Provenance.versionId(
                    prepared.inputsSha256(), version.unit(), version.computationId(), version.appVersion());
            if (!recomputed.equals(version.versionId())) {
                throw new AuditException("version " + version.versionId() + ": its archived inputs give version id "
                        + recomputed + ", not " + version.versionId() + ": its record was changed after it was"
                        + " rendered (the id follows from the inputs SHA-256 " + prepared.inputsSha256() + ", "
                        + version.unit() + ", computation " + version.computationId() + " and application "
                        + version.appVersion() + "); nothing was compiled");
            }
            // templates are code: an archived one is compiled only when the application ships it or the operator
            // trusts it (templates/ now, or the approvals file)
            TemplateTrust trust = new TemplateTrust(settings.templates(), settings.jobs());
            for (ReportVersion.Input input : version.inputs()) {
                if (input.role().equals(ReportInput.TEMPLATE)) {
                    trust.refusal(input.sha256()).ifPresent(why -> {
                        throw new AuditException("version " + version.versionId() + ": the archived template "
                                + input.name() + " (SHA-256 " + input.sha256() + ") " + why
                                + "; it is not compiled (see docs/sicherheit-audit.md)");
                    });
                }
            }
            if (version.unit().equals(WebPublication.UNIT)) {
                return rerunWeb(version, prepared, outFolder);
            }
            if (!prepared.units().contains(version.unit())) {
                throw new AuditException("version " + version.versionId() + ": " + version.territory()
                        + " is no longer a unit of the edition rebuilt from the archive");
            }
            Provenance provenance = new Provenance(
                    version.versionId(),
                    version.edition(),
                    version.unit(),
                    version.territory(),
                    version.computationId(),
                    version.inputsSha256(),
                    version.appVersion(),
                    version.renderedAt());
            Path folder = outFolder.orElseGet(() -> settings.output()
                    .resolve("audit")
                    .resolve(version.versionId() + "-"
                            + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                    .withZone(ZoneOffset.UTC)
                                    .format(clock.instant())));
            Path file = folder.resolve(Path.of(version.fileName()).getFileName().toString());
            write(file, out -> prepared.render(version.unit(), provenance, out));
            String sha = Sha256.of(file);
            Rerun result = compare(version, file, sha, prepared.appVersion());
            // the unit's web page, when the version published one: re-created beside the PDF, compared by bytes
            String page = WebPublication.pageName(prepared, version.unit());
            String recordedPage = versions.files(version.versionId()).get(page);
            if (recordedPage != null) {
                byte[] html = WebPublication.page(prepared, version.unit(), version.versionId());
                Path pageFile = folder.resolve(Path.of(page).getFileName().toString());
                write(pageFile, out -> writeBytes(out, html));
                String pageSha = Sha256.of(pageFile);
                boolean same = pageSha.equals(recordedPage);
                result = new Rerun(
                        version,
                        file,
                        sha,
                        result.identical() && same,
                        result.verdict() + "; web page "
                                + (same
                                        ? "identical (sha256 " + pageSha + ")"
                                        : "differs: SHA-256 " + pageSha + ", published with " + recordedPage));
            }
            log.append(
                    AuditEntry.RERUN,
                    version.versionId(),
                    (result.identical() ? "identical" : "different") + " pdf " + sha + " recorded "
                            + version.pdfSha256() + " application " + prepared.appVersion());
            return result;
        } finally {
            deleteTree(tree);
        }
    }

    /** The index and open data of a web publication version, re-created and compared file by file. */
    private Rerun rerunWeb(ReportVersion version, PreparedEdition prepared, Optional<Path> outFolder) {
        Path folder = outFolder.orElseGet(() -> settings.output()
                .resolve("audit")
                .resolve(version.versionId() + "-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .withZone(ZoneOffset.UTC)
                                .format(clock.instant())));
        Map<String, String> recorded = new TreeMap<>(versions.files(version.versionId()));
        recorded.put(version.fileName(), version.pdfSha256());
        List<String> differing = new ArrayList<>();
        Path index = null;
        String indexSha = "";
        String prefix = prepared.edition().publicationFolder() + "/";
        for (Map.Entry<String, byte[]> made :
                WebPublication.editionFiles(prepared, version.versionId()).entrySet()) {
            Path file = folder.resolve(made.getKey().substring(prefix.length()));
            write(file, out -> writeBytes(out, made.getValue()));
            String sha = Sha256.of(file);
            if (made.getKey().equals(version.fileName())) {
                index = file;
                indexSha = sha;
            }
            if (!sha.equals(recorded.remove(made.getKey()))) {
                differing.add(made.getKey());
            }
        }
        differing.addAll(recorded.keySet());
        boolean identical = differing.isEmpty();
        Rerun result = new Rerun(
                version,
                index == null ? folder : index,
                indexSha,
                identical,
                identical
                        ? "identical: every file of the web publication (index sha256 " + indexSha + ")"
                        : "differs: " + String.join(", ", differing));
        log.append(
                AuditEntry.RERUN,
                version.versionId(),
                (identical ? "identical" : "different") + " web " + indexSha + " recorded " + version.pdfSha256()
                        + " application " + prepared.appVersion());
        return result;
    }

    private static void writeBytes(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Rerun compare(ReportVersion version, Path file, String sha, String appNow) {
        if (sha.equals(version.pdfSha256())) {
            return new Rerun(version, file, sha, true, "identical (sha256 " + sha + ")");
        }
        if (appNow.equals(version.appVersion())) {
            return new Rerun(
                    version,
                    file,
                    sha,
                    false,
                    "differs: the re-render has SHA-256 " + sha
                            + ", version " + version.versionId() + " was published with " + version.pdfSha256()
                            + " (same application " + appNow + ")");
        }
        Path published = settings.output().resolve(version.fileName());
        if (!Files.isRegularFile(published) || !Sha256.of(published).equals(version.pdfSha256())) {
            return new Rerun(
                    version,
                    file,
                    sha,
                    false,
                    "bytes differ because the application changed from "
                            + version.appVersion() + " to " + appNow + "; the published PDF is not at " + published
                            + " with its recorded SHA-256, so its text cannot be compared");
        }
        boolean same = text(published).equals(text(file));
        return new Rerun(
                version,
                file,
                sha,
                same,
                same
                        ? "content identical; bytes differ because the application changed from " + version.appVersion()
                                + " to " + appNow
                        : "content differs, and the application changed from " + version.appVersion() + " to "
                                + appNow);
    }

    /** The text of a PDF as PDFBox extracts it, page by page. */
    static String text(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pdf + " as a PDF: " + e.getMessage(), e);
        }
    }

    /** Where each role's files lie in a project tree: the edition, its texts, goals and measures in their own folder. */
    private static Path place(Path tree, ReportVersion.Input input) {
        Path folder = switch (input.role()) {
            case ReportInput.EDITION, ReportInput.TEXT, ReportInput.GOALS, ReportInput.MEASURES ->
                tree.resolve("editions");
            case ReportInput.CATALOGUE, ReportInput.RULES ->
                tree.resolve("jobs").resolve("catalogue");
            case ReportInput.REGISTER -> tree.resolve("jobs").resolve("register");
            case ReportInput.SOURCES -> tree.resolve("jobs").resolve("datenquellen");
            case ReportInput.TEMPLATE -> tree.resolve("templates");
            default -> throw new AuditException("unknown role of an archived input: " + input.role());
        };
        Path file = folder.resolve(input.name()).normalize();
        if (!file.startsWith(folder) || Path.of(input.name()).isAbsolute()) {
            throw new AuditException("archived input name leaves its folder: " + input.name());
        }
        return file;
    }

    private static Path editionFile(Path tree, ReportVersion version) {
        return version.inputs().stream()
                .filter(i -> i.role().equals(ReportInput.EDITION))
                .findFirst()
                .map(i -> place(tree, i))
                .orElseThrow(() -> new AuditException("version " + version.versionId() + " names no edition file"));
    }

    /** The project tree of a version, from the archive; every file checked against its recorded hash. */
    private Path materialise(ReportVersion version) {
        try {
            Path tree = Files.createTempDirectory("imon-audit-");
            for (ReportVersion.Input input : version.inputs()) {
                byte[] content = archive.get(input.sha256())
                        .orElseThrow(() -> new AuditException("version "
                                + version.versionId() + ": " + input.role() + " " + input.name() + " (SHA-256 "
                                + input.sha256() + ") is missing from the archive"));
                if (!Sha256.of(content).equals(input.sha256())) {
                    throw new AuditException("version " + version.versionId() + ": the archive's copy of "
                            + input.name() + " no longer has its SHA-256 " + input.sha256());
                }
                Path file = place(tree, input);
                Files.createDirectories(file.getParent());
                Files.write(file, content);
            }
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot put the archived inputs of " + version.versionId() + " back together: " + e.getMessage(),
                    e);
        }
    }

    private static void write(Path file, java.util.function.Consumer<OutputStream> content) {
        try {
            Files.createDirectories(file.getParent());
            Path part = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                content.accept(out);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder: the system cleans it up
        }
    }

    // --- verify ---

    /** What verifying a file found: authentic or not, and the line to print. */
    public record Verification(Path file, boolean authentic, String verdict) {}

    /**
     * Verifies a PDF from the file alone: its embedded version id (XMP) names the version, whose recorded SHA-256 the
     * file's must equal.
     */
    public Verification verify(Path pdf) {
        Verification result = check(pdf);
        log.append(
                AuditEntry.VERIFY,
                pdf.getFileName().toString(),
                (result.authentic() ? "authentic" : "failed") + " sha256 "
                        + (Files.isRegularFile(pdf) ? Sha256.of(pdf) : "-") + ": " + result.verdict());
        return result;
    }

    private Verification check(Path pdf) {
        if (!Files.isRegularFile(pdf)) {
            return new Verification(pdf, false, "no such file");
        }
        String sha = Sha256.of(pdf);
        Optional<String> id;
        try {
            id = publishedFile(pdf) ? fileVersionId(pdf) : embeddedVersionId(pdf);
        } catch (UnreadablePdf e) {
            return new Verification(pdf, false, "not a readable PDF: " + e.getMessage() + " (SHA-256 " + sha + ")");
        }
        if (id.isEmpty()) {
            return new Verification(
                    pdf,
                    false,
                    "carries no report version id: not a report version of this" + " product (SHA-256 " + sha + ")");
        }
        Optional<ReportVersion> found = versions.find(id.get());
        if (found.isEmpty()) {
            return new Verification(
                    pdf, false, "version " + id.get() + " is unknown to this database (SHA-256 " + sha + ")");
        }
        ReportVersion v = found.get();
        if (publishedFile(pdf)) {
            // a web page or data file: one of the version's files has its name and hash
            Map<String, String> files = new TreeMap<>(versions.files(v.versionId()));
            files.put(v.fileName(), v.pdfSha256());
            String name = pdf.getFileName().toString();
            Optional<Map.Entry<String, String>> recorded = files.entrySet().stream()
                    .filter(e -> Path.of(e.getKey()).getFileName().toString().equals(name))
                    .findFirst();
            if (recorded.isEmpty()) {
                return new Verification(
                        pdf,
                        false,
                        "version " + v.versionId() + " (" + v.territory() + ", " + v.edition() + ") has no file " + name
                                + " (SHA-256 " + sha + ")");
            }
            if (!recorded.get().getValue().equals(sha)) {
                return new Verification(
                        pdf,
                        false,
                        "modified: its SHA-256 is " + sha + ", version "
                                + v.versionId() + " (" + v.territory() + ", " + v.edition() + ") published "
                                + recorded.get().getKey() + " with "
                                + recorded.get().getValue());
            }
            return new Verification(
                    pdf,
                    true,
                    "authentic: " + recorded.get().getKey() + " of version "
                            + v.versionId() + " (" + v.territory() + ", " + v.edition() + "), rendered "
                            + when(v.renderedAt()) + ", rests on computation " + v.computationId() + " ("
                            + deliveriesOf(v).size() + " deliveries), inputs SHA-256 " + v.inputsSha256()
                            + ", application " + v.appVersion());
        }
        if (!v.pdfSha256().equals(sha)) {
            return new Verification(
                    pdf,
                    false,
                    "modified: its SHA-256 is " + sha + ", version " + v.versionId() + " (" + v.territory() + ", "
                            + v.edition() + ") was published with " + v.pdfSha256());
        }
        return new Verification(
                pdf,
                true,
                "authentic: version " + v.versionId() + " (" + v.territory() + ", "
                        + v.edition() + "), rendered " + when(v.renderedAt()) + ", rests on computation "
                        + v.computationId() + " (" + deliveriesOf(v).size() + " deliveries), inputs SHA-256 "
                        + v.inputsSha256() + ", application " + v.appVersion());
    }

    /** A file of the web publication or the open data (not a PDF), by its name. */
    static boolean publishedFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".csv") || name.endsWith(".json") || name.endsWith(".jsonld");
    }

    /** The version id a web page carries in a {@code <meta>} element, or a data file in its metadata. */
    static Optional<String> fileVersionId(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return file.getFileName()
                            .toString()
                            .toLowerCase(java.util.Locale.ROOT)
                            .endsWith(".html")
                    ? WebPublication.versionOf(text)
                    : OpenData.versionOf(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The most of an XMP packet read: the product's are a few KiB; a stream inflating further is no report's. */
    static final int MAX_XMP_BYTES = 4 * 1024 * 1024;

    /** A file made so that reading it would exhaust the stack or the heap: refused as not a readable PDF. */
    static final class UnreadablePdf extends Exception {
        UnreadablePdf(String message) {
            super(message);
        }
    }

    /**
     * The version id in a PDF's XMP metadata; read from the raw bytes when the file does not parse as a PDF. What is
     * read is bounded: the XMP packet to {@value #MAX_XMP_BYTES} bytes inflated, the nesting of arrays and
     * dictionaries to what the parser's stack holds (a deeper file is refused, not followed), the raw bytes in
     * chunks.
     *
     * @throws UnreadablePdf when the file is built to exhaust the reader
     */
    static Optional<String> embeddedVersionId(Path pdf) throws UnreadablePdf {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            if (metadata != null) {
                byte[] packet;
                try (java.io.InputStream in = metadata.createInputStream()) {
                    packet = in.readNBytes(MAX_XMP_BYTES + 1);
                }
                if (packet.length > MAX_XMP_BYTES) {
                    throw new UnreadablePdf("its XMP metadata is larger than " + MAX_XMP_BYTES / (1024 * 1024)
                            + " MiB inflated (a report's is a few KiB)");
                }
                Matcher m = VERSION_IN_XMP.matcher(new String(packet, StandardCharsets.UTF_8));
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        } catch (StackOverflowError e) {
            // the parser follows nested arrays and dictionaries recursively: the stack unwound, nothing is kept
            throw new UnreadablePdf("its objects are nested deeper than a PDF reader can follow");
        } catch (IOException | RuntimeException e) {
            // a damaged file: the packet is plain text in the file (PDF/A forbids filtering it)
        }
        try (java.io.InputStream in = Files.newInputStream(pdf)) {
            // in chunks, each searched with the end of the one before (a packet's id is short), the last id kept
            String last = null;
            String carry = "";
            byte[] chunk = new byte[1 << 20];
            int read;
            while ((read = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                String text = carry + new String(chunk, 0, read, StandardCharsets.ISO_8859_1);
                Matcher m = VERSION_IN_XMP.matcher(text);
                while (m.find()) {
                    if (m.end() > carry.length()) { // not found in the chunk before
                        last = m.group(1);
                    }
                }
                carry = text.substring(Math.max(0, text.length() - 200));
            }
            return Optional.ofNullable(last);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pdf + ": " + e.getMessage(), e);
        }
    }

    // --- list, show ---

    /** Every version with a filter on edition and Kreis (AGS) or Land (land-NN). */
    public List<ReportVersion> list(Optional<String> edition, Optional<String> unit) {
        return versions.all().stream()
                .filter(v -> edition.map(v.edition()::equals).orElse(true))
                .filter(v -> unit.map(v.unit()::equals).orElse(true))
                .toList();
    }

    /** The deliveries of a version's computation. */
    public List<Delivery> deliveriesOf(ReportVersion version) {
        Set<Long> ids = Set.copyOf(indicators.deliveriesOf(version.computationId()));
        return deliveries.all().stream().filter(d -> ids.contains(d.id())).toList();
    }

    /**
     * Deliveries stored since that supersede one of the version's: of a table of its computation, not part of it,
     * with a newer {@code Stand:} than every delivery of that table in it (or, without a Stand, ingested later).
     */
    public List<Delivery> newerDeliveries(ReportVersion version) {
        List<Delivery> used = deliveriesOf(version);
        Set<Long> ids = used.stream().map(Delivery::id).collect(Collectors.toSet());
        Map<String, List<Delivery>> byTable = used.stream().collect(Collectors.groupingBy(Delivery::tableCode));
        List<Delivery> newer = new ArrayList<>();
        for (Delivery d : deliveries.all()) {
            List<Delivery> same = byTable.get(d.tableCode());
            if (same == null || ids.contains(d.id())) {
                continue;
            }
            boolean later = same.stream()
                    .allMatch(u -> d.officeStand().isPresent()
                            ? u.officeStand()
                                    .map(s -> d.officeStand().get().isAfter(s))
                                    .orElse(true)
                            : d.ingestedAt().isAfter(u.ingestedAt()));
            if (later) {
                newer.add(d);
            }
        }
        return newer;
    }

    /**
     * What of a version's files is different now in the project: per archived input "changed" or "removed", and
     * templates added since; the edition is found among {@code jobs/} by its id.
     */
    public Map<String, String> changedSince(ReportVersion version) {
        Map<String, String> changes = new TreeMap<>();
        Optional<Path> editionFile = currentEdition(version.edition());
        Set<String> templates = new TreeSet<>();
        for (ReportVersion.Input input : version.inputs()) {
            Optional<Path> now = switch (input.role()) {
                case ReportInput.EDITION -> editionFile;
                case ReportInput.TEXT, ReportInput.GOALS, ReportInput.MEASURES ->
                    editionFile.map(f -> f.toAbsolutePath().getParent().resolve(input.name()));
                case ReportInput.CATALOGUE -> Optional.of(settings.catalogue());
                case ReportInput.RULES ->
                    Optional.of(settings.jobs().resolve("catalogue").resolve(input.name()));
                case ReportInput.REGISTER -> Optional.of(settings.register().resolve(input.name()));
                case ReportInput.SOURCES ->
                    Optional.of(settings.jobs().resolve("datenquellen").resolve(input.name()));
                case ReportInput.TEMPLATE -> Optional.of(settings.templates().resolve(input.name()));
                default -> Optional.empty();
            };
            if (input.role().equals(ReportInput.TEMPLATE)) {
                templates.add(input.name());
            }
            String key = input.role() + " " + input.name();
            if (now.isEmpty() || !Files.isRegularFile(now.get())) {
                changes.put(
                        key,
                        input.role().equals(ReportInput.EDITION)
                                ? "no edition with id " + version.edition() + " in " + settings.jobs()
                                : "removed");
            } else if (!Sha256.of(now.get()).equals(input.sha256())) {
                changes.put(key, "changed (now SHA-256 " + Sha256.of(now.get()) + ")");
            }
        }
        if (Files.isDirectory(settings.templates())) {
            try (Stream<Path> files = Files.walk(settings.templates())) {
                files.filter(Files::isRegularFile)
                        .map(f ->
                                settings.templates().relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                        .filter(n -> !templates.contains(n))
                        .forEach(n -> changes.put(ReportInput.TEMPLATE + " " + n, "added"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + settings.templates(), e);
            }
        }
        return changes;
    }

    private Optional<Path> currentEdition(String id) {
        for (Path file : EditionLoader.editionFiles(settings.jobs())) {
            try {
                if (EditionLoader.load(file).id().equals(id)) {
                    return Optional.of(file);
                }
            } catch (EditionException e) {
                // an edition that does not load now is not the one asked for
            }
        }
        return Optional.empty();
    }

    /** The time of a delivery's Stand, for people. */
    public static String stand(Delivery d) {
        return d.officeStand()
                .map(s -> s.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")))
                .orElse("ohne Stand-Angabe");
    }

    /** A version's inputs by role, in the order recorded. */
    public static Map<String, List<ReportVersion.Input>> byRole(ReportVersion version) {
        Map<String, List<ReportVersion.Input>> roles = new LinkedHashMap<>();
        version.inputs()
                .forEach(i ->
                        roles.computeIfAbsent(i.role(), k -> new ArrayList<>()).add(i));
        return roles;
    }
}
