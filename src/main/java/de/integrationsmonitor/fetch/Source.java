package de.integrationsmonitor.fetch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table to fetch, as an entry of {@code jobs/quellen.yml} names it: the database that publishes it and the
 * selection (regional variable and keys, years, language).
 *
 * @param regionalVariable the regional variable to restrict the table to ({@code KREISE}), or empty for all levels
 * @param regionalKeys     region codes (or patterns like {@code 15*}) of that variable; empty for all
 * @param statistic        the statistic whose changes {@code catalogue/modifieddata} reports; empty when the table
 *                         code does not tell it (then every fetch downloads, and identical bytes are not stored again)
 */
public record Source(
        String table,
        Database database,
        String regionalVariable,
        List<String> regionalKeys,
        Optional<Integer> startYear,
        Optional<Integer> endYear,
        String language,
        Optional<String> statistic) {

    /** A table code as the offices write it: 12411-01-01-4, 12531-0043, 1000A-0001, AI-N-01-2-5. */
    static final Pattern TABLE_CODE = Pattern.compile("[0-9A-Z]+(?:-[0-9A-Za-z]+)+");
    /** The statistic at the start of a GENESIS table code: 12411 of 12411-01-01-4. */
    private static final Pattern STATISTIC = Pattern.compile("(\\d{4}[0-9A-Z])-.*");

    public Source {
        regionalKeys = List.copyOf(regionalKeys);
    }

    /** A table not listed in {@code jobs/quellen.yml}: the whole table, in German. */
    public static Source of(String table, Database database) {
        return new Source(table, database, "", List.of(), Optional.empty(), Optional.empty(), "de", statisticOf(table));
    }

    /** The statistic a GENESIS table code starts with ({@code 12531} of {@code 12531-0043}), if it has one. */
    public static Optional<String> statisticOf(String table) {
        Matcher m = STATISTIC.matcher(table);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** How the table is named in messages: {@code 12411-01-01-4 (regionalstatistik)}. */
    public String label() {
        return table + " (" + database.id() + ")";
    }

    /** The form fields of {@code data/tablefile}; {@code job=true} asks for a background job. */
    Map<String, String> tablefileForm(boolean job) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", table);
        form.put("area", "all");
        // compress=true would drop empty rows: a Kreis all '-' says "did not exist then", which the store keeps
        form.put("compress", "false");
        form.put("startyear", startYear.map(String::valueOf).orElse(""));
        form.put("endyear", endYear.map(String::valueOf).orElse(""));
        form.put("regionalvariable", regionalVariable);
        form.put("regionalkey", String.join(",", regionalKeys));
        form.put("format", "ffcsv");
        form.put("language", language);
        form.put("job", String.valueOf(job));
        return form;
    }

    /** The form fields of {@code data/resultfile}, which hands out the table a job prepared. */
    Map<String, String> resultfileForm(String jobName) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", jobName);
        form.put("area", "all");
        form.put("compress", "false");
        form.put("format", "ffcsv");
        form.put("language", language);
        return form;
    }
}
