package de.integrationsmonitor.ingest.workbook;

import de.integrationsmonitor.datenquellen.CellRefs;
import de.integrationsmonitor.datenquellen.SourceDescription;
import de.integrationsmonitor.datenquellen.SourceDescriptionException;
import de.integrationsmonitor.datenquellen.SourceDescriptions;
import de.integrationsmonitor.ingest.CellParser;
import de.integrationsmonitor.ingest.ExtractFooter;
import de.integrationsmonitor.ingest.ExtractFormat;
import de.integrationsmonitor.ingest.ExtractHeader;
import de.integrationsmonitor.ingest.ExtractListener;
import de.integrationsmonitor.ingest.ExtractReader;
import de.integrationsmonitor.ingest.ExtractRefusedException;
import de.integrationsmonitor.ingest.ExtractSource;
import de.integrationsmonitor.ingest.IngestLimits;
import de.integrationsmonitor.ingest.LineAccount;
import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.region.KreisNames;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a workbook (xlsx, xlsm, xls) as its source description says: the header rows give each value column its
 * variable path (labels joined by " | ", as for the classic CSV), the region column its Kreis, the period comes from
 * the description, a cell, a column or the year over each column group. Every data row (a row with at least one
 * value) is stored, quarantined (a region that is unknown or ambiguous, a value that is neither number nor symbol)
 * or skipped (an aggregate, a part of a Kreis), with its reason and its cell ({@code Sheet!C12}).
 */
public final class WorkbookReader implements ExtractReader {

    /** Rows read at most before the first data row when the description lets the reader derive the header. */
    static final int MAX_DERIVED_HEADER_ROWS = 200;

    private static final Pattern KEY_AND_NAME = Pattern.compile("(\\d{1,8})\\s+(.+)");
    private static final Pattern FOOTNOTE = Pattern.compile("\\s*(\\d{1,2}\\)|\\*\\))+$");
    private static final Pattern UNIT = Pattern.compile(
            "Anzahl|Prozent|%|‰|Promille|(?:Tsd\\.|Mill\\.|Mio\\.|Mrd\\.)\\s*(?:EUR|Euro)|EUR|Euro|Tsd\\.|ha|km²|qkm"
                    + "|Jahre|Personen|Stunden|je .+");

    private final SourceDescription description;
    private final KreisNames names;
    private final IngestLimits limits;

    public WorkbookReader(SourceDescription description, KreisNames names, IngestLimits limits) {
        this.description = description;
        this.names = names;
        this.limits = limits;
    }

    /** Whether the file's first bytes are those of an Excel workbook (a ZIP, or the OLE2 container of an xls). */
    public static boolean isWorkbook(ExtractSource source) throws IOException {
        try (InputStream in = source.open()) {
            byte[] head = in.readNBytes(8);
            return isOle2(head)
                    || (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4);
        }
    }

    private static boolean isOle2(byte[] head) {
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        if (head.length < 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public LineAccount read(ExtractSource source, ExtractListener listener) throws IOException {
        String fileName = source.fileName();
        boolean xls;
        try (InputStream in = source.open()) {
            xls = isOle2(in.readNBytes(8));
        }
        if (!xls && !isWorkbook(source)) {
            throw new ExtractRefusedException(
                    fileName,
                    0,
                    "source description " + description.file().getFileName()
                            + " takes this file, but it is no Excel workbook (xlsx, xlsm or xls)");
        }
        SheetRows sheet = xls
                ? new XlsSheetRows(source.path(), fileName, description.sheet(), description.sheetPosition(), limits)
                : new XlsxSheetRows(source.path(), fileName, description.sheet(), description.sheetPosition(), limits);
        Interpreter interpreter = new Interpreter(fileName, sheet, listener, xls ? "xls" : "xlsx");
        sheet.rows(interpreter::row);
        return interpreter.finish();
    }

    /** Holds the rows above the data while the layout is found, then streams the data rows. */
    private final class Interpreter {
        private final String fileName;
        private final SheetRows sheet;
        private final ExtractListener listener;
        private final String container;
        private final Map<Integer, SortedMap<Integer, SheetCell>> above = new TreeMap<>();
        private Layout layout;
        private long dataLines;
        private long rejected;
        private long skipped;
        private long observations;

        Interpreter(String fileName, SheetRows sheet, ExtractListener listener, String container) {
            this.fileName = fileName;
            this.sheet = sheet;
            this.listener = listener;
            this.container = container;
        }

        boolean row(int number, SortedMap<Integer, SheetCell> cells) {
            if (layout == null) {
                Optional<Integer> first = description.firstDataRow();
                boolean isData = first.map(f -> number >= f).orElseGet(() -> looksLikeData(number, cells));
                if (!isData) {
                    above.put(number, cells);
                    if (first.isEmpty() && above.size() > MAX_DERIVED_HEADER_ROWS) {
                        throw refused(
                                number,
                                "no data row in the first " + MAX_DERIVED_HEADER_ROWS + " rows of sheet '"
                                        + sheet.sheetName() + "' (a row with a region in column "
                                        + CellRefs.letters(description.region().column())
                                        + " and a number beside it); give"
                                        + " header_rows and first_data_row in "
                                        + description.file().getFileName());
                    }
                    return true;
                }
                layout = layout(number);
                listener.header(new ExtractHeader(
                        fileName,
                        ExtractFormat.WORKBOOK,
                        description.id(),
                        container,
                        abbreviate(description.title() + " (" + sheet.sheetName() + "; "
                                + description.file().getFileName() + ")")));
            }
            data(number, cells);
            return true;
        }

        /** A derived layout's first data row: a region key or name in its column and a number to its right. */
        private boolean looksLikeData(int number, SortedMap<Integer, SheetCell> cells) {
            SheetCell region = cells.get(description.region().column());
            if (region == null || isColumnNumbers(cells)) {
                return false;
            }
            boolean keyed = description.region().mode() != SourceDescription.RegionMode.NAME;
            if (keyed && !region.value().strip().matches("\\d.*")) {
                return false;
            }
            return cells.tailMap(description.region().column() + 1).values().stream()
                    .anyMatch(c -> c.numeric()
                            && c.column() != description.region().nameColumn().orElse(-1));
        }

        private Layout layout(int firstDataRow) {
            List<Integer> headerRows = new ArrayList<>(description.headerRows());
            Optional<Integer> unitRow = description.unitRow();
            if (headerRows.isEmpty()) {
                // derived: the block of rows just above the data, up to a blank row, without a row of column numbers
                List<Integer> block = new ArrayList<>();
                for (int r = firstDataRow - 1; r >= 1; r--) {
                    SortedMap<Integer, SheetCell> cells = above.get(r);
                    if (cells == null || cells.isEmpty()) {
                        break;
                    }
                    block.add(0, r);
                }
                for (int r : block) {
                    SortedMap<Integer, SheetCell> cells = above.get(r);
                    if (isColumnNumbers(cells)) {
                        continue;
                    }
                    if (unitRow.isEmpty()
                            && description.unit().isEmpty()
                            && valueLabels(cells).stream()
                                    .allMatch(l -> UNIT.matcher(l).matches())
                            && !valueLabels(cells).isEmpty()) {
                        unitRow = Optional.of(r);
                        continue;
                    }
                    headerRows.add(r);
                }
                if (headerRows.isEmpty()) {
                    throw refused(
                            firstDataRow,
                            "no header rows above the first data row " + firstDataRow
                                    + " of sheet '" + sheet.sheetName() + "'; give header_rows in "
                                    + description.file().getFileName());
                }
            }
            SourceDescription.PeriodSource period = description.period();
            int groupRow = period.mode() == SourceDescription.PeriodMode.COLUMN_GROUPS ? period.column() : -1;
            Map<Integer, String> paths = new TreeMap<>();
            int regionColumn = description.region().column();
            int nameColumn = description.region().nameColumn().orElse(-1);
            int periodColumn = period.mode() == SourceDescription.PeriodMode.COLUMN ? period.column() : -1;
            Map<Integer, List<String>> labels = new TreeMap<>();
            for (int r : headerRows) {
                if (r == groupRow || unitRow.map(u -> u == r).orElse(false)) {
                    continue;
                }
                for (SheetCell c : above.getOrDefault(r, new TreeMap<>()).values()) {
                    if (c.column() == regionColumn || c.column() == nameColumn || c.column() == periodColumn) {
                        continue;
                    }
                    String label = label(c);
                    if (!label.isEmpty()) {
                        List<String> parts = labels.computeIfAbsent(c.column(), k -> new ArrayList<>());
                        parts.add(label);
                    }
                }
            }
            labels.forEach((column, parts) -> {
                if (column > regionColumn) {
                    paths.put(column, String.join(" | ", parts));
                }
            });
            if (paths.isEmpty()) {
                throw refused(
                        firstDataRow,
                        "the header rows " + headerRows + " of sheet '" + sheet.sheetName()
                                + "' label no value column right of the region column "
                                + CellRefs.letters(regionColumn));
            }
            Map<Integer, String> units = new TreeMap<>();
            for (int column : paths.keySet()) {
                String unit = description.unit();
                if (unitRow.isPresent()) {
                    // a unit stands for the columns to its right up to the next one (offices merge it, or not)
                    SortedMap<Integer, SheetCell> row =
                            above.getOrDefault(unitRow.get(), new TreeMap<>()).headMap(column + 1);
                    unit = row.isEmpty() || row.lastKey() <= regionColumn ? "" : label(row.get(row.lastKey()));
                }
                units.put(column, unit);
            }
            Map<Integer, Period> periods = new TreeMap<>();
            Period.Declaration declaration = new Period.Declaration(period.kind(), period.day());
            switch (period.mode()) {
                case FIXED -> {
                    Period p = parsePeriod(period.value(), declaration)
                            .orElseThrow(() -> new SourceDescriptionException(description.file() + ": period: fixed: '"
                                    + period.value() + "' is no period; expected a"
                                    + " year (2020), a date (30.06.2020) or a school year (2019/20)"));
                    paths.keySet().forEach(c -> periods.put(c, p));
                }
                case CELL -> {
                    int row = CellRefs.row(period.value());
                    SheetCell c = above.getOrDefault(row, new TreeMap<>()).get(CellRefs.column(period.value()));
                    Period p = (c == null ? Optional.<Period>empty() : parsePeriod(text(c), declaration))
                            .orElseThrow(() -> refused(
                                    row,
                                    sheet.sheetName() + "!" + period.value()
                                            + ": expected the period (source description field period.cell), found '"
                                            + (c == null ? "" : text(c)) + "'"));
                    paths.keySet().forEach(col -> periods.put(col, p));
                }
                case COLUMN_GROUPS -> {
                    SortedMap<Integer, SheetCell> groups = above.get(groupRow);
                    if (groups == null) {
                        throw refused(
                                groupRow,
                                "row " + groupRow + " of sheet '" + sheet.sheetName() + "' (period"
                                        + " group_row) is empty; expected the year over each column group");
                    }
                    for (int column : paths.keySet()) {
                        SheetCell c = groups.get(column);
                        if (c == null) {
                            throw refused(
                                    groupRow,
                                    sheet.sheetName() + "!" + CellRefs.cell(column, groupRow)
                                            + ": no year over the column group of " + CellRefs.letters(column) + " ("
                                            + paths.get(column) + ")");
                        }
                        int start = groupStart(groups, column);
                        String year = period.corrections().containsKey(start)
                                ? String.valueOf(period.corrections().get(start))
                                : text(c);
                        Period p = parsePeriod(year, declaration)
                                .orElseThrow(() -> refused(
                                        groupRow,
                                        sheet.sheetName() + "!" + CellRefs.cell(column, groupRow)
                                                + ": expected a year over" + " the column group, found '" + text(c)
                                                + "'"));
                        periods.put(column, p);
                    }
                }
                default -> {}
            }
            return new Layout(paths, units, periods);
        }

        /** The first column of a column group: where its year is written (the first cell of its merged region). */
        private int groupStart(SortedMap<Integer, SheetCell> groups, int column) {
            return groups.get(column).origin();
        }

        private void data(int number, SortedMap<Integer, SheetCell> cells) {
            boolean anyValue = layout.paths.keySet().stream().anyMatch(cells::containsKey);
            boolean anyNumber = layout.paths.keySet().stream().map(cells::get).anyMatch(c -> c != null && c.numeric());
            if (!anyValue || (!cells.containsKey(description.region().column()) && !anyNumber)) {
                return; // blank, a footnote or the source line below the table: no data row
            }
            dataLines++;
            String content = content(cells);
            SheetCell regionCell = cells.get(description.region().column());
            String where =
                    sheet.sheetName() + "!" + CellRefs.cell(description.region().column(), number);
            if (regionCell == null) {
                reject(number, where + ": no region in the row that has values; expected " + expected(), content);
                return;
            }
            Map<Integer, Period> periods = layout.periods;
            if (description.period().mode() == SourceDescription.PeriodMode.COLUMN) {
                int column = description.period().column();
                SheetCell p = cells.get(column);
                Optional<Period> period = p == null
                        ? Optional.empty()
                        : parsePeriod(
                                text(p),
                                new Period.Declaration(
                                        description.period().kind(),
                                        description.period().day()));
                if (period.isEmpty()) {
                    reject(
                            number,
                            sheet.sheetName() + "!" + CellRefs.cell(column, number) + ": expected the period"
                                    + " (a year, a date or a school year), found '" + (p == null ? "" : text(p)) + "'",
                            content);
                    return;
                }
                Map<Integer, Period> own = new LinkedHashMap<>();
                layout.paths.keySet().forEach(c -> own.put(c, period.get()));
                periods = own;
            }
            Period first = periods.values().iterator().next();
            Region region = region(regionCell, cells, first.referenceDate(), where);
            if (region.skip != null) {
                skipped++;
                listener.skipped(number, region.skip, content);
                return;
            }
            if (region.reject != null) {
                reject(number, region.reject, content);
                return;
            }
            List<Observation> found = new ArrayList<>();
            for (Map.Entry<Integer, String> column : layout.paths.entrySet()) {
                SheetCell c = cells.get(column.getKey());
                if (c == null) {
                    continue;
                }
                Optional<Cell> value = value(c);
                if (value.isEmpty()) {
                    reject(
                            number,
                            sheet.sheetName() + "!" + CellRefs.cell(c.column(), number) + ": '"
                                    + abbreviate(c.value()) + "' is neither a number nor a symbol (the offices' "
                                    + SourceDescriptions.OFFICE_SYMBOLS + " or those of the description's 'symbols')",
                            content);
                    return;
                }
                found.add(new Observation(
                        description.id(),
                        region.code,
                        periods.get(column.getKey()),
                        column.getValue(),
                        layout.units.get(column.getKey()),
                        value.get(),
                        number));
            }
            found.forEach(listener::observation);
            observations += found.size();
        }

        private void reject(int number, String reason, String content) {
            rejected++;
            listener.rejected(number, reason, content);
        }

        private String expected() {
            return switch (description.region().mode()) {
                case AGS -> "a Kreis code of 5 digits";
                case AGS_IN_LAND ->
                    "a Kreis code of 3 digits without the Land "
                            + description.region().land().orElse("");
                case KEY_AND_NAME -> "a Kreis code and name in one cell ('03101 Braunschweig, Stadt')";
                case NAME ->
                    "a Kreis name of Land " + description.region().land().orElse("");
            };
        }

        private record Region(String code, String skip, String reject) {}

        private Region region(
                SheetCell cell, SortedMap<Integer, SheetCell> cells, java.time.LocalDate date, String where) {
            String printed = text(cell).strip();
            String name = description
                    .region()
                    .nameColumn()
                    .map(cells::get)
                    .map(WorkbookReader::text)
                    .orElse("");
            SourceDescription.RegionMode mode = description.region().mode();
            if (mode == SourceDescription.RegionMode.NAME) {
                return byName(printed, date, where);
            }
            String key = printed;
            if (mode == SourceDescription.RegionMode.KEY_AND_NAME) {
                Matcher m = KEY_AND_NAME.matcher(printed);
                if (!m.matches()) {
                    Region byName = byName(printed, date, where);
                    if (byName.skip != null) {
                        return byName;
                    }
                    return new Region(null, null, where + ": '" + abbreviate(printed) + "': expected " + expected());
                }
                key = m.group(1);
                name = m.group(2);
            }
            if (!name.isBlank()) {
                KreisNames.Resolution r = names.resolve(
                        name, description.region().land().orElse(key.length() >= 2 ? key.substring(0, 2) : "00"), date);
                if (r instanceof KreisNames.NotAKreis not) {
                    return new Region(null, not.reason() + " (" + where + ")", null);
                }
            }
            if (!key.matches("\\d+")) {
                return new Region(null, null, where + ": '" + abbreviate(printed) + "': expected " + expected());
            }
            String land = description.region().land().orElse("");
            boolean inLand = mode == SourceDescription.RegionMode.AGS_IN_LAND
                    || (mode == SourceDescription.RegionMode.KEY_AND_NAME
                            && !land.isEmpty()
                            && key.length() <= 6
                            && key.length() != 5);
            if (inLand) {
                if (key.length() == 3) {
                    return new Region(land + key, null, null);
                }
                if (key.length() <= 2) {
                    return new Region(
                            null,
                            "key " + key + " ('" + name + "') is "
                                    + (key.equals("0")
                                            ? "the Land"
                                            : "an aggregate above the Kreise (Statistische Region, Regierungsbezirk)")
                                    + ", not a Kreis (" + where + ")",
                            null);
                }
                if (key.length() > 3) {
                    return new Region(
                            null,
                            "key " + key + " ('" + name + "') is below the Kreis (a part of Kreis " + land
                                    + key.substring(0, 3) + "), not read until that level is built (" + where + ")",
                            null);
                }
            }
            return switch (key.length()) {
                case 5 -> new Region(key, null, null);
                case 2 -> new Region(null, "key " + key + " is a Land, not a Kreis (" + where + ")", null);
                case 3 -> new Region(null, "key " + key + " is a Regierungsbezirk, not a Kreis (" + where + ")", null);
                case 8 ->
                    new Region(
                            null,
                            "key " + key + " is a Gemeinde, below the Kreis; not read until that" + " level is built ("
                                    + where + ")",
                            null);
                default -> new Region(null, null, where + ": '" + abbreviate(printed) + "': expected " + expected());
            };
        }

        private Region byName(String printed, java.time.LocalDate date, String where) {
            KreisNames.Resolution r =
                    names.resolve(printed, description.region().land().orElseThrow(), date);
            if (r instanceof KreisNames.Found found) {
                return new Region(found.kreis().ags(), null, null);
            }
            if (r instanceof KreisNames.NotAKreis not) {
                return new Region(null, not.reason() + " (" + where + ")", null);
            }
            return new Region(null, null, where + ": " + ((KreisNames.Unresolved) r).reason());
        }

        private Optional<Cell> value(SheetCell c) {
            if (c.numeric()) {
                try {
                    // as stored: "1234.0" is 1234, and no rounding ever (17 digits of a share stay 17)
                    BigDecimal number = new BigDecimal(c.value()).stripTrailingZeros();
                    return Optional.of(Cell.of(number.scale() < 0 ? number.setScale(0) : number));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            String text = c.value().strip();
            String meaning = description.symbols().get(text);
            if (meaning != null) {
                return Marker.bySymbol(meaning).map(Cell::missing);
            }
            Optional<Marker> marker = Marker.bySymbol(text).filter(m -> !m.accompaniesValue());
            if (marker.isPresent()) {
                return Optional.of(Cell.missing(marker.get()));
            }
            return CellParser.parse(text);
        }

        private LineAccount finish() {
            if (layout == null) {
                throw refused(
                        0,
                        "sheet '" + sheet.sheetName() + "' has no data row"
                                + description
                                        .firstDataRow()
                                        .map(r -> " at or below row " + r)
                                        .orElse("")
                                + " (source description " + description.file().getFileName() + ")");
            }
            listener.footer(ExtractFooter.none());
            long stored = dataLines - rejected - skipped;
            return new LineAccount(dataLines, stored, rejected, skipped, observations);
        }

        private ExtractRefusedException refused(long row, String problem) {
            return new ExtractRefusedException(fileName, row, problem);
        }
    }

    private record Layout(Map<Integer, String> paths, Map<Integer, String> units, Map<Integer, Period> periods) {}

    /** A header label as a path part: white space made one space, a trailing footnote marker ({@code 1)}) dropped. */
    private static String label(SheetCell c) {
        String text = text(c).strip().replaceAll("\\s+", " ");
        return FOOTNOTE.matcher(text).replaceAll("").strip();
    }

    /** A cell as text; a whole number without its ".0". */
    static String text(SheetCell c) {
        if (c.numeric()) {
            try {
                BigDecimal d = new BigDecimal(c.value());
                return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return c.value();
            }
        }
        return c.value();
    }

    private static Optional<Period> parsePeriod(String text, Period.Declaration declaration) {
        return Period.parse(text.strip(), Optional.of(declaration));
    }

    private static boolean isColumnNumbers(SortedMap<Integer, SheetCell> cells) {
        if (cells.size() < 2) {
            return false;
        }
        int expected = -1;
        for (SheetCell c : cells.values()) {
            String t = text(c);
            if (!t.matches("\\d{1,3}")) {
                return false;
            }
            int n = Integer.parseInt(t);
            if (expected >= 0 && n != expected) {
                return false;
            }
            expected = n + 1;
        }
        return true;
    }

    private List<String> valueLabels(SortedMap<Integer, SheetCell> cells) {
        return cells.tailMap(description.region().column() + 1).values().stream()
                .filter(c -> c.column() != description.region().nameColumn().orElse(-1))
                .map(WorkbookReader::label)
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private static String content(SortedMap<Integer, SheetCell> cells) {
        StringBuilder b = new StringBuilder();
        for (SheetCell c : cells.values()) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(text(c));
        }
        return abbreviate(b.toString());
    }

    private static String abbreviate(String s) {
        return s.length() <= 900 ? s : s.substring(0, 899) + "…";
    }
}
