package de.integrationsmonitor.report;

import de.integrationsmonitor.disclosure.DisclosureRules;
import de.integrationsmonitor.disclosure.DisclosureRulesLoader;
import de.integrationsmonitor.disclosure.PublishedValues;
import de.integrationsmonitor.goal.GoalsAndMeasures;
import de.integrationsmonitor.goal.GoalsFile;
import de.integrationsmonitor.goal.MeasuresFile;
import de.integrationsmonitor.indicator.CatalogueLoader;
import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.indicator.ComputationStore;
import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.kernel.AppVersion;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.observation.Deliveries;
import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.report.edition.AuthorTexts;
import de.integrationsmonitor.report.edition.Confinement;
import de.integrationsmonitor.report.edition.Edition;
import de.integrationsmonitor.report.edition.EditionException;
import de.integrationsmonitor.report.edition.EditionLoader;
import de.integrationsmonitor.report.edition.ReportInput;
import de.integrationsmonitor.report.fill.GermanNumberFormat;
import de.integrationsmonitor.report.fill.KreisReport;
import de.integrationsmonitor.report.fill.KreisReportBuilder;
import de.integrationsmonitor.report.fill.LandOverviewBuilder;
import de.integrationsmonitor.report.goal.GoalReporting;
import de.integrationsmonitor.report.pdf.DocumentMetadata;
import de.integrationsmonitor.report.pdf.KreisReportRenderer;
import de.integrationsmonitor.report.pdf.LandOverviewRenderer;
import de.integrationsmonitor.report.pdf.Provenance;
import de.integrationsmonitor.report.publish.Publication;
import de.integrationsmonitor.report.publish.VersionLedger;
import de.integrationsmonitor.report.status.StatusReportBuilder;
import de.integrationsmonitor.report.status.StatusReportRenderer;
import de.integrationsmonitor.validate.FindingStore;
import de.integrationsmonitor.validate.RegisterCheck;
import de.integrationsmonitor.validate.RuleCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Makes editions ready to render from a computation ({@link PreparedEdition}): one PDF per Kreis with data, one
 * overview per Land, and a manifest of what the reports rest on, published through a staging folder
 * ({@link Publication}). The batch jobs render the units in partitions; {@link #render} does it in one thread.
 */
@Service
public class ReportService {

    private static final DateTimeFormatter STAND = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private final ImonSettings settings;
    private final ComputationStore indicators;
    private final Deliveries deliveries;
    private final FindingStore findings;
    private final ComputationService computation;
    private final KreisRegister register;
    private final Map<Path, KreisReportRenderer> renderers = new ConcurrentHashMap<>();
    private final Map<Path, LandOverviewRenderer> landRenderers = new ConcurrentHashMap<>();
    private final Map<Path, StatusReportRenderer> statusRenderers = new ConcurrentHashMap<>();
    private final Map<String, PreparedEdition> prepared = new java.util.HashMap<>();
    private final java.time.Clock clock;
    private final VersionLedger ledger;

    /** A service that records no versions and takes the render time from the system clock (tools, benchmarks). */
    public ReportService(
            ImonSettings settings,
            ComputationStore indicators,
            Deliveries deliveries,
            FindingStore findings,
            ComputationService computation,
            KreisRegister register) {
        this(
                settings,
                indicators,
                deliveries,
                findings,
                computation,
                register,
                java.time.Clock.systemUTC(),
                VersionLedger.NONE);
    }

    @Autowired
    public ReportService(
            ImonSettings settings,
            ComputationStore indicators,
            Deliveries deliveries,
            FindingStore findings,
            ComputationService computation,
            KreisRegister register,
            java.time.Clock clock,
            VersionLedger ledger) {
        this.settings = settings;
        this.indicators = indicators;
        this.deliveries = deliveries;
        this.findings = findings;
        this.computation = computation;
        this.register = register;
        this.clock = clock;
        this.ledger = ledger;
    }

    /** The time a report job renders at, fixed once when it is planned: now, to the second. */
    public java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * What rendering an edition gave: the PDFs written (the web pages and data files beside them are in the
     * manifest), the units that failed (with the reason), and the Kreise of the selection left out because the
     * data hold no value of the edition's indicators for them.
     */
    public record EditionResult(
            String edition, Path folder, List<Path> written, Map<String, String> failed, List<String> withoutData) {}

    /**
     * Renders an edition in this thread, one unit after the other, and publishes it: what the batch jobs do in
     * partitions, for tests and tools that need no job repository.
     */
    public EditionResult render(Edition edition, Optional<String> onlyKreis, Consumer<String> progress) {
        return render(edition, onlyKreis, progress, 1);
    }

    /**
     * As {@link #render(Edition, Optional, Consumer)}, the units on {@code threads} threads at once (as the report
     * job renders its partitions on all cores); {@code progress} is then called from those threads.
     */
    public EditionResult render(Edition edition, Optional<String> onlyKreis, Consumer<String> progress, int threads) {
        PreparedEdition prepared = prepare(edition, onlyKreis);
        Publication publication = Publication.of(settings.output(), edition);
        String run = "direct";
        publication.recover();
        publication.discardStagingExcept(run);
        Publication.deleteTree(publication.staging(run));
        Map<String, String> done = new java.util.concurrent.ConcurrentSkipListMap<>();
        Map<String, String> failed = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.time.Instant at = now();
        java.util.function.Consumer<String> renderOne = unit -> {
            String name = prepared.fileName(unit);
            try {
                Provenance provenance = prepared.provenance(unit, at);
                done.put(unit, publication.write(run, name, out -> prepared.render(unit, provenance, out)));
            } catch (RuntimeException e) {
                failed.put(unit, String.valueOf(e.getMessage()));
                progress.accept(unit + " failed: " + e.getMessage());
            }
        };
        if (threads <= 1) {
            prepared.units().forEach(renderOne);
        } else {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<?>> running = prepared.units().stream()
                        .<java.util.concurrent.Future<?>>map(unit -> pool.submit(() -> renderOne.accept(unit)))
                        .toList();
                for (java.util.concurrent.Future<?> unit : running) {
                    unit.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rendering " + edition.id(), e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("rendering " + edition.id() + " failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        // published as the report job publishes: versions recorded, the web twin staged, then the folder swapped
        EditionPublisher.Published published =
                EditionPublisher.publish(prepared, publication, run, done, failed, onlyKreis, at);
        return new EditionResult(
                edition.id(),
                published.folder(),
                published.written().stream().map(published.folder()::resolve).toList(),
                published.failed(),
                published.withoutData());
    }

    /**
     * Makes an edition ready to render from the latest computation (or, with {@code onlyKreis}, for one Kreis):
     * the catalogue's indicators it shows, the computed values, the deliveries they rest on and the compiled
     * templates. The same edition, computation and Kreis give the same object within a process, so that the
     * partitions of a run share it.
     */
    public PreparedEdition prepare(Edition edition, Optional<String> onlyKreis) {
        ComputationStore.Computation latest = indicators
                .latestComputation()
                .orElseThrow(() ->
                        new EditionException("no indicators computed yet: run 'bin/imon ingest' and 'bin/imon compute',"
                                + " or 'bin/imon run'"));
        return prepare(edition, latest.id(), onlyKreis);
    }

    /** As {@link #prepare(Edition, Optional)}, from a given computation. */
    public PreparedEdition prepare(Edition edition, long computationId, Optional<String> onlyKreis) {
        ComputationStore.Computation computed = indicators
                .computation(computationId)
                .orElseThrow(() -> new EditionException("computation " + computationId + " is not in the store"));
        String key = edition.file().toAbsolutePath().normalize() + "|" + Sha256.of(edition.file()) + "|"
                + authorsFilesKey(edition) + "|" + computed + "|" + onlyKreis.orElse("");
        synchronized (prepared) {
            PreparedEdition known = prepared.get(key);
            if (known != null) {
                return known;
            }
            PreparedEdition made = make(edition, computed, onlyKreis);
            prepared.clear(); // one edition at a time: a run renders editions one after the other
            prepared.put(key, made);
            return made;
        }
    }

    /**
     * The state of the files authors edit beside the edition file (texts, goals, measures), so that a prepared
     * edition is not reused within a process after one of them changed.
     */
    private static String authorsFilesKey(Edition edition) {
        StringBuilder key = new StringBuilder();
        Path goals = GoalReporting.folder(edition);
        List<Path> files = new ArrayList<>(List.of(goals.resolve(GoalsFile.FILE), goals.resolve(MeasuresFile.FILE)));
        if (Files.isDirectory(edition.texts())) {
            try (java.util.stream.Stream<Path> texts = Files.list(edition.texts())) {
                texts.sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + edition.texts(), e);
            }
        }
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                key.append(file.getFileName())
                        .append('=')
                        .append(Sha256.of(file))
                        .append(';');
            }
        }
        return key.toString();
    }

    private PreparedEdition make(Edition edition, ComputationStore.Computation computed, Optional<String> onlyKreis) {
        edition.publicationFolder(); // refuses patterns without a folder of their own before any work
        // templates are code: read only from the template folder, checked before any work
        Path kreisTemplate =
                Confinement.template(settings.templates(), edition.kreisTemplate(), edition.file(), "templates.kreis");
        Path landTemplate =
                Confinement.template(settings.templates(), edition.landTemplate(), edition.file(), "templates.land");
        IndicatorCatalogue catalogue = CatalogueLoader.load(settings.catalogue());
        List<IndicatorDefinition> shown = EditionLoader.resolve(edition, catalogue, settings.catalogue());
        Map<String, List<IndicatorValue>> computedValues = indicators.values(computed.id()).stream()
                .collect(Collectors.groupingBy(IndicatorValue::indicatorId, TreeMap::new, Collectors.toList()));
        List<Long> deliveryIds = indicators.deliveriesOf(computed.id());
        // Geheimhaltung: values resting on a cell suppressed under jobs/catalogue/geheimhaltung.yml print as '.'
        Map<String, List<IndicatorValue>> values = PublishedValues.protect(
                computedValues,
                catalogue,
                DisclosureRulesLoader.load(DisclosureRules.file(settings.jobs())),
                table -> computation.observations(table, deliveryIds));
        List<Delivery> used = deliveries.all().stream()
                .filter(d -> deliveryIds.contains(d.id()))
                .filter(d -> shown.stream().anyMatch(i -> i.sources().contains(d.tableCode())))
                .toList();
        List<KreisReport.DeliveryStatus> status = used.stream()
                .map(d -> new KreisReport.DeliveryStatus(
                        d.tableCode(),
                        d.fileName(),
                        d.officeStand().map(STAND::format).orElse("ohne Stand-Angabe")))
                .toList();
        boolean synthetic = used.stream()
                .anyMatch(d -> deliveries.notes(d.id()).stream()
                        .anyMatch(n -> n.toLowerCase(Locale.ROOT).contains("synthetisch")));
        // the authors' texts of every Kreis of the edition, so that one Kreis re-rendered has the same inputs
        AuthorTexts texts = AuthorTexts.load(
                edition,
                kreise(edition, Optional.empty()).stream()
                        .map(Kreis::ags)
                        .collect(Collectors.toCollection(TreeSet::new)));
        Map<String, java.math.BigDecimal> weights = computation.populationWeights(catalogue, computed.id());
        GoalReporting goals =
                GoalReporting.load(edition, catalogue, register, values, weights, kreise(edition, Optional.empty()));
        List<ReportInput> files = inputFiles(edition, texts, goals);
        String inputs = inputsSha256(computed, used, files);
        String versionId = edition.id() + "-" + inputs.substring(0, 12);
        Map<String, List<String>> findingsByKreis = findingsByKreis(edition, used);
        KreisReportBuilder builder = new KreisReportBuilder(
                edition,
                catalogue,
                register,
                values,
                indicators.typology(computed.id()),
                weights,
                indicators.inputPeriods(computed.id()),
                status,
                ags -> findingsByKreis.getOrDefault(ags, List.of()),
                versionId,
                inputs,
                synthetic,
                texts);
        List<Kreis> selected = kreise(edition, onlyKreis);
        List<Kreis> withData = selected.stream().filter(builder::hasData).toList();
        List<String> withoutData = selected.stream()
                .filter(k -> !withData.contains(k))
                .map(Kreis::ags)
                .toList();
        // every file the edition names lies below output/, also through symbolic links
        for (Kreis kreis : withData) {
            Confinement.within(settings.output(), edition.kreisFileName(kreis.ags()), edition.file(), "output.kreis");
        }
        withData.stream()
                .map(Kreis::landCode)
                .distinct()
                .forEach(land -> Confinement.within(
                        settings.output(), edition.landFileName(land), edition.file(), "output.land"));
        LandOverviewBuilder lands = new LandOverviewBuilder(
                edition,
                catalogue,
                register,
                values,
                status.stream().map(d -> d.tableCode() + ": Stand " + d.stand()).collect(Collectors.joining("; ")),
                versionId,
                inputs,
                synthetic);
        // templates are compiled when the first report is rendered: a run that finds everything up to date needs none
        // a renderer per template and state of the template folder: a template edited while the process lives
        // (wording, styles, a subreport) is compiled anew
        String templatesSha = templatesSha256(files);
        Map<String, String> landNames = new TreeMap<>();
        register.laender().forEach(l -> landNames.put(l.code(), l.name()));
        return new PreparedEdition(
                        edition,
                        computed,
                        used,
                        texts,
                        catalogue.name(),
                        catalogue.version(),
                        versionId,
                        inputs,
                        withData,
                        withoutData,
                        onlyKreis.isEmpty(),
                        (kreis, provenance, out) -> renderers
                                .computeIfAbsent(
                                        kreisTemplate.resolveSibling(kreisTemplate.getFileName() + "@" + templatesSha),
                                        key -> virtualizingRenderer(kreisTemplate))
                                .render(goals.addTo(builder.build(kreis)), provenance, out),
                        (land, provenance, out) -> landRenderers
                                .computeIfAbsent(
                                        landTemplate.resolveSibling(landTemplate.getFileName() + "@" + templatesSha),
                                        key -> new LandOverviewRenderer(landTemplate))
                                .render(lands.build(land), provenance, out),
                        files,
                        AppVersion.current(),
                        landNames,
                        ledger,
                        kreis -> goals.addTo(builder.build(kreis)),
                        kreisTemplate,
                        goals.goalsAndMeasures().measures().isEmpty()
                                ? null
                                : (unit, provenance, out) -> {
                                    Path statusTemplate = settings.templates().resolve(StatusReportRenderer.TEMPLATE);
                                    statusRenderers
                                            .computeIfAbsent(
                                                    statusTemplate.resolveSibling(
                                                            statusTemplate.getFileName() + "@" + templatesSha),
                                                    key -> new StatusReportRenderer(statusTemplate))
                                            .render(
                                                    StatusReportBuilder.build(
                                                            edition, catalogue, goals, withData, versionId, inputs,
                                                            synthetic),
                                                    provenance,
                                                    out);
                                })
                .withPublicationModels(lands::build, shown, settings.templates());
    }

    /**
     * Writes the missing files of the edition's texts folder as commented stubs: the edition's introduction and
     * one file per Kreis of the edition with one section per Handlungsfeld; and the goals and measures files
     * beside the texts folder ({@code <edition id>/ziele.csv}, {@code massnahmen.yml}).
     *
     * @return the files written (existing ones are left as they are)
     */
    public List<Path> createTextStubs(Edition edition) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        kreise(edition, Optional.empty()).forEach(k -> names.put(k.ags(), k.name()));
        try {
            List<Path> written = new ArrayList<>(AuthorTexts.createStubs(edition, names));
            written.addAll(GoalsAndMeasures.createStubs(
                    GoalReporting.folder(edition),
                    edition.title(),
                    List.copyOf(edition.handlungsfelder().keySet()),
                    edition.indicators(),
                    names.keySet().stream().findFirst().orElse("15001")));
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the texts of " + edition.id() + " to " + edition.texts(), e);
        }
    }

    /**
     * Pages a fill keeps in memory before it swaps the rest to a file: more than a Kreis report has (13 to 14 with
     * the shipped templates and every Handlungsfeld), so a report is filled and exported without serializing its
     * pages (with 8 most were paged out and back in), while a report of unusual length still swaps and memory stays
     * bounded.
     */
    static final int PAGES_IN_MEMORY = 40;

    /**
     * A renderer whose fills keep at most {@value #PAGES_IN_MEMORY} pages in memory and swap the rest to a file
     * under IMON_HOME, so that memory stays bounded however large an edition is and however many Kreise render at
     * once.
     */
    private KreisReportRenderer virtualizingRenderer(Path template) {
        Path swap = swapFolder();
        return new KreisReportRenderer(
                template,
                DocumentMetadata.DEFAULT_TIMESTAMP,
                () -> new net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer(
                        PAGES_IN_MEMORY,
                        new net.sf.jasperreports.engine.util.JRSwapFile(swap.toString(), 4096, 64),
                        true));
    }

    /**
     * This process's swap folder, {@code IMON_HOME/data/swap/<host>-<pid>}; the folders that processes of this host
     * left behind when they were killed are removed first (a live process deletes its swap files itself).
     */
    private Path swapFolder() {
        Path root = settings.home().resolve("data").resolve("swap");
        String host = hostName();
        Path own = root.resolve(host + "-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(own);
            try (java.util.stream.Stream<Path> folders = Files.list(root)) {
                for (Path folder : folders.toList()) {
                    String name = folder.getFileName().toString();
                    if (!name.startsWith(host + "-") || folder.equals(own)) {
                        continue;
                    }
                    try {
                        long pid = Long.parseLong(name.substring(host.length() + 1));
                        if (ProcessHandle.of(pid).isEmpty()) {
                            Publication.deleteTree(folder);
                        }
                    } catch (NumberFormatException e) {
                        // not a swap folder of this product
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the swap folder " + own, e);
        }
        return own;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * The findings of validation that touch each Kreis in the edition's period, summed up in German per table and
     * rule: "Tabelle 13211-02-05-4: die Kreise eines Landes ergeben das Land – 2 Befunde (2012, 2014)".
     */
    private Map<String, List<String>> findingsByKreis(Edition edition, List<Delivery> used) {
        Map<String, String> ruleTexts = new TreeMap<>();
        RuleCatalogue.load(settings.rules()).rules().forEach(r -> ruleTexts.put(r.id(), r.description()));
        ruleTexts.put(
                RegisterCheck.RULE_OUTSIDE_VALIDITY,
                "Werte zu Stichtagen, an denen der Kreis nicht bestand"
                        + " (Rückrechnung des Amtes auf einen späteren Gebietsstand)");
        ruleTexts.put(RegisterCheck.RULE_UNKNOWN, "unbekannter Kreisschlüssel");
        Map<String, Map<String, TreeSet<Integer>>> grouped = new TreeMap<>();
        for (Delivery d : used) {
            for (FindingStore.ListedFinding f : findings.list(Optional.of(d.id()), false)) {
                int year = f.referenceDate().map(java.time.LocalDate::getYear).orElse(edition.reportYear());
                if (f.regionCode().length() == 5 && year >= edition.periodFrom() && year <= edition.reportYear()) {
                    String what = "Tabelle " + d.tableCode() + ": " + ruleTexts.getOrDefault(f.rule(), f.rule());
                    grouped.computeIfAbsent(f.regionCode(), k -> new TreeMap<>())
                            .computeIfAbsent(what, k -> new TreeSet<>())
                            .add(year);
                }
            }
        }
        Map<String, List<String>> byKreis = new TreeMap<>();
        grouped.forEach((ags, byRule) -> byRule.forEach((what, years) -> byKreis.computeIfAbsent(
                        ags, k -> new ArrayList<>())
                .add(what + " (" + years.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")));
        return byKreis;
    }

    /**
     * SHA-256 over everything the reports rest on: the deliveries (their bytes' hashes), the computation's catalogue
     * and register, and every file read to render (the edition file, the authors' texts, the catalogue and the rules
     * as they are now, the register, every file of the template folder: templates, styles, wording, the colour
     * profile), each with its role and name, so that a change to any of them gives a new report version.
     */
    private static String inputsSha256(
            ComputationStore.Computation computed, List<Delivery> used, List<ReportInput> files) {
        MessageDigest digest = Sha256.digest();
        used.stream().map(Delivery::sha256).sorted().forEach(h -> digest.update(h.getBytes(StandardCharsets.UTF_8)));
        digest.update(computed.catalogueSha256().getBytes(StandardCharsets.UTF_8));
        digest.update(computed.registerSha256().getBytes(StandardCharsets.UTF_8));
        for (ReportInput file : files) {
            digest.update(
                    (file.role() + " " + file.name() + " " + file.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest);
    }

    private static String templatesSha256(List<ReportInput> files) {
        MessageDigest digest = Sha256.digest();
        files.stream()
                .filter(f -> f.role().equals(ReportInput.TEMPLATE))
                .forEach(f -> digest.update((f.name() + " " + f.sha256() + "\n").getBytes(StandardCharsets.UTF_8)));
        return Sha256.hex(digest);
    }

    /**
     * Every file rendering the edition reads, with its bytes as they are now, in a stable order: what a report
     * version archives and what its inputs' hash is made of.
     */
    private List<ReportInput> inputFiles(Edition edition, AuthorTexts texts, GoalReporting goals) {
        List<ReportInput> files = new ArrayList<>();
        Path editionFolder = edition.file().toAbsolutePath().normalize().getParent();
        files.add(
                ReportInput.of(ReportInput.EDITION, edition.file().getFileName().toString(), read(edition.file())));
        for (String name : texts.sha256().keySet()) {
            Path text = edition.texts().resolve(name).toAbsolutePath().normalize();
            files.add(ReportInput.of(
                    ReportInput.TEXT,
                    editionFolder.relativize(text).toString().replace(java.io.File.separatorChar, '/'),
                    read(text)));
        }
        goals.goalsAndMeasures()
                .files()
                .forEach((name, bytes) -> files.add(ReportInput.of(
                        name.equals(GoalsFile.FILE) ? ReportInput.GOALS : ReportInput.MEASURES,
                        edition.id() + "/" + name,
                        bytes)));
        files.add(ReportInput.of(
                ReportInput.CATALOGUE, settings.catalogue().getFileName().toString(), read(settings.catalogue())));
        if (Files.isRegularFile(settings.rules())) {
            files.add(ReportInput.of(
                    ReportInput.RULES, settings.rules().getFileName().toString(), read(settings.rules())));
        }
        Path geheimhaltung = DisclosureRules.file(settings.jobs());
        if (Files.isRegularFile(geheimhaltung)) {
            files.add(ReportInput.of(
                    ReportInput.RULES, geheimhaltung.getFileName().toString(), read(geheimhaltung)));
        }
        for (String name :
                List.of(KreisRegister.KREISE_FILE, KreisRegister.LAENDER_FILE, KreisRegister.NACHFOLGE_FILE)) {
            Path file = settings.register().resolve(name);
            if (Files.isRegularFile(file)) {
                files.add(ReportInput.of(ReportInput.REGISTER, name, read(file)));
            }
        }
        // the source descriptions of own data: the reports cite the providers, attributions and licences they name
        Path sources = settings.jobs().resolve("datenquellen");
        if (Files.isDirectory(sources)) {
            try (java.util.stream.Stream<Path> all = Files.list(sources)) {
                for (Path file : all.filter(f -> Files.isRegularFile(f)
                                && f.getFileName().toString().endsWith(".yml"))
                        .sorted()
                        .toList()) {
                    files.add(ReportInput.of(
                            ReportInput.SOURCES, file.getFileName().toString(), read(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the source descriptions in " + sources, e);
            }
        }
        try (java.util.stream.Stream<Path> all = Files.walk(settings.templates())) {
            for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                files.add(ReportInput.of(
                        ReportInput.TEMPLATE,
                        settings.templates().relativize(file).toString().replace(java.io.File.separatorChar, '/'),
                        read(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the templates in " + settings.templates(), e);
        }
        return List.copyOf(files);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private List<Kreis> kreise(Edition edition, Optional<String> onlyKreis) {
        List<Kreis> all = register.kreiseOn(edition.gebietsstand());
        List<Kreis> selected = all;
        if (edition.kreise() instanceof Edition.KreisSelection.OfLand land) {
            selected = all.stream()
                    .filter(k -> k.landCode().equals(land.landCode()))
                    .toList();
        } else if (edition.kreise() instanceof Edition.KreisSelection.Listed listed) {
            selected = all.stream().filter(k -> listed.ags().contains(k.ags())).toList();
        }
        if (onlyKreis.isPresent()) {
            selected = selected.stream()
                    .filter(k -> k.ags().equals(onlyKreis.get()))
                    .toList();
            if (selected.isEmpty()) {
                throw new EditionException("Kreis " + onlyKreis.get() + " is not part of edition " + edition.id()
                        + " at its Gebietsstand " + GermanNumberFormat.date(edition.gebietsstand()));
            }
        }
        return selected;
    }
}
