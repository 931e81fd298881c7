package de.integrationsmonitor.indicator;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A named input of an indicator: a table, the cells whose values are summed (exact variable paths, or patterns in
 * which {@code *} stands for one whole label, minus exceptions), and an offset in years (e.g. the previous year's
 * population as a denominator).
 */
public record InputSpec(String name, String table, List<String> variables, List<String> matching,
                        List<String> except, int offsetYears) {

    private static final String SEPARATOR = " | ";

    /** Whether the cell with this variable path belongs to the input. */
    public boolean selects(String path) {
        if (except.contains(path)) {
            return false;
        }
        return variables.contains(path) || matching.stream().anyMatch(p -> matches(p, path));
    }

    /** With exact paths only, the store can be asked for just those; patterns need all paths of the table. */
    public List<String> exactPaths() {
        return matching.isEmpty() ? variables : List.of();
    }

    static boolean matches(String pattern, String path) {
        String[] want = pattern.split(Pattern.quote(SEPARATOR), -1);
        String[] have = path.split(Pattern.quote(SEPARATOR), -1);
        if (want.length != have.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (!label(want[i], have[i])) {
                return false;
            }
        }
        return true;
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
