package de.integrationsmonitor.ingest;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.region.RegionLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the classic Regionaldatenbank/GENESIS CSV in all its layouts without knowing the table: the structure is
 * derived from the file itself. A title block (with the period as a title line in one layout), 1 to 4 header
 * rows starting with {@code ;} (the period in a header row in the wide layout; a units row), data rows whose
 * leading columns are an optional period, the region code, the indented region name and optional label columns,
 * and a footer after a line of underscores with notes and the {@code Stand:} timestamp.
 */
public final class ClassicCsvReader implements ExtractReader {

    static final String TABLE_LINE_PREFIX = "GENESIS-Tabelle:";
    private static final String FOOTER_PREFIX = "_____";
    private static final Pattern TABLE_CODE = Pattern.compile("[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*");
    private static final Pattern STAND =
            Pattern.compile("Stand:\\s*(\\d{2}\\.\\d{2}\\.\\d{4})\\s*/\\s*(\\d{2}:\\d{2}:\\d{2})");
    private static final String STAND_PREFIX = "Stand:";
    /** Strict: 31.02.2017 is no date (the lenient default would read 28.02.). */
    private static final DateTimeFormatter STAND_FORMAT =
            DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern UNIT = Pattern.compile(
            "Anzahl|Prozent|%|‰|Promille|(?:Tsd\\.|Mill\\.|Mio\\.|Mrd\\.)\\s*(?:EUR|Euro)|EUR|Euro|Tsd\\.|ha|km²|qkm"
                    + "|Jahre|Personen|Stunden|je .+");
    private static final Pattern TITLE_UNIT = Pattern.compile("\\(([^()]+)\\)$");
    /**
     * The kind of the table's periods, as the title block says it between dashes: {@code - Stichtag 31.12. -},
     * {@code - Stichtag 30.06.-}, {@code SGB II- Stichtag 31.12. -}, {@code - Jahresdurchschnitt -},
     * {@code - Jahressumme -}, {@code - Jahr -}, {@code - Schuljahr -}.
     */
    private static final Pattern TITLE_PERIOD_KIND = Pattern.compile(
            "-\\s*(Stichtag\\s+(\\d{2})\\.(\\d{2})\\.|Jahresdurchschnitt|Jahressumme|Schuljahr|Jahr)\\s*-");
    /**
     * The title line of a table of regional depth {@code -5}: {@code regionale Tiefe: Gemeinden,
     * Samt-/Verbandsgemeinden}. Such a table is read whole, its Gemeinden and Gemeindeverbände included.
     */
    private static final Pattern GEMEINDE_DEPTH = Pattern.compile("regionale Tiefe:.*Gemeinden");

    private static final CSVFormat FORMAT = CSVFormat.Builder.create()
            .setDelimiter(';')
            .setQuote('"')
            .setIgnoreEmptyLines(true)
            .get();

    /** Title lines, header rows and footer lines a file may have; real extracts have at most a dozen of each. */
    static final int MAX_TITLE_LINES = 100;

    static final int MAX_HEADER_ROWS = 20;
    static final int MAX_FOOTER_LINES = 1000;

    private final IngestLimits limits;

    public ClassicCsvReader(IngestLimits limits) {
        this.limits = limits;
    }

    public ClassicCsvReader() {
        this(IngestLimits.defaults());
    }

    @Override
    public LineAccount read(ExtractSource source, ExtractListener listener) throws IOException {
        try (InputStream in = source.open()) {
            if (source.bytes().byteOrderMark()) {
                in.skipNBytes(3);
            }
            Reader reader = new BoundedText(
                    new InputStreamReader(in, source.bytes().charset()), source.fileName(), "", limits, true);
            try (CSVParser parser =
                    CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
                return new Parse(source, parser, listener).run();
            } catch (UncheckedIOException e) {
                // commons-csv reports a quote that never closes (a truncated footer) this way
                throw new ExtractRefusedException(
                        source.fileName(),
                        0,
                        "the file cannot be split into lines and cells ("
                                + e.getCause().getMessage() + "); is it truncated inside a quoted footer note?");
            }
        }
    }

    /** The state of reading one file. */
    private static final class Parse {
        private final ExtractSource source;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final ExtractListener listener;
        private long line;
        private long dataLines;
        private long stored;
        private long rejected;
        private long skipped;
        private long observations;
        /** The title declares regional depth Gemeinden: lines below the Kreis are stored, not skipped. */
        private boolean gemeindeDepth;

        Parse(ExtractSource source, CSVParser parser, ExtractListener listener) {
            this.source = source;
            this.parser = parser;
            this.records = parser.iterator();
            this.listener = listener;
        }

        private Optional<CSVRecord> next() {
            if (!records.hasNext()) {
                return Optional.empty();
            }
            CSVRecord record = records.next();
            line = parser.getCurrentLineNumber();
            return Optional.of(record);
        }

        private ExtractRefusedException refuse(String problem) {
            return new ExtractRefusedException(source.fileName(), line, problem);
        }

        LineAccount run() {
            CSVRecord first = next().orElseThrow(() -> refuse(
                    "the file is empty; expected a GENESIS extract starting with '" + TABLE_LINE_PREFIX + " <code>'"));
            String tableLine = first.get(0).strip();
            if (!tableLine.startsWith(TABLE_LINE_PREFIX)) {
                throw refuse("expected '" + TABLE_LINE_PREFIX + " <table code>' as the first line, found '"
                        + abbreviate(tableLine) + "'");
            }
            String tableCode = tableLine.substring(TABLE_LINE_PREFIX.length()).strip();
            if (!TABLE_CODE.matcher(tableCode).matches()) {
                throw refuse("expected a table code like 12411-01-01-4 after '" + TABLE_LINE_PREFIX + "', found '"
                        + abbreviate(tableCode) + "'");
            }
            Optional<String> asked = source.declaredTableCode().map(String::strip);
            if (asked.isPresent() && !asked.get().equals(tableCode)) {
                throw refuse("the file is table " + tableCode + " ('" + abbreviate(tableLine) + "'), but table "
                        + asked.get() + " was asked for; a table is not stored under another table's code");
            }

            List<String> titleLines = new ArrayList<>();
            Optional<Period.Declaration> declared = Optional.empty();
            Optional<String> titlePeriod = Optional.empty();
            String titleUnit = "";
            CSVRecord record;
            while (true) {
                record = next().orElseThrow(() ->
                        refuse("the file ends before its header rows; expected header rows starting with ';'"));
                if (isHeaderRow(record)) {
                    break;
                }
                if (record.size() == 1
                        && (record.get(0).contains(",,") || record.get(0).contains("\t"))) {
                    throw refuse("the cells of this line are separated by '"
                            + (record.get(0).contains("\t") ? "\\t" : ",")
                            + "'; GENESIS extracts separate cells by ';' (was the file re-saved"
                            + " by a spreadsheet program?)");
                }
                if (!onlyFirstCell(record)) {
                    throw refuse("expected a title line or a header row starting with ';', found a data line '"
                            + abbreviate(String.join(";", record)) + "' before any header row");
                }
                String text = record.get(0).strip();
                Matcher unit = TITLE_UNIT.matcher(text);
                if (Period.parse(text).isPresent()) {
                    titlePeriod = Optional.of(text); // read below, once the whole title block has said its kind
                } else if (!text.isEmpty()) {
                    titleLines.add(text);
                    declared = declared.or(() -> declaredPeriodKind(text));
                }
                if (titleLines.size() > MAX_TITLE_LINES) {
                    throw refuse("more than " + MAX_TITLE_LINES + " title lines before the header rows; a real"
                            + " extract has a handful");
                }
                if (unit.find() && isUnit(unit.group(1))) {
                    titleUnit = unit.group(1); // e.g. "Bevölkerungsstand (Anzahl)": the unit of every column
                }
            }

            List<List<String>> headerRows = new ArrayList<>();
            long firstHeaderLine = line;
            while (isHeaderRow(record)) {
                headerRows.add(cells(record));
                if (headerRows.size() > MAX_HEADER_ROWS) {
                    throw refuse("more than " + MAX_HEADER_ROWS + " header rows (lines starting with ';') before the"
                            + " first data line; a real extract has 1 to 4");
                }
                long headerLine = line;
                record = next().orElseThrow(() -> new ExtractRefusedException(
                        source.fileName(),
                        headerLine,
                        "the file ends after its header rows; expected data lines and a footer"));
            }
            gemeindeDepth =
                    titleLines.stream().anyMatch(t -> GEMEINDE_DEPTH.matcher(t).find());
            Optional<Period.Declaration> kind = declared;
            Layout layout = Layout.of(
                    headerRows,
                    titlePeriod.flatMap(t -> Period.parse(t, kind)),
                    kind,
                    titleUnit,
                    problem -> new ExtractRefusedException(source.fileName(), firstHeaderLine, problem));

            listener.header(new ExtractHeader(
                    source.fileName(),
                    ExtractFormat.CLASSIC_CSV,
                    tableCode,
                    source.bytes().encodingName(),
                    String.join(" ", titleLines)));

            while (true) {
                if (record.get(0).strip().startsWith(FOOTER_PREFIX)) {
                    if (dataLines == 0) {
                        throw refuse("the file has header rows but no data lines before its footer; expected at"
                                + " least one line with a region code");
                    }
                    listener.footer(readFooter());
                    return new LineAccount(dataLines, stored, rejected, skipped, observations);
                }
                if (dataLines == 0
                        && layout.periodColumn()
                        && Period.parse(record.get(0)).isEmpty()) {
                    throw refuse("no reference period found: expected it in a header row, in a title line, or as the"
                            + " first column of the data lines, found '" + abbreviate(record.get(0)) + "'");
                }
                dataLines++;
                dataLine(tableCode, layout, kind, record);
                long lastLine = line;
                record = next().orElseThrow(() -> new ExtractRefusedException(
                        source.fileName(),
                        lastLine,
                        "the file ends without its footer (a line of underscores, the notes and 'Stand:');"
                                + " it looks truncated"));
            }
        }

        private void dataLine(
                String tableCode, Layout layout, Optional<Period.Declaration> declared, CSVRecord record) {
            String content = String.join(";", record);
            if (isHeaderRow(record)) {
                reject("a header row (starting with ';') inside the data; a second header block?", content);
                return;
            }
            if (record.size() != layout.width()) {
                reject(
                        "the row has " + record.size() + " cells, the header declares " + layout.width() + " ("
                                + layout.leadingColumns() + " label columns and " + layout.valueColumns() + " values)",
                        content);
                return;
            }
            int column = 0;
            Optional<Period> rowPeriod = Optional.empty();
            if (layout.periodColumn()) {
                rowPeriod = Period.parse(record.get(column++), declared);
                if (rowPeriod.isEmpty()) {
                    reject(
                            "expected a period (YYYY or DD.MM.YYYY) in column 1, found '" + abbreviate(record.get(0))
                                    + "'",
                            content);
                    return;
                }
            }
            String regionCode = record.get(column++).strip();
            column++; // the region's name: not stable across deliveries, codes are the key
            List<String> rowLabels = new ArrayList<>();
            while (column < layout.leadingColumns()) {
                rowLabels.add(Layout.normalise(record.get(column++)));
            }
            Optional<RegionLevel> level = RegionLevel.of(regionCode);
            if (level.isEmpty()) {
                reject(
                        "unknown region code '" + abbreviate(regionCode) + "': expected DG, a 2-digit Land,"
                                + " 3-digit Regierungsbezirk, 5-digit Kreis, 8-digit Gemeinde code, or a Gemeinde or"
                                + " Gemeindeverband key of 7, 9, 10 or 11 digits",
                        content);
                return;
            }
            if (level.get() == RegionLevel.REGIERUNGSBEZIRK || level.get().belowKreis() && !gemeindeDepth) {
                skipped++;
                listener.skipped(
                        line,
                        level.get() == RegionLevel.REGIERUNGSBEZIRK
                                ? "Regierungsbezirk aggregate: the store keeps Germany, Länder and Kreise"
                                : "Gemeinde below Kreis level: the store keeps Germany, Länder and Kreise",
                        content);
                return;
            }
            List<Cell> cells = new ArrayList<>(layout.valueColumns());
            for (int value = 0; value < layout.valueColumns(); value++) {
                String text = record.get(layout.leadingColumns() + value);
                Optional<Cell> cell = CellParser.parse(text);
                if (cell.isEmpty()) {
                    reject(
                            "column " + (layout.leadingColumns() + value + 1) + " ("
                                    + layout.variablePath(value, rowLabels) + "): '" + abbreviate(text)
                                    + "' is neither a number nor a special symbol of the offices",
                            content);
                    return;
                }
                cells.add(cell.get());
            }
            for (int value = 0; value < cells.size(); value++) {
                Period period = rowPeriod.orElseGet(layout.columnPeriod(value));
                listener.observation(new Observation(
                        tableCode,
                        regionCode,
                        period,
                        layout.variablePath(value, rowLabels),
                        layout.unit(value),
                        cells.get(value),
                        line));
                observations++;
            }
            stored++;
        }

        private void reject(String reason, String content) {
            rejected++;
            listener.rejected(line, reason, content);
        }

        private ExtractFooter readFooter() {
            List<String> notes = new ArrayList<>();
            Optional<LocalDateTime> stand = Optional.empty();
            long standLine = 0;
            Optional<String> standProblem = Optional.empty();
            String standText = "";
            for (Optional<CSVRecord> record = next(); record.isPresent(); record = next()) {
                String text = String.join(";", record.get()).strip();
                refuseAnotherExtract(record.get(), text);
                if (text.startsWith(STAND_PREFIX)) {
                    if (standLine > 0) {
                        throw refuse("a second 'Stand:' line ('" + abbreviate(text) + "'; line " + standLine
                                + " says '" + abbreviate(standText) + "'); one file holds one extract of one"
                                + " Stand: were two downloads put together?");
                    }
                    standLine = line;
                    standText = text;
                    stand = Optional.empty();
                    standProblem = Optional.empty();
                    Matcher m = STAND.matcher(text);
                    if (!m.matches()) {
                        standProblem = Optional.of("'" + abbreviate(text) + "' is not a timestamp like 'Stand:"
                                + " 14.12.2017 / 15:51:18'");
                        continue;
                    }
                    try {
                        stand = Optional.of(LocalDateTime.parse(m.group(1) + " " + m.group(2), STAND_FORMAT));
                    } catch (DateTimeParseException e) {
                        standProblem = Optional.of("'" + abbreviate(text) + "' is no real date and time (" + m.group(1)
                                + " / " + m.group(2) + " does not exist)");
                    }
                } else if (!text.isEmpty()) {
                    notes.add(text);
                    if (notes.size() > MAX_FOOTER_LINES) {
                        throw refuse("more than " + MAX_FOOTER_LINES + " notes after the line of underscores; a real"
                                + " footer has a dozen");
                    }
                }
            }
            return new ExtractFooter(stand, notes, standLine, standProblem);
        }

        /**
         * Refuses what belongs to a table, not to a footer: a second extract's first line, a second line of
         * underscores, a header row or a line of several cells (a data line). Read as notes, they would vanish.
         */
        private void refuseAnotherExtract(CSVRecord record, String text) {
            String twoExtracts = "; one file holds one extract: were two downloads put together?";
            if (text.startsWith(TABLE_LINE_PREFIX)) {
                throw refuse("a second extract begins after the footer ('" + abbreviate(text) + "')" + twoExtracts);
            }
            if (text.startsWith(FOOTER_PREFIX)) {
                throw refuse("a second footer line of underscores" + twoExtracts);
            }
            if (isHeaderRow(record) && !onlyFirstCell(record)) {
                throw refuse("a header row after the footer ('" + abbreviate(text) + "')" + twoExtracts);
            }
            if (!onlyFirstCell(record)) {
                throw refuse("a data line after the footer ('" + abbreviate(text) + "'); the footer holds notes and"
                        + " 'Stand:' only" + twoExtracts);
            }
        }
    }

    private static boolean isHeaderRow(CSVRecord record) {
        return record.size() > 1 && record.get(0).isEmpty();
    }

    private static boolean onlyFirstCell(CSVRecord record) {
        for (int i = 1; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> cells(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cells::add);
        return cells;
    }

    static String abbreviate(String text) {
        String s = text.strip();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** The kind of period a title line declares, if it declares one. */
    static Optional<Period.Declaration> declaredPeriodKind(String titleLine) {
        Matcher m = TITLE_PERIOD_KIND.matcher(titleLine);
        if (!m.find()) {
            return Optional.empty();
        }
        String kind = m.group(1);
        if (kind.startsWith("Stichtag")) {
            try {
                return Optional.of(new Period.Declaration(
                        PeriodKind.STICHTAG,
                        Optional.of(MonthDay.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2))))));
            } catch (java.time.DateTimeException e) {
                return Optional.of(Period.Declaration.of(PeriodKind.STICHTAG));
            }
        }
        return Optional.of(Period.Declaration.of(
                switch (kind) {
                    case "Jahresdurchschnitt" -> PeriodKind.JAHRESDURCHSCHNITT;
                    case "Jahressumme" -> PeriodKind.JAHRESSUMME;
                    case "Schuljahr" -> PeriodKind.SCHULJAHR;
                    default -> PeriodKind.JAHR;
                }));
    }

    static boolean isUnit(String label) {
        return UNIT.matcher(label).matches();
    }
}
