package de.integrationsmonitor.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads report editions from {@code jobs/}; a wrong field gets a message naming it and the allowed values. */
public final class EditionLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern LAND = Pattern.compile("\\d{2}");
    private static final Pattern AGS = Pattern.compile("\\d{5}");
    private static final Set<String> FIELDS =
            Set.of("edition", "title", "reference_year", "kreise", "indicators", "template", "output");

    private EditionLoader() {
    }

    /** The edition files of a jobs folder: its {@code *.yml} files (sub-folders hold other things). */
    public static List<Path> editionFiles(Path jobs) {
        try (var files = Files.list(jobs)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new EditionException("cannot list the editions in " + jobs + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public static Edition load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EditionException("cannot read the edition " + file + ": " + e.getMessage());
        }
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new EditionException(file + " is not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?>)) {
            throw new EditionException(file + ": expected the fields of an edition (" + String.join(", ",
                    FIELDS.stream().sorted().toList()) + ")");
        }
        Map<String, Object> map = (Map<String, Object>) root;
        for (String key : map.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new EditionException(file + ": unknown field '" + key + "'; allowed fields: "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String id = text(file, map, "edition");
        if (!ID.matcher(id).matches()) {
            throw new EditionException(file + ": edition is '" + id + "'; expected lower-case letters, digits and"
                    + " '-' (it names the output folder)");
        }
        Object year = map.getOrDefault("reference_year", "latest");
        Optional<Integer> referenceYear;
        if ("latest".equals(String.valueOf(year))) {
            referenceYear = Optional.empty();
        } else if (year instanceof Integer y && y >= 1990 && y <= 2100) {
            referenceYear = Optional.of(y);
        } else {
            throw new EditionException(file + ": reference_year is '" + year + "'; allowed: a year like 2015,"
                    + " or latest");
        }
        Object indicators = map.get("indicators");
        if (!(indicators instanceof List<?> list) || list.isEmpty()) {
            throw new EditionException(file + ": indicators should be a list of indicator ids of the catalogue,"
                    + " e.g. [auslaenderanteil]");
        }
        return new Edition(file, id, text(file, map, "title"), referenceYear, kreise(file, map.get("kreise")),
                list.stream().map(String::valueOf).toList(), text(file, map, "template"),
                String.valueOf(map.getOrDefault("output", "{edition}/{ags}.pdf")));
    }

    private static Edition.KreisSelection kreise(Path file, Object value) {
        if (value == null || "all".equals(value)) {
            return new Edition.KreisSelection.All();
        }
        if (value instanceof Map<?, ?> m && m.size() == 1 && m.get("land") != null
                && LAND.matcher(String.valueOf(m.get("land"))).matches()) {
            return new Edition.KreisSelection.OfLand(String.valueOf(m.get("land")));
        }
        if (value instanceof List<?> list && !list.isEmpty()
                && list.stream().allMatch(a -> AGS.matcher(String.valueOf(a)).matches())) {
            return new Edition.KreisSelection.Listed(list.stream().map(String::valueOf).toList());
        }
        throw new EditionException(file + ": kreise is '" + value + "'; allowed: all, {land: \"15\"} (a two-digit"
                + " Land code, quoted), or a list of five-digit AGS in quotes, e.g. [\"15001\", \"15002\"]");
    }

    private static String text(Path file, Map<String, Object> map, String field) {
        Object value = map.get(field);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new EditionException(file + ": the field '" + field + "' is missing");
        }
        return String.valueOf(value).strip();
    }
}
