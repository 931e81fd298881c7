package de.integrationsmonitor.ingest;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.region.RegionLevel;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the flat-file CSV ("ffcsv") of the GENESIS web service, plain or inside the ZIP it is delivered in: one
 * value per row, the region taken from the regional variable group, the variable path from the value's label and
 * the other groups' attributes, and every data line stored, rejected or skipped with the reason.
 */
public final class FfcsvReader implements ExtractReader {

    /** A table code as GENESIS puts it at the start of a file name: 12411-01-01-4, 12531-0043, 1000A-0001. */
    private static final Pattern TABLE_CODE = Pattern.compile("\\d{4}[0-9A-Z]-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*");
    /**
     * A table code a caller declares: those of file names, and the Regionalatlas's ({@code AI-N-01-2-5}), which
     * cannot be told from a file name's other tokens and so are taken only when declared.
     */
    private static final Pattern STATISTIC = Pattern.compile("(\\d{4}[0-9A-Z])-.*");

    private static final Pattern DECLARED_TABLE_CODE = Pattern.compile("[0-9A-Z]+(?:-[0-9A-Za-z]+)+");
    /** The regional variables of GENESIS-Online and the Regionaldatenbank. */
    private static final Set<String> REGIONAL_VARIABLES = Set.of("DINSG", "DLAND", "REGBEZ", "KREISE");
    /** Regional variables below Kreis level: their rows are skipped whatever form their codes have. */
    private static final Set<String> GEMEINDE_VARIABLES = Set.of("GEMEIN", "GEMEINDE", "GEMEIND");

    private static final Pattern ENGLISH_DECIMAL = Pattern.compile("\\(?-?\\d+\\.\\d+\\)?\\s*[prse]?");
    private static final Pattern COMMA_BETWEEN_DIGITS = Pattern.compile(".*\\d,\\d.*");
    private static final String REGIERUNGSBEZIRK_SKIPPED =
            "Regierungsbezirk aggregate: the store keeps Germany, Länder and Kreise";
    private static final String GEMEINDE_SKIPPED =
            "Gemeinde below Kreis level: the store keeps Germany, Länder and Kreise";

    private final IngestLimits limits;

    public FfcsvReader(IngestLimits limits) {
        this.limits = limits;
    }

    public FfcsvReader() {
        this(IngestLimits.defaults());
    }

    @Override
    public LineAccount read(ExtractSource source, ExtractListener listener) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(4);
        }
        if (FormatDetector.isZip(head)) {
            return readZip(source, listener);
        }
        return readPlain(source, listener);
    }

    private LineAccount readPlain(ExtractSource source, ExtractListener listener) throws IOException {
        String file = source.fileName();
        source.bytes().notText("the file").ifPresent(problem -> {
            throw new ExtractRefusedException(file, source.bytes().firstNulLine(), problem);
        });
        refuseAnotherTable(source, "the file's name", file);
        Naming naming = Naming.of(List.of(file), declared(source));
        try (InputStream in = source.open()) {
            if (source.bytes().byteOrderMark()) {
                in.skipNBytes(3);
            }
            Reader reader =
                    new BoundedText(new InputStreamReader(in, source.bytes().charset()), file, "", limits, false);
            return new Parse(file, "", naming, source.bytes().encodingName(), new PhysicalLines(reader), listener)
                    .run();
        }
    }

    private LineAccount readZip(ExtractSource source, ExtractListener listener) throws IOException {
        String file = source.fileName();
        ZipFile zip;
        try {
            // ZipFile reads the central directory, so the entry count is the archive's own, and nothing is
            // extracted: the entry is inflated while it is parsed.
            zip = new ZipFile(source.path().toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new ExtractRefusedException(
                    file,
                    0,
                    "the file starts like a ZIP but cannot be opened as one (" + e.getMessage()
                            + "); expected the ZIP the GENESIS web service delivers, with one flat-file CSV");
        }
        try (zip) {
            ZipEntry entry = onlyEntry(zip, file);
            String entryName = entry.getName();
            refuseAnotherTable(source, "the ZIP entry '" + entryName + "'", entryName);
            refuseAnotherTable(source, "the ZIP's name", file);
            BoundedInflation.checkDeclared(file, entryName, entry.getSize(), limits);
            try {
                boolean bom;
                try (InputStream in = inflate(zip, entry, file)) {
                    byte[] head = in.readNBytes(3);
                    bom = head.length == 3
                            && (head[0] & 0xFF) == 0xEF
                            && (head[1] & 0xFF) == 0xBB
                            && (head[2] & 0xFF) == 0xBF;
                }
                Charset charset = StandardCharsets.UTF_8;
                String encoding = "UTF-8 (BOM)";
                if (!bom) {
                    // Without a BOM only a pass over the whole entry tells UTF-8 from Windows-1252, as for plain
                    // files; the pass streams, and the BOM case (what GENESIS delivers) needs none.
                    ExtractBytes scanned;
                    try (InputStream in = inflate(zip, entry, file)) {
                        scanned = ExtractBytes.scan(in);
                    }
                    scanned.notText("the ZIP entry '" + entryName + "'").ifPresent(problem -> {
                        throw new ExtractRefusedException(file, scanned.firstNulLine(), problem);
                    });
                    charset = scanned.charset();
                    encoding = scanned.encodingName();
                }
                Naming naming = Naming.of(List.of(entryName, file), declared(source));
                try (CheckedInputStream in = new CheckedInputStream(inflate(zip, entry, file), new CRC32())) {
                    if (bom) {
                        in.skipNBytes(3);
                    }
                    Reader reader = new BoundedText(
                            new InputStreamReader(in, charset),
                            file,
                            "in the ZIP entry '" + entryName + "': ",
                            limits,
                            false);
                    LineAccount account =
                            new Parse(file, entryName, naming, encoding, new PhysicalLines(reader), listener).run();
                    // Inflating does not check the entry's CRC; a damaged archive must not pass as a delivery.
                    if (entry.getCrc() != -1 && in.getChecksum().getValue() != entry.getCrc()) {
                        throw new ExtractRefusedException(
                                file,
                                0,
                                "the ZIP entry '" + entryName + "' is damaged"
                                        + " (its checksum does not match); expected an intact archive from the GENESIS web"
                                        + " service");
                    }
                    return account;
                }
            } catch (ZipException | EOFException e) {
                throw new ExtractRefusedException(
                        file,
                        0,
                        "the ZIP entry '" + entryName + "' is damaged (" + e.getMessage()
                                + "); expected an intact archive from the GENESIS web service");
            }
        }
    }

    /** The entry's bytes as they inflate, bounded in size and compression ratio. */
    private InputStream inflate(ZipFile zip, ZipEntry entry, String file) throws IOException {
        return new BoundedInflation(
                zip.getInputStream(entry), file, entry.getName(), entry.getCompressedSize(), limits);
    }

    private static ZipEntry onlyEntry(ZipFile zip, String file) {
        int count = zip.size();
        if (count == 0) {
            throw new ExtractRefusedException(
                    file,
                    0,
                    "the ZIP holds no file; expected exactly one flat-file CSV (like 12411-01-01-4_..._de_flat.csv)");
        }
        if (count > 1) {
            String names =
                    zip.stream().limit(3).map(e -> "'" + e.getName() + "'").collect(Collectors.joining(", "));
            throw new ExtractRefusedException(
                    file,
                    0,
                    "the ZIP holds " + count + " entries (" + names
                            + (count > 3 ? ", ..." : "")
                            + "); expected exactly one flat-file CSV, as the GENESIS web service"
                            + " delivers it");
        }
        ZipEntry entry = Collections.list(zip.entries()).get(0);
        if (entry.isDirectory()) {
            throw new ExtractRefusedException(
                    file, 0, "the ZIP's only entry '" + entry.getName() + "' is a folder; expected one flat-file CSV");
        }
        Optional<String> unsafe = unsafeName(entry.getName());
        if (unsafe.isPresent()) {
            throw new ExtractRefusedException(
                    file,
                    0,
                    "the ZIP entry name '" + entry.getName() + "' is unsafe ("
                            + unsafe.get() + "); expected a plain file name like 12411-01-01-4_..._de_flat.csv."
                            + " Nothing was extracted");
        }
        return entry;
    }

    /** Why an entry name could escape the folder it would be extracted to, if it could. */
    static Optional<String> unsafeName(String name) {
        if (name.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (name.startsWith("/")) {
            return Optional.of("an absolute path");
        }
        if (name.length() >= 2 && Character.isLetter(name.charAt(0)) && name.charAt(1) == ':') {
            return Optional.of("a drive letter");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("a backslash");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("a '..' segment");
            }
        }
        if (name.chars().anyMatch(c -> c < 0x20)) {
            return Optional.of("control characters");
        }
        return Optional.empty();
    }

    /**
     * Refuses a delivery whose name says it is another table than the caller asked for (a service answering
     * 12511-01-01-4 with the 12411-01-01-4 ZIP): stored under the code asked for, its figures would pass as another
     * table's.
     */
    private static void refuseAnotherTable(ExtractSource source, String what, String name) {
        Optional<String> asked = declared(source);
        Optional<String> named = tableCode(name);
        if (asked.isPresent() && named.isPresent() && !named.get().equals(asked.get())) {
            throw new ExtractRefusedException(
                    source.fileName(),
                    0,
                    what + " is table " + named.get() + ", but table " + asked.get()
                            + " was asked for; a table is not stored under another table's code");
        }
    }

    /** The statistic a GENESIS table code starts with ({@code 12411} of {@code 12411-01-01-4}), if it has one. */
    static Optional<String> statisticOf(String tableCode) {
        Matcher m = STATISTIC.matcher(tableCode);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The table code the caller declared, checked to be one; a declared code wins over the names'. */
    private static Optional<String> declared(ExtractSource source) {
        Optional<String> code = source.declaredTableCode().map(String::strip);
        if (code.isPresent() && !DECLARED_TABLE_CODE.matcher(code.get()).matches()) {
            throw new ExtractRefusedException(
                    source.fileName(),
                    0,
                    "the table code '"
                            + ClassicCsvReader.abbreviate(code.get())
                            + "' it was delivered as is no table code; expected"
                            + " one like 12411-01-01-4, 12531-0043 or AI-N-01-2-5");
        }
        return code;
    }

    /** The table code at the start of a file name ({@code 12411-01-01-4_1773175772751_de_flat.csv}), if any. */
    static Optional<String> tableCode(String fileName) {
        String base = withoutExtension(baseName(fileName));
        int cut = base.indexOf('_');
        String first = cut < 0 ? base : base.substring(0, cut);
        return TABLE_CODE.matcher(first).matches() ? Optional.of(first) : Optional.empty();
    }

    private static String baseName(String name) {
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * What the names of a delivery tell (the entry's first, then the ZIP's): the table code, since the file itself
     * names only the statistic, and the language, since English files write a decimal point.
     */
    private record Naming(Optional<String> tableCode, boolean english, List<String> names, boolean declared) {

        static Naming of(List<String> names, Optional<String> declared) {
            Optional<String> code = declared.isPresent()
                    ? declared
                    : names.stream()
                            .map(FfcsvReader::tableCode)
                            .flatMap(Optional::stream)
                            .findFirst();
            boolean english = false;
            for (String name : names) {
                List<String> tokens = List.of(withoutExtension(baseName(name)).split("_"));
                if (tokens.contains("en") || tokens.contains("de")) {
                    english = tokens.contains("en");
                    break;
                }
            }
            return new Naming(code, english, names, declared.isPresent());
        }

        String missingTableCode() {
            String named = names.stream().map(n -> "'" + baseName(n) + "'").collect(Collectors.joining(" nor "));
            return "cannot tell which table this is: " + (names.size() > 1 ? "neither " : "") + named
                    + (names.size() > 1 ? " starts" : " does not start") + " with a table code, and a flat-file CSV"
                    + " names only its statistic inside; expected the name GENESIS gave it, like"
                    + " 12411-01-01-4_..._de_flat.csv";
        }
    }

    /** The state of reading one flat-file CSV. */
    private static final class Parse {
        private final String fileName;
        private final String entryName;
        private final Naming naming;
        private final String encoding;
        private final PhysicalLines lines;
        private final ExtractListener listener;
        /** Variables found to be regional by their attribute codes, so their totals are recognised too. */
        private final Set<String> learnedRegional = new HashSet<>();

        private FfcsvColumns columns;
        private List<String> columnNames;
        private String tableCode;
        private long dataLines;
        private long stored;
        private long rejected;
        private long skipped;
        private long observations;
        private String lastTimeText;
        private String lastTimeCode;
        private Optional<Period> lastPeriod = Optional.empty();
        /** The column of the statistic's code, and the statistic asked for, when the caller declared the table. */
        private int statisticsCode = -1;

        private String askedStatistic = "";

        Parse(
                String fileName,
                String entryName,
                Naming naming,
                String encoding,
                PhysicalLines lines,
                ExtractListener listener) {
            this.fileName = fileName;
            this.entryName = entryName;
            this.naming = naming;
            this.encoding = encoding;
            this.lines = lines;
            this.listener = listener;
        }

        private ExtractRefusedException refuse(long line, String problem) {
            return new ExtractRefusedException(
                    fileName, line, entryName.isEmpty() ? problem : "in the ZIP entry '" + entryName + "': " + problem);
        }

        private ExtractRefusedException refuseHeader(String problem) {
            return new ExtractRefusedException(
                    fileName,
                    1,
                    entryName.isEmpty()
                            ? problem
                            : "the ZIP entry '" + entryName + "' is not a flat-file CSV: " + problem);
        }

        LineAccount run() throws IOException {
            PhysicalLines.Line header = lines.next();
            if (header == null) {
                throw refuse(
                        0,
                        "the " + (entryName.isEmpty() ? "file" : "entry") + " is empty; expected the"
                                + " flat-file header '" + FfcsvColumns.CURRENT_HEADER + "'");
            }
            String text = header.text().startsWith("\uFEFF") ? header.text().substring(1) : header.text();
            String[] names = PhysicalLines.cells(text);
            if (names == null) {
                throw refuseHeader("a quote in the header line is never closed; expected the flat-file header '"
                        + FfcsvColumns.CURRENT_HEADER + "'");
            }
            columnNames = List.of(names);
            columns = FfcsvColumns.of(columnNames, this::refuseHeader);
            tableCode = naming.tableCode().orElseThrow(() -> refuse(0, naming.missingTableCode()));
            if (naming.declared()) {
                statisticsCode =
                        Math.max(columnNames.indexOf("statistics_code"), columnNames.indexOf("Statistik_Code"));
                askedStatistic = statisticOf(tableCode).orElse("");
            }

            PhysicalLines.Line line = nextDataLine();
            if (line == null) {
                throw refuse(1, "there is a header line but no data; expected one line per value after it");
            }
            String[] first = PhysicalLines.cells(line.text());
            String title = first != null && first.length > columns.statisticsLabel()
                    ? Layout.normalise(first[columns.statisticsLabel()])
                    : "";
            listener.header(new ExtractHeader(fileName, ExtractFormat.FFCSV, tableCode, encoding, title));
            for (; line != null; line = nextDataLine()) {
                dataLines++;
                dataLine(line);
            }
            // ffcsv has no footer: no notes and no Stand; nothing is made up in their place.
            listener.footer(ExtractFooter.none());
            return new LineAccount(dataLines, stored, rejected, skipped, observations);
        }

        /** The next line that is not blank; blank lines hold no data and are no data lines. */
        private PhysicalLines.Line nextDataLine() throws IOException {
            PhysicalLines.Line line = lines.next();
            while (line != null && line.text().isBlank()) {
                line = lines.next();
            }
            return line;
        }

        private void dataLine(PhysicalLines.Line line) {
            String content = line.text();
            String[] cells = PhysicalLines.cells(content);
            int width = columns.width();
            if (!line.terminated() && (cells == null || cells.length < width)) {
                // Only the last line can lack a line break; short as well, it was cut off in transfer.
                throw refuse(
                        line.number(),
                        "the file ends in the middle of line " + line.number()
                                + " (no line break after "
                                + (cells == null ? "an open quote" : cells.length + " of " + width + " cells")
                                + "); it looks truncated");
            }
            if (cells == null) {
                reject(line, "a quote opened in the line is never closed; expected quoted cells to end on their line");
                return;
            }
            if (cells.length != width) {
                reject(line, "the row has " + cells.length + " cells, the header declares " + width);
                return;
            }
            if (statisticsCode >= 0
                    && !askedStatistic.isEmpty()
                    && !cells[statisticsCode].strip().equals(askedStatistic)) {
                throw refuse(
                        line.number(),
                        columnNames.get(statisticsCode) + " is "
                                + ClassicCsvReader.abbreviate(cells[statisticsCode]) + ", but table " + tableCode
                                + " of statistic " + askedStatistic
                                + " was asked for; a table is not stored under another"
                                + " table's code");
            }

            FfcsvColumns.Group regional = null;
            for (FfcsvColumns.Group group : columns.groups()) {
                String variable = cells[group.variableCode()].strip();
                if (REGIONAL_VARIABLES.contains(variable)
                        || GEMEINDE_VARIABLES.contains(variable)
                        || learnedRegional.contains(variable)) {
                    if (regional != null) {
                        reject(
                                line,
                                "two regional variables (" + cells[regional.variableCode()].strip() + " and " + variable
                                        + "); expected one variable group that names the region");
                        return;
                    }
                    regional = group;
                }
            }
            if (regional == null) {
                for (FfcsvColumns.Group group : columns.groups()) {
                    if (RegionLevel.of(cells[group.attributeCode()].strip()).isPresent()) {
                        if (regional != null) {
                            reject(
                                    line,
                                    "two variables whose attribute codes look like region codes ("
                                            + cells[regional.variableCode()].strip() + " and "
                                            + cells[group.variableCode()].strip()
                                            + "); expected one regional variable");
                            return;
                        }
                        regional = group;
                    }
                }
                if (regional == null) {
                    reject(
                            line,
                            "no regional variable: expected one variable group of DINSG, DLAND, REGBEZ,"
                                    + " KREISE or GEMEIN, or one whose attribute codes are region codes (DG, 15, 15001)");
                    return;
                }
                learnedRegional.add(cells[regional.variableCode()].strip());
            }

            String variable = cells[regional.variableCode()].strip();
            String regionCode = cells[regional.attributeCode()].strip();
            if (GEMEINDE_VARIABLES.contains(variable)) {
                skip(line, GEMEINDE_SKIPPED);
                return;
            }
            if (regionCode.isEmpty()) {
                skip(
                        line,
                        "the total over all regions of " + variable + " (empty region code, '"
                                + Layout.normalise(cells[regional.attributeLabel()])
                                + "'): not one region; Germany is kept"
                                + " where the office delivers it as DG");
                return;
            }
            Optional<RegionLevel> level = RegionLevel.of(regionCode);
            if (level.isEmpty()) {
                reject(
                        line,
                        "unknown region code '" + ClassicCsvReader.abbreviate(regionCode) + "' in column "
                                + (regional.attributeCode() + 1) + " (" + variable + "): expected DG, a 2-digit Land,"
                                + " 3-digit Regierungsbezirk, 5-digit Kreis or 8-digit Gemeinde code");
                return;
            }
            if (level.get() == RegionLevel.REGIERUNGSBEZIRK || level.get().belowKreis()) {
                skip(line, level.get() == RegionLevel.REGIERUNGSBEZIRK ? REGIERUNGSBEZIRK_SKIPPED : GEMEINDE_SKIPPED);
                return;
            }

            Optional<Period> period =
                    period(cells[columns.timeCode()], cells[columns.timeLabel()], cells[columns.time()]);
            if (period.isEmpty()) {
                reject(
                        line,
                        "column " + (columns.time() + 1) + " ("
                                + columnNames.get(columns.time()).strip()
                                + "): expected an ISO date (2024-12-31), a date (31.12.2024) or a year, found '"
                                + ClassicCsvReader.abbreviate(cells[columns.time()]) + "'");
                return;
            }

            List<String> attributes = new ArrayList<>(columns.groups().size());
            for (FfcsvColumns.Group group : columns.groups()) {
                if (group != regional) {
                    String label = Layout.normalise(cells[group.attributeLabel()]);
                    // A total has an empty attribute code; English files call it Total. One name for it everywhere.
                    if (cells[group.attributeCode()].isBlank()
                            && (label.equalsIgnoreCase("Insgesamt") || label.equalsIgnoreCase("Total"))) {
                        label = "Insgesamt";
                    }
                    attributes.add(label);
                }
            }

            List<FfcsvColumns.ValueColumn> values = columns.values();
            List<Cell> parsed = new ArrayList<>(values.size());
            for (FfcsvColumns.ValueColumn value : values) {
                String text = cells[value.index()];
                Optional<Cell> cell = cell(text);
                if (cell.isEmpty()) {
                    reject(
                            line,
                            "column " + (value.index() + 1) + " (" + value.name() + ", "
                                    + path(value, cells, attributes) + "): '" + ClassicCsvReader.abbreviate(text)
                                    + "' is neither a number nor a special symbol of the offices"
                                    + (naming.english() ? " (an English file: expected a decimal point)" : ""));
                    return;
                }
                if (value.quality() >= 0) {
                    String mark = cells[value.quality()].strip();
                    cell = qualified(cell.get(), mark);
                    if (cell.isEmpty()) {
                        reject(
                                line,
                                "column " + (value.quality() + 1) + " ("
                                        + columnNames.get(value.quality()).strip() + "): the quality mark '"
                                        + ClassicCsvReader.abbreviate(mark)
                                        + "' does not fit the value '" + ClassicCsvReader.abbreviate(text)
                                        + "'; expected"
                                        + " e, p, r or s beside a number, or nothing beside a special symbol");
                        return;
                    }
                }
                parsed.add(cell.get());
            }
            Period p = period.get();
            for (int i = 0; i < values.size(); i++) {
                FfcsvColumns.ValueColumn value = values.get(i);
                listener.observation(new Observation(
                        tableCode,
                        regionCode,
                        p,
                        path(value, cells, attributes),
                        value.unit(cells),
                        parsed.get(i),
                        line.number()));
                observations++;
            }
            stored++;
        }

        /**
         * The period of a row from its time code, label and time; a file has few distinct ones, so the last is
         * remembered.
         */
        private Optional<Period> period(String code, String label, String text) {
            if (!text.equals(lastTimeText) || !code.equals(lastTimeCode)) {
                lastTimeText = text;
                lastTimeCode = code;
                lastPeriod = Period.parse(text, declaredPeriodKind(code, label));
            }
            return lastPeriod;
        }

        /**
         * What the time code says about the period: {@code STAG} (Stichtag) a day, {@code JAHR} a calendar year,
         * a school year ({@code SCHJ...}, label "Schuljahr") one ending in the summer; where the label is more
         * precise than the code ("Jahresdurchschnitt"), the label. An unknown code declares nothing, and the
         * time is read by its form alone (a date a Stichtag, a year a calendar year).
         */
        static Optional<Period.Declaration> declaredPeriodKind(String code, String label) {
            String c = code.strip().toUpperCase(java.util.Locale.ROOT);
            String l = label.strip().toLowerCase(java.util.Locale.ROOT);
            if (l.contains("schuljahr") || l.contains("school year") || c.startsWith("SCHJ")) {
                return Optional.of(Period.Declaration.of(PeriodKind.SCHULJAHR));
            }
            if (l.contains("jahresdurchschnitt") || l.contains("annual average")) {
                return Optional.of(Period.Declaration.of(PeriodKind.JAHRESDURCHSCHNITT));
            }
            if (l.contains("jahressumme")) {
                return Optional.of(Period.Declaration.of(PeriodKind.JAHRESSUMME));
            }
            return switch (c) {
                case "STAG" -> Optional.of(Period.Declaration.of(PeriodKind.STICHTAG));
                case "JAHR" -> Optional.of(Period.Declaration.of(PeriodKind.JAHR));
                default -> Optional.empty();
            };
        }

        /** The value's label, then the attributes of the non-regional groups in group order. */
        private static String path(FfcsvColumns.ValueColumn value, String[] cells, List<String> attributes) {
            StringBuilder path = new StringBuilder(value.label(cells));
            for (String attribute : attributes) {
                if (!attribute.isEmpty()) {
                    if (path.length() > 0) {
                        path.append(" | ");
                    }
                    path.append(attribute);
                }
            }
            return path.toString();
        }

        private Optional<Cell> cell(String raw) {
            String text = raw.strip();
            if (naming.english()) {
                // English files write 1234.5; a comma there would be a thousands separator and is not guessed at.
                if (COMMA_BETWEEN_DIGITS.matcher(text).matches()) {
                    return Optional.empty();
                }
                if (ENGLISH_DECIMAL.matcher(text).matches()) {
                    text = text.replace('.', ',');
                }
            }
            return CellParser.parse(text);
        }

        private void reject(PhysicalLines.Line line, String reason) {
            rejected++;
            listener.rejected(line.number(), reason, line.text());
        }

        private void skip(PhysicalLines.Line line, String reason) {
            skipped++;
            listener.skipped(line.number(), reason, line.text());
        }
    }

    /**
     * A value with the mark of its quality column ({@code value_q}, {@code ..._q}), or empty when the two disagree.
     * {@code e} (final) is the ordinary state of a published number and is not kept: it would mark every value of a
     * download with quality marks and make it differ from the same number delivered without them. {@code p},
     * {@code r} and {@code s} are kept beside the number; beside a special symbol the symbol says why there is no
     * number and the mark adds nothing.
     */
    static Optional<Cell> qualified(Cell cell, String mark) {
        if (mark.isEmpty() || mark.equals(Marker.FINAL.symbol())) {
            return Optional.of(cell);
        }
        Optional<Marker> marker = Marker.bySymbol(mark);
        if (marker.isEmpty() || marker.get() == Marker.LIMITED_RELIABILITY) {
            return Optional.empty();
        }
        if (!marker.get().accompaniesValue()) {
            return cell.hasNumber() ? Optional.empty() : Optional.of(cell);
        }
        if (!cell.hasNumber()) {
            return Optional.of(cell);
        }
        String own = cell.marker();
        char last = own.isEmpty() ? ' ' : own.charAt(own.length() - 1);
        if ("prse".indexOf(last) >= 0) {
            return last == mark.charAt(0) ? Optional.of(cell) : Optional.empty();
        }
        return Optional.of(Cell.of(cell.number().orElseThrow(), own + mark));
    }
}
