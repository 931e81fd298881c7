package de.integrationsmonitor.validate;

import de.integrationsmonitor.yaml.SafeYaml;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The consistency rules, read from their YAML file; a wrong field gets a message naming it. */
public record RuleCatalogue(String version, List<ConsistencyRule> rules) {

    public static RuleCatalogue load(Path file) {
        Object root;
        try {
            root = SafeYaml.load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RuleException("cannot read the rules " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new RuleException(file + " is not valid YAML: " + SafeYaml.problem(e));
        }
        Map<?, ?> top = map(root, file.toString());
        List<ConsistencyRule> rules = new ArrayList<>();
        if (!(top.get("rules") instanceof List<?> entries)) {
            throw new RuleException(file + ": expected a list 'rules'");
        }
        for (int i = 0; i < entries.size(); i++) {
            Map<?, ?> r = map(entries.get(i), file + ": rules[" + (i + 1) + "]");
            String where = file + ": rule '" + r.get("id") + "'";
            String id = text(r, "id", where);
            String description = text(r, "description", where);
            Severity severity = severity(text(r, "severity", where), where);
            Set<String> tables = strings(r, "tables", where);
            Set<String> units = r.containsKey("units") ? strings(r, "units", where) : Set.of();
            Set<String> except = r.containsKey("except_tables") ? strings(r, "except_tables", where) : Set.of();
            String kind = text(r, "kind", where);
            rules.add(
                    switch (kind) {
                        case "parts_sum_to_total" ->
                            new ConsistencyRule.PartsSumToTotal(
                                    id,
                                    description,
                                    severity,
                                    tables,
                                    except,
                                    units,
                                    text(r, "total", where),
                                    List.copyOf(strings(r, "parts", where)),
                                    tolerance(r, where));
                        case "kreise_sum_to_land" ->
                            new ConsistencyRule.KreiseSumToLand(
                                    id, description, severity, tables, except, units, tolerance(r, where));
                        case "gemeinden_sum_to_kreis" ->
                            new ConsistencyRule.GemeindenSumToKreis(
                                    id, description, severity, tables, except, units, tolerance(r, where));
                        case "not_negative" ->
                            new ConsistencyRule.NotNegative(id, description, severity, tables, except, units);
                        default ->
                            throw new RuleException(where + ": kind is '" + kind + "'; allowed: parts_sum_to_total,"
                                    + " kreise_sum_to_land, gemeinden_sum_to_kreis, not_negative");
                    });
        }
        return new RuleCatalogue(String.valueOf(top.get("version")), List.copyOf(rules));
    }

    private static Map<?, ?> map(Object node, String where) {
        if (node instanceof Map<?, ?> m) {
            return m;
        }
        throw new RuleException(where + ": expected a mapping of fields");
    }

    private static String text(Map<?, ?> map, String field, String where) {
        Object value = map.get(field);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new RuleException(where + ": the field '" + field + "' is missing");
        }
        return String.valueOf(value).strip();
    }

    private static Set<String> strings(Map<?, ?> map, String field, String where) {
        if (map.get(field) instanceof List<?> list && !list.isEmpty()) {
            Set<String> values = new LinkedHashSet<>();
            list.forEach(v -> values.add(String.valueOf(v)));
            return values;
        }
        throw new RuleException(where + ": " + field + " should be a non-empty list");
    }

    private static ConsistencyRule.Tolerance tolerance(Map<?, ?> map, String where) {
        return new ConsistencyRule.Tolerance(
                decimal(map, "tolerance", where), decimal(map, "relative_tolerance", where));
    }

    private static BigDecimal decimal(Map<?, ?> map, String field, String where) {
        Object value = map.get(field);
        if (value == null) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new RuleException(where + ": " + field + " is '" + value + "'; expected a number");
        }
    }

    private static Severity severity(String value, String where) {
        return switch (value) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> throw new RuleException(where + ": severity is '" + value + "'; allowed: error, warning");
        };
    }
}
