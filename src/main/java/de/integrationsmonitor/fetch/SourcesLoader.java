package de.integrationsmonitor.fetch;

import de.integrationsmonitor.yaml.SafeYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code jobs/quellen.yml}, the tables {@code bin/imon fetch} downloads. A wrong entry is refused with a
 * message naming the file, the entry, the field and the allowed values, and the other entries are still fetched; a
 * file that is no list of sources is refused whole.
 */
public final class SourcesLoader {

    /**
     * The sources of the file, and the entries refused (each with its message).
     */
    public record SourceList(List<Source> sources, List<FetchOutcome> refused, List<Database> databases) {

        public SourceList {
            sources = List.copyOf(sources);
            refused = List.copyOf(refused);
            databases = List.copyOf(databases);
        }

        public SourceList(List<Source> sources, List<FetchOutcome> refused) {
            this(sources, refused, List.of());
        }
    }

    private static final Set<String> DATABASE_FIELDS = new TreeSet<>(Set.of("name", "label", "url"));

    private static final Set<String> FIELDS = new TreeSet<>(Set.of(
            "table",
            "database",
            "regional_variable",
            "regional_keys",
            "start_year",
            "end_year",
            "language",
            "statistic"));
    private static final Pattern REGIONAL_VARIABLE = Pattern.compile("[A-Z][A-Z0-9]*");
    private static final Pattern REGIONAL_KEY = Pattern.compile("[0-9A-Z]+\\*?|\\*");
    private static final Pattern STATISTIC = Pattern.compile("[0-9A-Z]+");
    private static final Set<String> LANGUAGES = Set.of("de", "en");

    private SourcesLoader() {}

    /** @throws FetchConfigurationException when the file is missing, no YAML, or holds no list of sources */
    public static SourceList load(Path file) {
        return load(file, List.of());
    }

    /**
     * Reads the file; a source may name a built-in database, one of {@code configured} (the environment's), or one
     * the file's own {@code databases:} list configures by name and base URL.
     *
     * @throws FetchConfigurationException when the file is missing, no YAML, holds no list of sources, or a
     *                                     database it configures is wrong
     */
    public static SourceList load(Path file, List<Database> configured) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FetchConfigurationException("no sources file " + file + "; it lists the tables to fetch (see"
                    + " docs/betrieb.md, chapter \"Fetching from the offices\")");
        } catch (IOException e) {
            throw new FetchConfigurationException("cannot read the sources file " + file + ": " + e.getMessage());
        }
        Object root;
        try {
            root = SafeYaml.load(text);
        } catch (RuntimeException e) {
            throw new FetchConfigurationException(file + " is not valid YAML: " + SafeYaml.problem(e));
        }
        if (!(root instanceof Map<?, ?> map)
                || !map.containsKey("sources")
                || map.size() != (map.containsKey("databases") ? 2 : 1)) {
            throw new FetchConfigurationException(file + ": expected one field 'sources' with a list of tables,"
                    + " e.g. sources: [{table: 12411-01-01-4, database: regionalstatistik}], and optionally"
                    + " 'databases' with further GENESIS databases, e.g."
                    + " databases: [{name: bayern, url: https://...}]");
        }
        List<Database> known = new ArrayList<>(List.of(Database.values()));
        known.addAll(configured);
        List<Database> own = databases(file, map.get("databases"), known);
        known.addAll(own);
        Object list = map.get("sources");
        if (list == null) {
            return new SourceList(List.of(), List.of(), own);
        }
        if (!(list instanceof List<?> entries)) {
            throw new FetchConfigurationException(
                    file + ": sources should be a list of tables, each with at least" + " table and database");
        }
        List<Source> sources = new ArrayList<>();
        List<FetchOutcome> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            try {
                Source source = source(file, i + 1, entry, known);
                if (!seen.add(source.label() + " " + source.language())) {
                    throw new FetchConfigurationException(file + ": source " + (i + 1) + ": " + source.label()
                            + " is listed twice in language " + source.language() + "; list each table once per"
                            + " database and language");
                }
                sources.add(source);
            } catch (FetchConfigurationException e) {
                Map<?, ?> fields = entry instanceof Map<?, ?> m ? m : Map.of();
                Object table = fields.get("table");
                refused.add(FetchOutcome.refused(
                        table == null ? "source " + (i + 1) : String.valueOf(table),
                        Database.byId(String.valueOf(fields.get("database")), known),
                        e.getMessage()));
            }
        }
        return new SourceList(sources, refused, own);
    }

    /** The databases the file configures ({@code databases: [{name, url, label}]}); a wrong one refuses the file. */
    private static List<Database> databases(Path file, Object value, List<Database> known) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> entries)) {
            throw new FetchConfigurationException(file + ": databases should be a list of GENESIS databases, each"
                    + " with name and url (and optionally label)");
        }
        List<Database> databases = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = file + ": database " + (i + 1);
            if (!(entries.get(i) instanceof Map<?, ?> fields)) {
                throw new FetchConfigurationException(where + " is '" + SafeYaml.excerpt(entries.get(i))
                        + "'; expected the fields name, url and optionally label");
            }
            for (Object key : fields.keySet()) {
                if (!DATABASE_FIELDS.contains(String.valueOf(key))) {
                    throw new FetchConfigurationException(where + ": unknown field '" + key + "'; allowed fields: "
                            + String.join(", ", DATABASE_FIELDS));
                }
            }
            Object name = fields.get("name");
            Object url = fields.get("url");
            Object label = fields.get("label");
            Database database = Database.configured(
                    where,
                    name == null ? null : String.valueOf(name),
                    label == null ? null : String.valueOf(label),
                    url == null ? null : String.valueOf(url));
            if (Database.byId(database.id(), known).isPresent()
                    || Database.byId(database.id(), databases).isPresent()) {
                throw new FetchConfigurationException(where + ": the database '" + database.id() + "' is"
                        + " configured already (built in, in " + Database.DATABASES + " or above in the file)");
            }
            databases.add(database);
        }
        return databases;
    }

    private static Source source(Path file, int position, Object entry, List<Database> known) {
        if (!(entry instanceof Map<?, ?> map)) {
            throw new FetchConfigurationException(
                    file + ": source " + position + " is '" + entry + "'; expected the fields of a table ("
                            + String.join(", ", FIELDS) + "), at least table and database");
        }
        Object tableValue = map.get("table");
        if (!(tableValue instanceof String table)
                || !Source.TABLE_CODE.matcher(table).matches()) {
            throw new FetchConfigurationException(file + ": source " + position + ": table is '" + tableValue
                    + "'; expected a table code" + " like 12411-01-01-4, 12531-0043 or AI-N-01-2-5");
        }
        String where = file + ": source " + position + " (" + table + ")";
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                throw new FetchConfigurationException(
                        where + ": unknown field '" + key + "'; allowed fields: " + String.join(", ", FIELDS));
            }
        }
        Object databaseValue = map.get("database");
        Database database = Database.byId(String.valueOf(databaseValue), known)
                .orElseThrow(() -> new FetchConfigurationException(
                        where + ": database is " + (databaseValue == null ? "missing" : "'" + databaseValue + "'")
                                + "; allowed: " + Database.ids(known)));
        String regionalVariable = optionalText(
                        where,
                        map,
                        "regional_variable",
                        REGIONAL_VARIABLE,
                        "a regional variable like KREISE, DLAND or GEMEINDE")
                .orElse("");
        List<String> keys = regionalKeys(where, map.get("regional_keys"));
        if (!keys.isEmpty() && regionalVariable.isEmpty()) {
            throw new FetchConfigurationException(where + ": regional_keys need regional_variable (e.g."
                    + " regional_variable: KREISE), which says what kind of region the keys are");
        }
        Optional<Integer> start = year(where, map, "start_year");
        Optional<Integer> end = year(where, map, "end_year");
        if (start.isPresent() && end.isPresent() && start.get() > end.get()) {
            throw new FetchConfigurationException(
                    where + ": start_year " + start.get() + " is after end_year " + end.get());
        }
        Object languageValue = map.containsKey("language") ? map.get("language") : "de";
        if (!LANGUAGES.contains(String.valueOf(languageValue))) {
            throw new FetchConfigurationException(where + ": language is '" + languageValue + "'; allowed: de, en");
        }
        Optional<String> statistic = optionalText(
                        where, map, "statistic", STATISTIC, "the code of the statistic, like 12411")
                .or(() -> Source.statisticOf(table));
        return new Source(
                table, database, regionalVariable, keys, start, end, String.valueOf(languageValue), statistic);
    }

    private static Optional<String> optionalText(
            String where, Map<?, ?> map, String field, Pattern pattern, String expected) {
        Object value = map.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || !pattern.matcher(text).matches()) {
            throw new FetchConfigurationException(where + ": " + field + " is '" + value + "'; expected " + expected);
        }
        return Optional.of(text);
    }

    private static List<String> regionalKeys(String where, Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> keys = value instanceof List<?> list ? list : List.of(value);
        List<String> result = new ArrayList<>();
        for (Object key : keys) {
            if (!(key instanceof String text) || !REGIONAL_KEY.matcher(text).matches()) {
                throw new FetchConfigurationException(where + ": regional_keys holds '" + key + "'; expected region"
                        + " codes in quotes, e.g. [\"15001\", \"15002\"] or [\"15*\"] (unquoted numbers lose their"
                        + " leading zeros)");
            }
            result.add(text);
        }
        return result;
    }

    private static Optional<Integer> year(String where, Map<?, ?> map, String field) {
        Object value = map.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Integer year && year >= 1950 && year <= 2100) {
            return Optional.of(year);
        }
        throw new FetchConfigurationException(where + ": " + field + " is '" + value + "'; expected a year like 2011"
                + " (leave it out for the office's default)");
    }
}
