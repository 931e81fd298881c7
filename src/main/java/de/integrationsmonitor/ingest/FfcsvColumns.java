package de.integrationsmonitor.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a flat-file CSV as its header line declares them, in either of the two forms GENESIS has used:
 * the current one with English column names (one value per row, {@code value;value_unit;value_variable_code;
 * value_variable_label}, optionally {@code value_q}) and the older one with German column names and one value
 * column per statistic, named {@code CODE__Label__Unit} (optionally each followed by {@code CODE__Label__q}).
 */
record FfcsvColumns(
        Form form,
        int width,
        int statisticsLabel,
        int timeCode,
        int timeLabel,
        int time,
        List<Group> groups,
        List<ValueColumn> values) {

    /** The two header forms. */
    enum Form {
        CURRENT,
        GERMAN_LEGACY
    }

    /**
     * One variable group: the variable ({@code KREISE}, {@code GES}) and its attribute in this row ({@code 15001},
     * {@code GESW}); an empty attribute code is the total over the variable.
     */
    record Group(int number, int variableCode, int variableLabel, int attributeCode, int attributeLabel) {}

    /**
     * A column holding values. In the current form there is one, {@code value}, whose label and unit are in the
     * row ({@code labelColumn}, {@code unitColumn}); in the German form the label and unit come from the
     * column's name ({@code labelColumn} and {@code unitColumn} are -1). {@code quality} is the column of its
     * quality marks, or -1.
     */
    record ValueColumn(
            String name, int index, int quality, int labelColumn, int unitColumn, String fixedLabel, String fixedUnit) {

        String label(String[] cells) {
            return labelColumn < 0 ? fixedLabel : Layout.normalise(cells[labelColumn]);
        }

        String unit(String[] cells) {
            return unitColumn < 0 ? fixedUnit : Layout.normalise(cells[unitColumn]);
        }
    }

    static final String CURRENT_HEADER = "statistics_code;statistics_label;time_code;time_label;time;"
            + "1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;...;"
            + "value;value_unit;value_variable_code;value_variable_label";
    static final String LEGACY_HEADER = "Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;"
            + "1_Merkmal_Code;1_Merkmal_Label;1_Auspraegung_Code;1_Auspraegung_Label;...;CODE__Label__Unit";

    private static final List<String> CURRENT_FIXED = List.of(
            "statistics_code",
            "statistics_label",
            "time_code",
            "time_label",
            "time",
            "value",
            "value_unit",
            "value_variable_code",
            "value_variable_label");
    private static final List<String> LEGACY_FIXED =
            List.of("Statistik_Code", "Statistik_Label", "Zeit_Code", "Zeit_Label", "Zeit");
    private static final Pattern CURRENT_GROUP =
            Pattern.compile("(\\d+)_variable_(code|label|attribute_code|attribute_label)");
    private static final Pattern LEGACY_GROUP =
            Pattern.compile("(\\d+)_(Merkmal_Code|Merkmal_Label|Auspraegung_Code|Auspraegung_Label)");
    private static final String QUALITY_SUFFIX = "__q";

    /** The columns of a header line, or the refusal that says why it is no flat-file header. */
    static FfcsvColumns of(List<String> header, Function<String, ExtractRefusedException> refuse) {
        List<String> names = header.stream().map(String::strip).toList();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer earlier = positions.putIfAbsent(names.get(i), i);
            if (earlier != null) {
                throw refuse.apply("the header names column '" + ClassicCsvReader.abbreviate(names.get(i))
                        + "' twice (columns " + (earlier + 1) + " and " + (i + 1) + "); expected each column once");
            }
        }
        if (positions.containsKey("statistics_code")) {
            return current(names, positions, refuse);
        }
        if (positions.containsKey("Statistik_Code")) {
            return legacy(names, positions, refuse);
        }
        throw refuse.apply("expected the flat-file header '" + CURRENT_HEADER + "' or its older German form '"
                + LEGACY_HEADER + "', found '" + ClassicCsvReader.abbreviate(String.join(";", names)) + "'");
    }

    private static FfcsvColumns current(
            List<String> names, Map<String, Integer> positions, Function<String, ExtractRefusedException> refuse) {
        requireAll(CURRENT_FIXED, positions, CURRENT_HEADER, refuse);
        Map<Integer, int[]> groups = new TreeMap<>();
        int quality = -1;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Matcher group = CURRENT_GROUP.matcher(name);
            if (group.matches()) {
                place(
                        groups,
                        group.group(1),
                        List.of("code", "label", "attribute_code", "attribute_label")
                                .indexOf(group.group(2)),
                        i);
            } else if (name.equals("value_q")) {
                quality = i;
            } else if (!CURRENT_FIXED.contains(name)) {
                throw refuse.apply("unexpected column '" + ClassicCsvReader.abbreviate(name) + "' (column " + (i + 1)
                        + "); expected the flat-file header '" + CURRENT_HEADER + "', optionally with 'value_q'");
            }
        }
        ValueColumn value = new ValueColumn(
                "value",
                positions.get("value"),
                quality,
                positions.get("value_variable_label"),
                positions.get("value_unit"),
                "",
                "");
        return new FfcsvColumns(
                Form.CURRENT,
                names.size(),
                positions.get("statistics_label"),
                positions.get("time_code"),
                positions.get("time_label"),
                positions.get("time"),
                groups(
                        groups,
                        "N_variable_code;N_variable_label;N_variable_attribute_code;N_variable_attribute_label",
                        refuse),
                List.of(value));
    }

    private static FfcsvColumns legacy(
            List<String> names, Map<String, Integer> positions, Function<String, ExtractRefusedException> refuse) {
        requireAll(LEGACY_FIXED, positions, LEGACY_HEADER, refuse);
        Map<Integer, int[]> groups = new TreeMap<>();
        List<ValueColumn> values = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Matcher group = LEGACY_GROUP.matcher(name);
            if (group.matches()) {
                place(
                        groups,
                        group.group(1),
                        List.of("Merkmal_Code", "Merkmal_Label", "Auspraegung_Code", "Auspraegung_Label")
                                .indexOf(group.group(2)),
                        i);
            } else if (name.endsWith(QUALITY_SUFFIX)) {
                // The quality marks follow their value column: PREIS1__Verbraucherpreisindex__2020=100, then
                // PREIS1__Verbraucherpreisindex__q.
                String stem = name.substring(0, name.length() - QUALITY_SUFFIX.length());
                int last = values.size() - 1;
                if (last < 0
                        || values.get(last).quality() >= 0
                        || !values.get(last).name().startsWith(stem)) {
                    throw refuse.apply("the quality column '" + ClassicCsvReader.abbreviate(name) + "' (column "
                            + (i + 1) + ") does not follow a value column '" + ClassicCsvReader.abbreviate(stem)
                            + "__<unit>'; expected each '__q' column right after its value column");
                }
                ValueColumn v = values.get(last);
                values.set(last, new ValueColumn(v.name(), v.index(), i, -1, -1, v.fixedLabel(), v.fixedUnit()));
            } else if (name.contains("__")) {
                values.add(legacyValue(name, i));
            } else if (!LEGACY_FIXED.contains(name)) {
                throw refuse.apply("unexpected column '" + ClassicCsvReader.abbreviate(name) + "' (column " + (i + 1)
                        + "); expected the older flat-file header '" + LEGACY_HEADER + "'");
            }
        }
        if (values.isEmpty()) {
            throw refuse.apply("the header has no value column; expected at least one column named like"
                    + " 'BEVSTD__Bevoelkerungsstand__Anzahl' (code, label and unit) after the variable groups");
        }
        return new FfcsvColumns(
                Form.GERMAN_LEGACY,
                names.size(),
                positions.get("Statistik_Label"),
                positions.get("Zeit_Code"),
                positions.get("Zeit_Label"),
                positions.get("Zeit"),
                groups(groups, "N_Merkmal_Code;N_Merkmal_Label;N_Auspraegung_Code;N_Auspraegung_Label", refuse),
                values);
    }

    /**
     * A value column of the German form: {@code CODE__Label__Unit} with underscores for spaces
     * ({@code FILM05__Filmbesuche__Mill._EUR}); a name of two parts (the rate-of-change columns such as
     * {@code Verbraucherpreisindex__CH0004}) has no unit, and its whole name becomes the label.
     */
    private static ValueColumn legacyValue(String name, int index) {
        String[] parts = name.split("__");
        if (parts.length >= 3) {
            String label = String.join(" ", List.of(parts).subList(1, parts.length - 1));
            return new ValueColumn(name, index, -1, -1, -1, spaced(label), spaced(parts[parts.length - 1]));
        }
        return new ValueColumn(name, index, -1, -1, -1, spaced(String.join(" ", parts)), "");
    }

    private static String spaced(String underscored) {
        return Layout.normalise(underscored.replace('_', ' '));
    }

    private static void requireAll(
            List<String> required,
            Map<String, Integer> positions,
            String expected,
            Function<String, ExtractRefusedException> refuse) {
        List<String> missing =
                required.stream().filter(name -> !positions.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw refuse.apply("the header lacks the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; expected the flat-file header '" + expected + "'");
        }
    }

    private static void place(Map<Integer, int[]> groups, String number, int role, int column) {
        groups.computeIfAbsent(Integer.parseInt(number), n -> new int[] {-1, -1, -1, -1})[role] = column;
    }

    private static List<Group> groups(
            Map<Integer, int[]> found, String pattern, Function<String, ExtractRefusedException> refuse) {
        List<Group> groups = new ArrayList<>();
        int expected = 1;
        for (Map.Entry<Integer, int[]> entry : found.entrySet()) {
            int[] c = entry.getValue();
            if (entry.getKey() != expected || c[0] < 0 || c[1] < 0 || c[2] < 0 || c[3] < 0) {
                throw refuse.apply("variable group "
                        + (entry.getKey() == expected ? expected + " is incomplete" : expected + " is missing")
                        + "; expected groups numbered 1, 2, ... with the four columns '"
                        + pattern.replace("N_", expected + "_") + "' each");
            }
            groups.add(new Group(expected, c[0], c[1], c[2], c[3]));
            expected++;
        }
        return List.copyOf(groups);
    }
}
