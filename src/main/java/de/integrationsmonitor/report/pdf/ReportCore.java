package de.integrationsmonitor.report.pdf;

import de.integrationsmonitor.report.edition.Confinement;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.TimeZone;
import java.util.function.Supplier;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JRVirtualizer;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.fill.JRAbstractLRUVirtualizer;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;

/**
 * The one compile, fill and export path of every report kind (Kreis report, Land overview, Statusbericht): plain
 * Java, no Spring.
 *
 * <p>A report kind is a master template and its subreports ({@code <master>-<suffix>.jrxml}) in one template
 * folder, beside the files every kind shares: the style template {@value #STYLES}, the wording
 * {@value #WORDING} (read as {@code $R{key}} in the templates and by {@link #text}), the symbol legend subreport
 * {@value #LEGEND}, the table of contents {@value #CONTENTS} and the PDF/A output intent {@value #ICC_PROFILE}. All of them are read and compiled once, in
 * the constructor, and their SHA-256 is part of every document id. Each fill gets the German locale, the Berlin time
 * zone, the wording, the styles and the symbol legend as parameters ({@code REPORT_RESOURCE_BUNDLE}, {@code STYLES},
 * {@code LEGEND_REPORT}, {@code LEGEND_DATA}, {@code TOC_REPORT}), so no default of the JVM leaks into a page.
 *
 * <p>An instance may be shared between threads: the compiled reports and the wording are only read, and every call
 * to {@link #render} builds its own virtualizer and exporter.
 */
public final class ReportCore {

    static final String STYLES = "berichte.jrtx";
    static final String WORDING = "berichte.properties";
    static final String LEGEND = "zeichenerklaerung.jrxml";
    static final String CONTENTS = "inhalt.jrxml";
    static final String ICC_PROFILE = "sRGB.icc";

    /** The office symbols (DOMAIN.md §2.4) in the order the legend lists them; the meanings are in the wording. */
    static final List<String> SYMBOLS = List.of("-", "0", ".", "x", "/", "...", "( )", "p", "r", "s", "e");

    private final Path master;
    private final Supplier<? extends JRVirtualizer> virtualizers;
    private final JasperReport compiled;
    private final Map<String, JasperReport> subreports;
    private final JasperReport legend;
    private final JasperReport contents;
    private final JRTemplate styles;
    private final ResourceBundle wording;
    private final String iccProfilePath;
    private final byte[] templateDigest;

    /**
     * Reads and compiles the master template, its subreports and the shared files.
     *
     * @param suffixes     the subreports' suffixes after the master's base name, e.g. {@code -blick}
     * @param virtualizers a fresh virtualizer for every fill, or null to keep filled pages in memory
     * @throws ReportTemplateException if a file cannot be read, is not a template, or does not compile
     */
    public ReportCore(Path master, List<String> suffixes, Supplier<? extends JRVirtualizer> virtualizers) {
        this.master = Objects.requireNonNull(master, "master");
        this.virtualizers = virtualizers;
        MessageDigest digest = sha256();
        Path folder = master.toAbsolutePath().getParent();
        List<Path> templates = new ArrayList<>();
        templates.add(master);
        for (String suffix : suffixes) {
            templates.add(sibling(master, suffix + ".jrxml"));
        }
        templates.add(folder.resolve(LEGEND));
        templates.add(folder.resolve(CONTENTS));
        List<JasperReport> all = compileAll(templates, digest);
        this.compiled = all.get(0);
        Map<String, JasperReport> compiledSubreports = new LinkedHashMap<>();
        for (int i = 0; i < suffixes.size(); i++) {
            compiledSubreports.put(suffixes.get(i), all.get(1 + i));
        }
        this.subreports = Collections.unmodifiableMap(compiledSubreports);
        this.legend = all.get(1 + suffixes.size());
        this.contents = all.get(2 + suffixes.size());
        Path stylesFile = folder.resolve(STYLES);
        byte[] stylesSource = read(stylesFile, digest);
        try {
            this.styles = JRXmlTemplateLoader.load(new ByteArrayInputStream(stylesSource));
        } catch (RuntimeException e) {
            throw new ReportTemplateException(
                    stylesFile, ReportTemplateException.Stage.COMPILE, ReportTemplateException.describe(e), e);
        }
        Path wordingFile = folder.resolve(WORDING);
        byte[] wordingSource = read(wordingFile, digest);
        try {
            this.wording = new PropertyResourceBundle(
                    new java.io.InputStreamReader(new ByteArrayInputStream(wordingSource), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new ReportTemplateException(
                    wordingFile, ReportTemplateException.Stage.READ, ReportTemplateException.describe(e), e);
        }
        Path icc = folder.resolve(ICC_PROFILE);
        read(icc, digest);
        this.iccProfilePath = icc.toString();
        this.templateDigest = digest.digest();
    }

    public Path master() {
        return master;
    }

    /** The compiled master template. */
    public JasperReport compiled() {
        return compiled;
    }

    public JasperReport subreport(String suffix) {
        JasperReport subreport = subreports.get(suffix);
        if (subreport == null) {
            throw new IllegalArgumentException("no subreport " + suffix + " of " + master);
        }
        return subreport;
    }

    /** A phrase of the wording, with {@code {0}}-style arguments filled in. */
    public String text(String key, Object... arguments) {
        String pattern;
        try {
            pattern = wording.getString(key);
        } catch (MissingResourceException e) {
            throw new ReportTemplateException(
                    master.resolveSibling(WORDING),
                    ReportTemplateException.Stage.READ,
                    "the wording has no entry '" + key + "'",
                    e);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.GERMANY).format(arguments);
    }

    /** The parameters every fill gets: wording, styles, locale, time zone and the symbol legend. */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, Locale.GERMANY);
        parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("Europe/Berlin"));
        parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, wording);
        parameters.put("STYLES", styles);
        parameters.put("LEGEND_REPORT", legend);
        parameters.put("LEGEND_DATA", legendRows());
        parameters.put("TOC_REPORT", contents);
        return parameters;
    }

    /** The symbol legend, one row per symbol, the small-base sign last. */
    private JRMapCollectionDataSource legendRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String symbol : SYMBOLS) {
            rows.add(new HashMap<>(Map.of("symbol", symbol, "meaning", text("symbol." + symbol.replace(" ", "")))));
        }
        rows.add(new HashMap<>(Map.of("symbol", text("smallBase.sign"), "meaning", text("smallBase.meaning"))));
        rows.add(new HashMap<>(
                Map.of("symbol", text("report.rebuilt.sign"), "meaning", text("report.rebuilt.meaning"))));
        return new JRMapCollectionDataSource(new ArrayList<>(listFlagged(rows)));
    }

    /**
     * Fills the master with the parameters and data and writes the PDF to {@code out} (flushed, not closed).
     *
     * @param contentKey what the document shows, as a string: with the templates and the timestamp it makes the
     *                   document id, so the same content gives the same id
     * @param what       names the document in a failure, e.g. "Kreis 15001"
     * @throws ReportTemplateException if filling or exporting fails
     */
    public void render(
            Map<String, Object> parameters,
            JRDataSource data,
            DocumentMetadata metadata,
            String contentKey,
            String what,
            OutputStream out) {
        JRVirtualizer virtualizer = virtualizers == null ? null : virtualizers.get();
        try {
            Map<String, Object> all = parameters();
            all.putAll(parameters);
            if (virtualizer != null) {
                all.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
            }
            JasperPrint print;
            try {
                print = JasperFillManager.fillReport(compiled, all, data);
            } catch (JRException | RuntimeException e) {
                throw new ReportTemplateException(
                        master,
                        ReportTemplateException.Stage.FILL,
                        ReportTemplateException.describe(e) + " (" + what + ")",
                        e);
            }
            pageNumbersOfContents(print);
            if (virtualizer instanceof JRAbstractLRUVirtualizer lru) {
                lru.setReadOnly(true); // filling is done; the export only reads the pages back
            }
            ReproduciblePdfExporter exporter =
                    new ReproduciblePdfExporter(metadata, documentId(contentKey, metadata), iccProfilePath);
            exporter.setExporterInput(new SimpleExporterInput(print));
            java.io.ByteArrayOutputStream exported = new java.io.ByteArrayOutputStream(256 * 1024);
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(exported));
            try {
                exporter.exportReport();
                CidSetRepair.repair(exported.toByteArray(), out);
                out.flush();
            } catch (JRException | IOException | RuntimeException e) {
                throw new ReportTemplateException(
                        master,
                        ReportTemplateException.Stage.EXPORT,
                        ReportTemplateException.describe(e) + " (" + what + ")",
                        e);
            }
        } finally {
            if (virtualizer != null) {
                virtualizer.cleanup();
            }
        }
    }

    /** Element property of a table-of-contents field: the anchor whose page number the field shows. */
    static final String TOC_ANCHOR = "net.sf.jasperreports.export.imon.toc.anchor";

    /**
     * Writes the page numbers into the table of contents, which is filled before the pages it lists: every field
     * marked {@value #TOC_ANCHOR} gets the page (counted from the title page, as the page footers count) of its
     * anchor. Done while the virtualizer still writes pages back, so the change survives paging out.
     */
    private static void pageNumbersOfContents(JasperPrint print) {
        // the anchors first: collecting them pages every page in and out, which would leave fields found before
        // stale copies of a page that was paged out meanwhile
        Map<String, net.sf.jasperreports.engine.JRPrintAnchorIndex> anchors = print.getAnchorIndexes();
        List<net.sf.jasperreports.engine.JRPrintPage> pages = print.getPages();
        // the contents follow the title page; a long one may take a few pages
        for (int i = 0; i < Math.min(pages.size(), 4); i++) {
            List<net.sf.jasperreports.engine.JRPrintText> fields = new ArrayList<>();
            collectContentsFields(pages.get(i).getElements(), fields);
            for (net.sf.jasperreports.engine.JRPrintText field : fields) {
                net.sf.jasperreports.engine.JRPrintAnchorIndex anchor =
                        anchors.get(field.getPropertiesMap().getProperty(TOC_ANCHOR));
                field.setText(anchor == null ? "" : Integer.toString(anchor.getPageIndex() + 1));
                field.setLineBreakOffsets(null);
                field.setTextTruncateIndex(null);
            }
        }
    }

    private static void collectContentsFields(
            List<net.sf.jasperreports.engine.JRPrintElement> elements,
            List<net.sf.jasperreports.engine.JRPrintText> into) {
        for (net.sf.jasperreports.engine.JRPrintElement element : elements) {
            if (element instanceof net.sf.jasperreports.engine.JRPrintFrame frame) {
                collectContentsFields(frame.getElements(), into);
            } else if (element instanceof net.sf.jasperreports.engine.JRPrintText text
                    && text.getPropertiesMap().getProperty(TOC_ANCHOR) != null) {
                into.add(text);
            }
        }
    }

    /** Marks the last row of each table ({@code last}), so a template can close its tagged table there. */
    public static <M extends Map<String, Object>> List<M> lastFlagged(List<M> rows) {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).put("last", i == rows.size() - 1);
        }
        return rows;
    }

    /** Marks the first and last row of a tagged list ({@code listStart}, {@code listEnd}). */
    public static <M extends Map<String, Object>> List<M> listFlagged(List<M> rows) {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).put("listStart", i == 0 ? "start" : null);
            rows.get(i).put("listEnd", i == rows.size() - 1 ? "end" : null);
        }
        return rows;
    }

    /** One entry of the printed table of contents: its title, level (1 or 2) and the anchor it points to. */
    public record ContentsEntry(String title, int level, String anchor) {}

    public static JRMapCollectionDataSource contents(List<ContentsEntry> entries) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ContentsEntry entry : entries) {
            Map<String, Object> row = new HashMap<>();
            row.put("title", entry.title());
            row.put("level", entry.level());
            row.put("anchor", entry.anchor());
            rows.add(row);
        }
        return new JRMapCollectionDataSource(new ArrayList<>(listFlagged(rows)));
    }

    /** 16 bytes naming a document: same templates, content and timestamp give the same id. */
    private byte[] documentId(String contentKey, DocumentMetadata metadata) {
        MessageDigest digest = sha256();
        digest.update(templateDigest);
        digest.update(contentKey.getBytes(StandardCharsets.UTF_8));
        digest.update(metadata.timestamp().toString().getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(digest.digest(), 16);
    }

    private static Path sibling(Path master, String suffix) {
        String name = master.getFileName().toString();
        String base = name.endsWith(".jrxml") ? name.substring(0, name.length() - ".jrxml".length()) : name;
        return master.resolveSibling(base + suffix);
    }

    /**
     * Reads the templates in their order into the digest and compiles them, on all cores: the master in this thread,
     * the others on threads that share its context class loader. Fails as compiling them one after the other would:
     * with the first template (in their order) that cannot be read or compiled; a template after one that cannot be
     * read is neither read nor compiled.
     */
    private static List<JasperReport> compileAll(List<Path> templates, MessageDigest digest) {
        List<byte[]> sources = new ArrayList<>();
        ReportTemplateException unreadable = null;
        for (Path template : templates) {
            try {
                sources.add(source(template, digest));
            } catch (ReportTemplateException e) {
                unreadable = e;
                break;
            }
        }
        List<java.util.concurrent.Future<JasperReport>> others = new ArrayList<>();
        int threads = Math.min(sources.size() - 1, Runtime.getRuntime().availableProcessors() - 1);
        java.util.concurrent.ExecutorService pool = null;
        if (threads > 0) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            pool = java.util.concurrent.Executors.newFixedThreadPool(threads, work -> {
                Thread thread = new Thread(work, "compile " + templates.get(0).getFileName());
                thread.setDaemon(true);
                thread.setContextClassLoader(loader);
                return thread;
            });
        }
        try {
            for (int i = 1; i < sources.size(); i++) {
                Path template = templates.get(i);
                byte[] source = sources.get(i);
                others.add(
                        pool == null
                                ? java.util.concurrent.CompletableFuture.completedFuture(null)
                                : pool.submit(() -> compile(template, source)));
            }
            List<JasperReport> compiled = new ArrayList<>();
            ReportTemplateException failed = null;
            if (!sources.isEmpty()) {
                try {
                    compiled.add(compile(templates.get(0), sources.get(0)));
                } catch (ReportTemplateException e) {
                    failed = e;
                }
            }
            for (int i = 1; i < sources.size(); i++) {
                JasperReport report;
                try {
                    report = pool == null
                            ? compile(templates.get(i), sources.get(i))
                            : others.get(i - 1).get();
                } catch (ReportTemplateException e) {
                    failed = failed == null ? e : failed;
                    continue;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof ReportTemplateException t) {
                        failed = failed == null ? t : failed;
                        continue;
                    }
                    throw new ReportTemplateException(
                            templates.get(i),
                            ReportTemplateException.Stage.COMPILE,
                            ReportTemplateException.describe(e.getCause()),
                            e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ReportTemplateException(
                            templates.get(i), ReportTemplateException.Stage.COMPILE, "interrupted while compiling", e);
                }
                compiled.add(report);
            }
            if (failed != null) {
                throw failed;
            }
            if (unreadable != null) {
                throw unreadable;
            }
            return compiled;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static byte[] source(Path template, MessageDigest digest) {
        byte[] source = read(template, digest);
        if (!Confinement.looksLikeJrxml(source)) {
            throw new ReportTemplateException(
                    template,
                    ReportTemplateException.Stage.READ,
                    "not a JasperReports template (expected an XML file whose root element is <jasperReport>)",
                    null);
        }
        return source;
    }

    private static JasperReport compile(Path template, byte[] source) {
        try {
            return JasperCompileManager.compileReport(new ByteArrayInputStream(source));
        } catch (JRException | RuntimeException e) {
            throw new ReportTemplateException(
                    template, ReportTemplateException.Stage.COMPILE, ReportTemplateException.describe(e), e);
        }
    }

    private static byte[] read(Path file, MessageDigest digest) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            digest.update(bytes);
            return bytes;
        } catch (IOException e) {
            throw new ReportTemplateException(
                    file,
                    ReportTemplateException.Stage.READ,
                    ReportTemplateException.describe(e) + " (working directory "
                            + Path.of("").toAbsolutePath() + ")",
                    e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
