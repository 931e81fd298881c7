package de.integrationsmonitor.indicator;

import de.integrationsmonitor.observation.StoredObservation;
import java.util.List;

/**
 * A named input of an indicator: a table, the cells whose values are summed (exact variable paths, or patterns in
 * which {@code *} stands for one whole label, minus exceptions), and an offset in years (e.g. the previous year's
 * population as a denominator).
 */
public record InputSpec(
        String name,
        String table,
        List<String> variables,
        List<String> matching,
        List<String> except,
        int offsetYears) {

    private static final String SEPARATOR = " | ";

    /** Whether the cell with this variable path belongs to the input. */
    public boolean selects(String path) {
        if (except.contains(path)) {
            return false;
        }
        return variables.contains(path) || matching.stream().anyMatch(p -> matches(p, path));
    }

    /** The rows of the input's table that belong to the input, in their order; each path is tested once. */
    public List<StoredObservation> selected(List<StoredObservation> tableRows) {
        java.util.Map<String, Boolean> selects = new java.util.HashMap<>();
        List<StoredObservation> rows = new java.util.ArrayList<>();
        for (StoredObservation o : tableRows) {
            if (selects.computeIfAbsent(o.variablePath(), this::selects)) {
                rows.add(o);
            }
        }
        return rows;
    }

    /** With exact paths only, the store can be asked for just those; patterns need all paths of the table. */
    public List<String> exactPaths() {
        return matching.isEmpty() ? variables : List.of();
    }

    static boolean matches(String pattern, String path) {
        // label by label, as both split at every separator (no regular expression: this runs once per cell)
        int wantFrom = 0;
        int haveFrom = 0;
        while (true) {
            int wantEnd = pattern.indexOf(SEPARATOR, wantFrom);
            int haveEnd = path.indexOf(SEPARATOR, haveFrom);
            if ((wantEnd < 0) != (haveEnd < 0)) {
                return false;
            }
            String want = pattern.substring(wantFrom, wantEnd < 0 ? pattern.length() : wantEnd);
            String have = path.substring(haveFrom, haveEnd < 0 ? path.length() : haveEnd);
            if (!label(want, have)) {
                return false;
            }
            if (wantEnd < 0) {
                return true;
            }
            wantFrom = wantEnd + SEPARATOR.length();
            haveFrom = haveEnd + SEPARATOR.length();
        }
    }

    /** One label: {@code *} matches any; {@code * Jahre} matches any label ending in " Jahre". */
    private static boolean label(String want, String have) {
        if (want.equals("*")) {
            return true;
        }
        if (want.startsWith("*")) {
            return have.endsWith(want.substring(1));
        }
        return want.equals(have);
    }
}
