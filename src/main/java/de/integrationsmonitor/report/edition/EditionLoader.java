package de.integrationsmonitor.report.edition;

import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.yaml.SafeYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads report editions from {@code jobs/}; a wrong field gets a message naming it and the allowed values. */
public final class EditionLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern LAND = Pattern.compile("\\d{2}");
    private static final Pattern AGS = Pattern.compile("\\d{5}");
    /** The longest title a report version records ({@code report_version.edition_title}). */
    static final int TITLE_LIMIT = 1000;

    private static final Set<String> FIELDS = new TreeSet<>(Set.of(
            "edition",
            "title",
            "report_year",
            "period_years",
            "kreise",
            "handlungsfelder",
            "gebietsstand",
            "templates",
            "output",
            "texts",
            "maps"));

    /** The file in jobs/ that lists the tables to fetch, not an edition. */
    private static final String SOURCES = "quellen.yml";

    private EditionLoader() {}

    /**
     * The edition files of a jobs folder: its {@code *.yml} files but {@code quellen.yml}, the sources of
     * {@code bin/imon fetch} (sub-folders hold other things).
     */
    public static List<Path> editionFiles(Path jobs) {
        try (var files = Files.list(jobs)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().equals(SOURCES))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new EditionException("cannot list the editions in " + jobs + ": " + e.getMessage());
        }
    }

    public static Edition load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new EditionException("no edition file " + file + "; the editions are the *.yml files in jobs/");
        } catch (IOException e) {
            throw new EditionException("cannot read the edition " + file + ": " + e.getMessage());
        }
        Object root;
        try {
            root = SafeYaml.load(text);
        } catch (RuntimeException e) {
            throw new EditionException(file + " is not valid YAML: " + SafeYaml.problem(e));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new EditionException(
                    file + ": expected the fields of an edition (" + String.join(", ", FIELDS) + ")");
        }
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                throw new EditionException(
                        file + ": unknown field '" + key + "'; allowed fields: " + String.join(", ", FIELDS));
            }
        }
        String id = text(file, map, "edition");
        if (!ID.matcher(id).matches()) {
            throw new EditionException(file + ": edition is '" + id + "'; expected lower-case letters, digits and"
                    + " '-' (it names the output folder)");
        }
        int reportYear = year(file, map.get("report_year"));
        Object period = map.containsKey("period_years") ? map.get("period_years") : 5;
        if (!(period instanceof Integer years) || years < 1 || years > 30) {
            throw new EditionException(file + ": period_years is '" + period + "'; allowed: a number of years from 1"
                    + " to 30 (the five-yearly report: 5)");
        }
        LocalDate gebietsstand = gebietsstand(file, map.get("gebietsstand"), reportYear);
        Map<?, ?> templates = optionalMap(file, map, "templates");
        Map<?, ?> output = optionalMap(file, map, "output");
        Map<String, List<String>> fields = handlungsfelder(file, map.get("handlungsfelder"));
        String kreisTemplate = templateName(file, templates, "kreis", "kreisbericht.jrxml");
        String landTemplate = templateName(file, templates, "land", "landuebersicht.jrxml");
        String kreisOutput = outputPattern(file, output, "kreis", "{edition}/{ags}.pdf", "{ags}");
        String landOutput = outputPattern(file, output, "land", "{edition}/land-{land}.pdf", "{land}");
        String title = text(file, map, "title");
        if (title.length() > TITLE_LIMIT) {
            throw new EditionException(file + ": title has " + title.length() + " characters; at most " + TITLE_LIMIT
                    + " are allowed (a report version records the title)");
        }
        return new Edition(
                file,
                id,
                title,
                reportYear,
                years,
                kreise(file, map.get("kreise")),
                fields,
                gebietsstand,
                kreisTemplate,
                landTemplate,
                kreisOutput,
                landOutput,
                texts(file, map.get("texts"), id),
                maps(file, map.get("maps"), fields));
    }

    /** A template is named by its file name in the template folder: no folder, no absolute path. */
    private static String templateName(Path file, Map<?, ?> templates, String key, String otherwise) {
        String name = value(templates, key, otherwise).strip();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.jrxml")) {
            throw new EditionException(file + ": templates." + key + " is '" + name + "'; allowed: the file name of a"
                    + " *.jrxml template in the template folder, e.g. " + otherwise + " (no folders, no absolute path:"
                    + " templates are code and are read only from the template folder)");
        }
        return name;
    }

    /**
     * An output pattern stays below {@code output/} (relative, no {@code ..}) and names each report apart: a Kreis
     * pattern has {@code {ags}}, a Land pattern {@code {land}}.
     */
    private static String outputPattern(Path file, Map<?, ?> output, String key, String otherwise, String placeholder) {
        String pattern = value(output, key, otherwise).strip();
        String field = "output." + key;
        Confinement.checkRelative(file, field, pattern, "a file name below output/ such as " + otherwise);
        if (!pattern.contains(placeholder)) {
            throw new EditionException(file + ": " + field + " is '" + pattern + "'; it must contain " + placeholder
                    + " so that every report gets a file of its own, e.g. " + otherwise);
        }
        if (!pattern.endsWith(".pdf")) {
            throw new EditionException(file + ": " + field + " is '" + pattern + "'; expected a file name ending in"
                    + " .pdf, e.g. " + otherwise);
        }
        return pattern;
    }

    /** The authors' texts: a folder beside the edition file, by default {@code <edition id>/texte/}. */
    private static Path texts(Path file, Object value, String id) {
        String folder = value == null ? id + "/texte" : String.valueOf(value).strip();
        Confinement.checkRelative(file, "texts", folder, "a folder beside the edition file, e.g. " + id + "/texte");
        Path base = file.toAbsolutePath().normalize().getParent();
        return Confinement.within(base, folder, file, "texts");
    }

    /** The indicators whose Kreis reports get a map: ids the edition shows. */
    private static List<String> maps(Path file, Object value, Map<String, List<String>> fields) {
        if (value == null) {
            return List.of();
        }
        List<String> shown = fields.values().stream().flatMap(List::stream).toList();
        if (!(value instanceof List<?> list) || !list.stream().allMatch(v -> shown.contains(String.valueOf(v)))) {
            throw new EditionException(file + ": maps is '" + value + "'; allowed: a list of indicator ids the edition"
                    + " shows, e.g. [" + shown.get(0) + "]; shown: " + shown);
        }
        return list.stream().map(String::valueOf).toList();
    }

    /**
     * The edition's indicators as the catalogue defines them, in report order. The catalogue is the one place a
     * statistician says what an indicator is, including its Handlungsfeld: an edition that lists an indicator the
     * catalogue does not know, or under another Handlungsfeld than the catalogue's, is refused with both names.
     */
    public static List<IndicatorDefinition> resolve(Edition edition, IndicatorCatalogue catalogue, Path catalogueFile) {
        List<IndicatorDefinition> resolved = new java.util.ArrayList<>();
        edition.handlungsfelder().forEach((field, ids) -> {
            for (String id : ids) {
                IndicatorDefinition indicator = catalogue
                        .find(id)
                        .orElseThrow(() -> new EditionException(edition.file() + ": handlungsfelder: indicator '" + id
                                + "' is not in the catalogue; known: "
                                + catalogue.indicators().stream()
                                        .map(IndicatorDefinition::id)
                                        .toList()));
                if (!indicator.handlungsfeld().equals(field)) {
                    throw new EditionException(edition.file() + ": handlungsfelder: '" + field + "' lists indicator '"
                            + id + "', which the catalogue " + catalogueFile + " puts into the Handlungsfeld '"
                            + indicator.handlungsfeld() + "'; list it under '" + indicator.handlungsfeld()
                            + "', or change its handlungsfeld in the catalogue");
                }
                resolved.add(indicator);
            }
        });
        return List.copyOf(resolved);
    }

    private static int year(Path file, Object value) {
        if (value instanceof Integer year && year >= 1990 && year <= 2100) {
            return year;
        }
        throw new EditionException(file + ": report_year is '" + value + "'; allowed: the year whose values the"
                + " report shows last, e.g. 2015");
    }

    private static LocalDate gebietsstand(Path file, Object value, int reportYear) {
        if (value == null) {
            return LocalDate.of(reportYear, 12, 31);
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new EditionException(file + ": gebietsstand is '" + value + "'; allowed: a date like " + reportYear
                    + "-12-31 (default: 31.12. of the report year)");
        }
    }

    private static Map<String, List<String>> handlungsfelder(Path file, Object value) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new EditionException(file + ": handlungsfelder should map each Handlungsfeld to its indicator ids,"
                    + " e.g. {Bevölkerung: [auslaenderanteil]}");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        map.forEach((name, ids) -> {
            if (!(ids instanceof List<?> list) || list.isEmpty()) {
                throw new EditionException(file + ": handlungsfelder: '" + name + "' should list indicator ids of"
                        + " the catalogue, e.g. [auslaenderanteil]");
            }
            fields.put(String.valueOf(name), list.stream().map(String::valueOf).toList());
        });
        return fields;
    }

    private static Edition.KreisSelection kreise(Path file, Object value) {
        if (value == null || "all".equals(value)) {
            return new Edition.KreisSelection.All();
        }
        if (value instanceof Map<?, ?> m
                && m.size() == 1
                && m.get("land") != null
                && LAND.matcher(String.valueOf(m.get("land"))).matches()) {
            return new Edition.KreisSelection.OfLand(String.valueOf(m.get("land")));
        }
        if (value instanceof List<?> list
                && !list.isEmpty()
                && list.stream().allMatch(a -> AGS.matcher(String.valueOf(a)).matches())) {
            return new Edition.KreisSelection.Listed(
                    list.stream().map(String::valueOf).toList());
        }
        throw new EditionException(file + ": kreise is '" + value + "'; allowed: all, {land: \"15\"} (a two-digit"
                + " Land code, quoted), or a list of five-digit AGS in quotes, e.g. [\"15001\", \"15002\"]");
    }

    private static Map<?, ?> optionalMap(Path file, Map<?, ?> map, String field) {
        Object value = map.get(field);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new EditionException(file + ": " + field + " should be a mapping with 'kreis' and 'land'");
    }

    private static String value(Map<?, ?> map, String key, String otherwise) {
        Object value = map.get(key);
        return value == null ? otherwise : String.valueOf(value);
    }

    private static String text(Path file, Map<?, ?> map, String field) {
        Object value = map.get(field);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new EditionException(file + ": the field '" + field + "' is missing");
        }
        return String.valueOf(value).strip();
    }
}
