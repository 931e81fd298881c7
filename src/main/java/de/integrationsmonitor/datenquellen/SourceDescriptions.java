package de.integrationsmonitor.datenquellen;

import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.yaml.SafeYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The source descriptions of a folder ({@code jobs/datenquellen}), read and checked: a wrong one is refused naming
 * file, field and the allowed values, before any file is read through it.
 */
public final class SourceDescriptions {

    private static final Set<String> TOP = Set.of(
            "id",
            "title",
            "provider",
            "attribution",
            "licence",
            "files",
            "sheet",
            "header_rows",
            "unit_row",
            "first_data_row",
            "region",
            "period",
            "symbols",
            "unit");
    private static final Set<String> REGION = Set.of("mode", "column", "name_column", "land");
    private static final Set<String> PERIOD =
            Set.of("kind", "day", "fixed", "cell", "column", "group_row", "corrections");
    /** The symbols of the offices (DOMAIN.md §2.3) that a file's own symbol may be declared to mean. */
    public static final List<String> OFFICE_SYMBOLS = List.of("-", ".", "x", "/", "...");

    private static final Pattern COLUMN = Pattern.compile("[A-Z]{1,3}");
    private static final Pattern CELL = Pattern.compile("([A-Z]{1,3})(\\d{1,7})");

    private final List<SourceDescription> descriptions;

    private SourceDescriptions(List<SourceDescription> descriptions) {
        this.descriptions = List.copyOf(descriptions);
    }

    public static SourceDescriptions none() {
        return new SourceDescriptions(List.of());
    }

    /** Every {@code *.yml} of the folder, sorted by name; none when the folder does not exist. */
    public static SourceDescriptions load(Path folder) {
        if (!Files.isDirectory(folder)) {
            return none();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new SourceDescriptionException(
                    "cannot list the source descriptions in " + folder + ": " + e.getMessage());
        }
        // several descriptions may share an id: the same statistic as different offices lay it out (a Land
        // office's workbook, the Kreis's own table); each delivery records the description it was read with
        List<SourceDescription> all = new ArrayList<>();
        for (Path file : files) {
            all.add(loadFile(file));
        }
        return new SourceDescriptions(all);
    }

    public List<SourceDescription> all() {
        return descriptions;
    }

    /** The description that takes a file of this name; a name two descriptions take is refused. */
    public Optional<SourceDescription> forFile(String fileName) {
        List<SourceDescription> matching =
                descriptions.stream().filter(d -> d.takes(fileName)).toList();
        if (matching.size() > 1) {
            throw new SourceDescriptionException(fileName + ": taken by " + matching.size()
                    + " source descriptions ("
                    + matching.stream()
                            .map(d -> d.file().getFileName().toString())
                            .collect(Collectors.joining(", "))
                    + "); narrow their 'files' patterns so that one takes it");
        }
        return matching.stream().findFirst();
    }

    /** The descriptions of a table code: one per layout in which its files arrive. */
    public List<SourceDescription> byId(String id) {
        return descriptions.stream().filter(d -> d.id().equals(id)).toList();
    }

    /** Reads one description file. */
    public static SourceDescription loadFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceDescriptionException("cannot read the source description " + file + ": " + e.getMessage());
        }
        Object root;
        try {
            root = SafeYaml.load(text);
        } catch (RuntimeException e) {
            throw new SourceDescriptionException(file + " is not valid YAML: " + SafeYaml.problem(e));
        }
        Fields top = new Fields(file.toString(), map(root, file.toString(), "the file"), TOP);
        String id = top.text("id");
        if (!id.startsWith(SourceDescription.PREFIX)
                || id.length() == SourceDescription.PREFIX.length()
                || id.length() > 40
                || !id.substring(SourceDescription.PREFIX.length()).matches("[a-z0-9][a-z0-9.-]*")) {
            throw top.wrong(
                    "id",
                    id,
                    "'" + SourceDescription.PREFIX + "' followed by lower-case letters, digits,"
                            + " '.' and '-' (at most 40 characters in all), e.g. 'eigen:ba-svb-auslaender'; the prefix keeps"
                            + " own codes apart from the offices' table codes");
        }
        String files = top.text("files");
        try {
            java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + files);
        } catch (RuntimeException e) {
            throw top.wrong(
                    "files",
                    files,
                    "a file-name pattern such as '*5-1-3*.xlsx' (* any characters,"
                            + " ? one character, {a,b} alternatives)");
        }
        Object sheetValue = top.required("sheet");
        boolean position = sheetValue instanceof Integer;
        if (position && (Integer) sheetValue < 1) {
            throw top.wrong("sheet", sheetValue, "a sheet name in quotes or a position from 1");
        }
        List<Integer> headerRows = headerRows(top);
        Optional<Integer> unitRow = top.optionalRow("unit_row");
        Optional<Integer> firstDataRow = top.optionalRow("first_data_row");
        if (firstDataRow.isPresent()
                && !headerRows.isEmpty()
                && firstDataRow.get() <= headerRows.get(headerRows.size() - 1)) {
            throw top.wrong(
                    "first_data_row",
                    firstDataRow.get(),
                    "a row below the last header row " + headerRows.get(headerRows.size() - 1));
        }
        SourceDescription.Region region =
                region(new Fields(file + ": region", map(top.required("region"), file.toString(), "region"), REGION));
        SourceDescription.PeriodSource period =
                period(new Fields(file + ": period", map(top.required("period"), file.toString(), "period"), PERIOD));
        Map<String, String> symbols = new LinkedHashMap<>();
        if (top.map.containsKey("symbols")) {
            Map<String, Object> declared = map(top.map.get("symbols"), file.toString(), "symbols");
            declared.forEach((symbol, meaning) -> {
                if (!OFFICE_SYMBOLS.contains(String.valueOf(meaning))) {
                    throw new SourceDescriptionException(file + ": symbols: '" + symbol + "' means '" + meaning
                            + "'; allowed meanings are the offices' symbols " + OFFICE_SYMBOLS
                            + " (- nothing, . secret or unknown, x locked, / not reliable enough, ... later)");
                }
                symbols.put(symbol.strip(), String.valueOf(meaning));
            });
        }
        String unit = top.map.containsKey("unit") ? top.text("unit") : "";
        if (unitRow.isPresent() && !unit.isEmpty()) {
            throw top.wrong("unit", unit, "either 'unit' (one unit for all columns) or 'unit_row', not both");
        }
        return new SourceDescription(
                file,
                id,
                top.text("title"),
                top.text("provider"),
                top.text("attribution"),
                top.text("licence"),
                files,
                String.valueOf(sheetValue),
                position,
                headerRows,
                unitRow,
                firstDataRow,
                region,
                period,
                Map.copyOf(symbols),
                unit);
    }

    private static List<Integer> headerRows(Fields top) {
        Object value = top.required("header_rows");
        if ("derived".equals(value)) {
            return List.of();
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            List<Integer> rows = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof Integer row) || row < 1 || (!rows.isEmpty() && row <= rows.get(rows.size() - 1))) {
                    throw top.wrong(
                            "header_rows",
                            value,
                            "'derived', or a list of row numbers from 1 in" + " increasing order, e.g. [6, 7]");
                }
                rows.add(row);
            }
            return List.copyOf(rows);
        }
        throw top.wrong(
                "header_rows",
                value,
                "'derived', or a list of row numbers from 1 in increasing order," + " e.g. [6, 7]");
    }

    private static SourceDescription.Region region(Fields f) {
        String modeText = f.text("mode");
        SourceDescription.RegionMode mode = Arrays.stream(SourceDescription.RegionMode.values())
                .filter(m -> m.label().equals(modeText))
                .findFirst()
                .orElseThrow(() -> f.wrong(
                        "mode",
                        modeText,
                        "one of "
                                + Arrays.stream(SourceDescription.RegionMode.values())
                                        .map(SourceDescription.RegionMode::label)
                                        .toList()));
        int column = f.column("column");
        Optional<Integer> nameColumn =
                f.map.containsKey("name_column") ? Optional.of(f.column("name_column")) : Optional.empty();
        Optional<String> land = f.map.containsKey("land") ? Optional.of(f.text("land")) : Optional.empty();
        boolean needsLand =
                mode == SourceDescription.RegionMode.AGS_IN_LAND || mode == SourceDescription.RegionMode.NAME;
        if (needsLand && land.isEmpty()) {
            throw f.wrong(
                    "land",
                    "(missing)",
                    "the two-digit Land code in quotes, e.g. \"03\"; mode " + modeText + " needs it");
        }
        if (land.isPresent() && !land.get().matches("(0[1-9]|1[0-6])")) {
            throw f.wrong("land", land.get(), "a two-digit Land code \"01\" to \"16\" in quotes");
        }
        return new SourceDescription.Region(mode, column, nameColumn, land);
    }

    private static SourceDescription.PeriodSource period(Fields f) {
        String kindText = f.text("kind");
        PeriodKind kind = Arrays.stream(PeriodKind.values())
                .filter(k -> k.german().toLowerCase(Locale.ROOT).equals(kindText.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> f.wrong(
                        "kind",
                        kindText,
                        "one of "
                                + Arrays.stream(PeriodKind.values())
                                        .map(k -> k.german().toLowerCase(Locale.ROOT))
                                        .toList()));
        Optional<MonthDay> day = Optional.empty();
        if (f.map.containsKey("day")) {
            String text = f.text("day");
            Matcher m = Pattern.compile("(\\d{2})\\.(\\d{2})\\.?").matcher(text);
            try {
                if (!m.matches()) {
                    throw new DateTimeException(text);
                }
                day = Optional.of(MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            } catch (DateTimeException e) {
                throw f.wrong("day", text, "a day of the year as 'DD.MM.', e.g. '30.06.'");
            }
            if (kind != PeriodKind.STICHTAG) {
                throw f.wrong("day", text, "only with kind stichtag (a " + kindText + " covers a span of time)");
            }
        }
        List<String> given = Stream.of("fixed", "cell", "column", "group_row")
                .filter(f.map::containsKey)
                .toList();
        if (given.size() != 1) {
            throw new SourceDescriptionException(f.where + ": exactly one of fixed (a period for the whole file),"
                    + " cell (e.g. B3), column (e.g. D) or group_row (the header row with the year over each column"
                    + " group) is needed; found " + (given.isEmpty() ? "none" : given));
        }
        Map<Integer, Integer> corrections = new TreeMap<>();
        if (f.map.containsKey("corrections")) {
            if (!given.get(0).equals("group_row")) {
                throw f.wrong("corrections", f.map.get("corrections"), "only with group_row");
            }
            map(f.map.get("corrections"), f.where, "corrections").forEach((column, year) -> {
                if (!COLUMN.matcher(column).matches() || !(year instanceof Integer y) || y < 1900 || y > 2199) {
                    throw f.wrong(
                            "corrections",
                            column + ": " + year,
                            "the first column of a group to the year" + " it really holds, e.g. {D: 2020}");
                }
                corrections.put(CellRefs.column(column), (Integer) year);
            });
        }
        return switch (given.get(0)) {
            case "fixed" ->
                new SourceDescription.PeriodSource(
                        SourceDescription.PeriodMode.FIXED, kind, day, f.text("fixed"), 0, Map.of());
            case "cell" -> {
                String cell = f.text("cell");
                if (!CELL.matcher(cell).matches()) {
                    throw f.wrong("cell", cell, "a cell such as B3");
                }
                yield new SourceDescription.PeriodSource(
                        SourceDescription.PeriodMode.CELL, kind, day, cell, 0, Map.of());
            }
            case "column" ->
                new SourceDescription.PeriodSource(
                        SourceDescription.PeriodMode.COLUMN, kind, day, "", f.column("column"), Map.of());
            default ->
                new SourceDescription.PeriodSource(
                        SourceDescription.PeriodMode.COLUMN_GROUPS,
                        kind,
                        day,
                        "",
                        f.optionalRow("group_row").orElseThrow(),
                        Map.copyOf(corrections));
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String file, String what) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new SourceDescriptionException(
                    file + ": " + what + " must be a mapping of fields, found '" + SafeYaml.excerpt(value) + "'");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        m.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    private static final class Fields {
        final String where;
        final Map<String, Object> map;

        Fields(String where, Map<String, Object> map, Set<String> allowed) {
            this.where = where;
            this.map = map;
            for (String key : map.keySet()) {
                if (!allowed.contains(key)) {
                    throw new SourceDescriptionException(where + ": unknown field '" + key + "'; allowed fields: "
                            + allowed.stream().sorted().toList());
                }
            }
        }

        Object required(String key) {
            Object value = map.get(key);
            if (value == null) {
                throw new SourceDescriptionException(where + ": field '" + key + "' is missing");
            }
            return value;
        }

        String text(String key) {
            Object value = required(key);
            if (value instanceof Map
                    || value instanceof List
                    || String.valueOf(value).isBlank()) {
                throw wrong(key, value, "a text");
            }
            return String.valueOf(value).strip();
        }

        int column(String key) {
            String value = text(key);
            if (!COLUMN.matcher(value).matches()) {
                throw wrong(key, value, "a column letter such as B or AF");
            }
            return CellRefs.column(value);
        }

        Optional<Integer> optionalRow(String key) {
            if (!map.containsKey(key)) {
                return Optional.empty();
            }
            Object value = map.get(key);
            if (!(value instanceof Integer row) || row < 1) {
                throw wrong(key, value, "a row number from 1");
            }
            return Optional.of(row);
        }

        SourceDescriptionException wrong(String key, Object value, String allowed) {
            return new SourceDescriptionException(
                    where + ": " + key + ": '" + SafeYaml.excerpt(value) + "' is not allowed; expected " + allowed);
        }
    }
}
