package de.integrationsmonitor.ingest;

import de.integrationsmonitor.observation.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The structure of a classic extract derived from its header rows: how many leading label columns, which value
 * column has which variable path, unit and (in the wide layout) period.
 */
record Layout(
        int width,
        int leadingColumns,
        boolean periodColumn,
        List<List<String>> variableLabels,
        List<String> units,
        List<Period> columnPeriods) {

    /**
     * @param declared  the kind of period the title block declares ({@code - Jahresdurchschnitt -}), which gives
     *                  a year in a header row its interval
     * @param titleUnit the unit the title block names for the whole table ("Bevölkerungsstand (Anzahl)"), used
     *                  when there is no units row; empty when it names none
     */
    static Layout of(
            List<List<String>> headerRows,
            Optional<Period> titlePeriod,
            Optional<Period.Declaration> declared,
            String titleUnit,
            Function<String, ExtractRefusedException> refuse) {
        int width = headerRows.stream().mapToInt(List::size).max().orElse(0);
        int leading = headerRows.stream()
                .filter(row -> row.stream().anyMatch(c -> !c.isBlank()))
                .mapToInt(Layout::leadingEmptyCells)
                .min()
                .orElseThrow(() -> refuse.apply("the header rows are empty; expected the column labels"));
        int values = width - leading;
        if (values <= 0) {
            throw refuse.apply("the header rows label no value column");
        }
        List<List<String>> variableRows = new ArrayList<>();
        List<String> units = null;
        List<Period> periods = null;
        for (List<String> row : headerRows) {
            List<String> labels = new ArrayList<>(values);
            for (int i = 0; i < values; i++) {
                labels.add(normalise(leading + i < row.size() ? row.get(leading + i) : ""));
            }
            List<String> present = labels.stream().filter(l -> !l.isEmpty()).toList();
            if (periods == null
                    && !present.isEmpty()
                    && present.size() == values
                    && present.stream().allMatch(l -> Period.parse(l).isPresent())) {
                periods = labels.stream()
                        .map(l -> Period.parse(l, declared).orElseThrow())
                        .toList();
            } else if (units == null && !present.isEmpty() && present.stream().allMatch(ClassicCsvReader::isUnit)) {
                units = labels;
            } else {
                variableRows.add(labels);
            }
        }
        boolean periodColumn = periods == null && titlePeriod.isEmpty();
        int required = periodColumn ? 3 : 2;
        if (leading < required) {
            throw refuse.apply("expected " + required + " leading columns ("
                    + (periodColumn ? "period, " : "") + "region code, region name) before the values; the header"
                    + " rows leave " + leading);
        }
        if (periods == null) {
            periods = titlePeriod
                    .map(p -> java.util.Collections.nCopies(values, p))
                    .orElse(null);
        }
        return new Layout(
                width,
                leading,
                periodColumn,
                variableRows,
                units == null ? java.util.Collections.nCopies(values, titleUnit) : units,
                periods);
    }

    int valueColumns() {
        return width - leadingColumns;
    }

    /** The header labels of a value column and the row's own label columns, joined by {@code " | "}. */
    String variablePath(int valueColumn, List<String> rowLabels) {
        List<String> parts = new ArrayList<>();
        for (List<String> row : variableLabels) {
            String label = row.get(valueColumn);
            if (!label.isEmpty()) {
                parts.add(label);
            }
        }
        for (String label : rowLabels) {
            if (!label.isEmpty()) {
                parts.add(label);
            }
        }
        return String.join(" | ", parts);
    }

    String unit(int valueColumn) {
        return units.get(valueColumn);
    }

    Supplier<Period> columnPeriod(int valueColumn) {
        return () -> columnPeriods.get(valueColumn);
    }

    /** Labels are matched by definitions, so runs of white space (the offices' line-wrapping) become one space. */
    static String normalise(String label) {
        if (alreadyNormal(label)) {
            return label; // the common case; an ffcsv has several labels in each of its 100,000s of rows
        }
        return WHITE_SPACE.matcher(label.strip()).replaceAll(" ");
    }

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private static boolean alreadyNormal(String label) {
        int n = label.length();
        if (n == 0) {
            return true;
        }
        if (Character.isWhitespace(label.charAt(0)) || Character.isWhitespace(label.charAt(n - 1))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = label.charAt(i);
            boolean run = c == ' ' && label.charAt(i - 1) == ' ';
            if (run || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private static int leadingEmptyCells(List<String> row) {
        int n = 0;
        while (n < row.size() && row.get(n).isBlank()) {
            n++;
        }
        return n;
    }
}
