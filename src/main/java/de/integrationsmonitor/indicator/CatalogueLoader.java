package de.integrationsmonitor.indicator;

import de.integrationsmonitor.indicator.expression.Expression;
import de.integrationsmonitor.indicator.expression.ExpressionException;
import de.integrationsmonitor.yaml.SafeYaml;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the indicator catalogue from its YAML file, with messages that name the field that is wrong. */
public final class CatalogueLoader {

    /** Characters of an indicator id and an input name, and of a table code: the widths of the store's columns. */
    static final int MAX_ID = 80;

    static final int MAX_TABLE_CODE = 40;

    private CatalogueLoader() {}

    public static IndicatorCatalogue load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CatalogueException("cannot read the indicator catalogue " + file + ": " + e.getMessage());
        }
        Object root;
        try {
            root = SafeYaml.load(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new CatalogueException(file + " is not valid YAML: " + SafeYaml.problem(e));
        }
        Fields top = new Fields(file + "", asMap(root, file.toString()));
        List<IndicatorDefinition> indicators = new ArrayList<>();
        List<?> entries = top.list("indicators");
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Fields f = new Fields(file + ": indicators[" + (i + 1) + "]", asMap(entries.get(i), file + ""));
            String id = f.text("id");
            f.atMost("id", id, MAX_ID);
            if (!ids.add(id)) {
                throw new CatalogueException(file + ": the indicator id '" + id + "' appears twice");
            }
            f = new Fields(file + ": indicator '" + id + "'", f.map);
            List<InputSpec> inputs = inputs(f);
            Expression formula;
            try {
                formula = Expression.parse(f.text("formula"));
                formula.requireDeclared(
                        inputs.stream().map(InputSpec::name).collect(java.util.stream.Collectors.toSet()));
            } catch (ExpressionException e) {
                throw new CatalogueException(f.where + ": formula: " + e.getMessage());
            }
            Optional<String> denominator = f.optionalText("denominator");
            if (denominator.isPresent()
                    && inputs.stream().noneMatch(in -> in.name().equals(denominator.get()))) {
                throw new CatalogueException(
                        f.where + ": denominator '" + denominator.get() + "' is not one of its inputs "
                                + inputs.stream().map(InputSpec::name).toList());
            }
            indicators.add(new IndicatorDefinition(
                    id,
                    f.text("label"),
                    f.text("unit"),
                    f.text("handlungsfeld"),
                    direction(f),
                    inputs,
                    formula,
                    denominator,
                    f.map.containsKey("minimum_denominator")
                            ? Optional.of(f.decimal("minimum_denominator"))
                            : Optional.empty(),
                    change(f),
                    f.list("sources").stream().map(String::valueOf).toList(),
                    f.text("definition")));
        }
        Fields typology = new Fields(file + ": typology", asMap(top.required("typology"), file + ""));
        List<String> typologyIndicators =
                typology.list("indicators").stream().map(String::valueOf).toList();
        for (String id : typologyIndicators) {
            if (!ids.contains(id)) {
                throw new CatalogueException(file + ": typology: indicator '" + id + "' is not in the catalogue");
            }
        }
        if (typology.map.containsKey("method")) {
            throw new CatalogueException(file + ": typology: 'method' is no longer a field: the printed method text"
                    + " is written from year, indicators, clusters_per_group, seed, starts and max_iterations;"
                    + " remove it");
        }
        IndicatorCatalogue.TypologyDefinition typologyDefinition = new IndicatorCatalogue.TypologyDefinition(
                typology.decimal("year").intValueExact(), typologyIndicators,
                typology.positive("clusters_per_group"),
                        typology.decimal("seed").longValueExact(),
                typology.positive("starts"), typology.positive("max_iterations"));
        Fields gebietsstand = new Fields(file + ": gebietsstand", asMap(top.required("gebietsstand"), file + ""));
        Fields population = new Fields(
                file + ": gebietsstand: population",
                asMap(gebietsstand.required("population"), file + ": gebietsstand"));
        InputSpec populationWeights = new InputSpec(
                "population", population.text("table"), List.of(population.text("variable")), List.of(), List.of(), 0);
        return new IndicatorCatalogue(
                top.text("catalogue"),
                top.text("version"),
                sha256(bytes),
                List.copyOf(indicators),
                typologyDefinition,
                populationWeights);
    }

    private static List<InputSpec> inputs(Fields indicator) {
        Map<String, Object> declared = asMap(indicator.required("inputs"), indicator.where + ": inputs");
        List<InputSpec> inputs = new ArrayList<>();
        for (Map.Entry<String, Object> entry : declared.entrySet()) {
            indicator.atMost("the input name", entry.getKey(), MAX_ID);
            Fields f = new Fields(
                    indicator.where + ": input '" + entry.getKey() + "'", asMap(entry.getValue(), indicator.where));
            f.atMost("table", f.text("table"), MAX_TABLE_CODE);
            List<String> variables = f.map.containsKey("variables")
                    ? f.strings("variables")
                    : f.map.containsKey("variable") ? List.of(f.text("variable")) : List.of();
            List<String> matching = f.map.containsKey("matching") ? f.strings("matching") : List.of();
            if (variables.isEmpty() && matching.isEmpty()) {
                throw new CatalogueException(f.where + ": needs 'variable', 'variables' or 'matching'");
            }
            int offset = f.map.containsKey("offset_years")
                    ? f.decimal("offset_years").intValueExact()
                    : 0;
            inputs.add(new InputSpec(
                    entry.getKey(),
                    f.text("table"),
                    variables,
                    matching,
                    f.map.containsKey("except") ? f.strings("except") : List.of(),
                    offset));
        }
        return List.copyOf(inputs);
    }

    private static ChangeKind change(Fields f) {
        String value = f.text("change");
        return switch (value) {
            case "points" -> ChangeKind.POINTS;
            case "percent" -> ChangeKind.PERCENT;
            default -> throw new CatalogueException(f.where + ": change is '" + value + "'; allowed: points, percent");
        };
    }

    private static Direction direction(Fields f) {
        String value = f.text("direction");
        return switch (value) {
            case "higher_is_better" -> Direction.HIGHER_IS_BETTER;
            case "higher_is_worse" -> Direction.HIGHER_IS_WORSE;
            case "neutral" -> Direction.NEUTRAL;
            default ->
                throw new CatalogueException(f.where + ": direction is '" + value
                        + "'; allowed: higher_is_better, higher_is_worse, neutral");
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node, String where) {
        if (node instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new CatalogueException(where + ": expected a mapping of fields, found " + describe(node));
    }

    private static String describe(Object node) {
        return node == null ? "nothing" : "'" + SafeYaml.excerpt(node) + "'";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields of one YAML mapping, with the place it stands for error messages. */
    private record Fields(String where, Map<String, Object> map) {

        Object required(String name) {
            Object value = map.get(name);
            if (value == null) {
                throw new CatalogueException(where + ": the field '" + name + "' is missing");
            }
            return value;
        }

        String text(String name) {
            return String.valueOf(required(name)).strip();
        }

        /** Refuses a text longer than the store's column keeps; nothing is cut. */
        void atMost(String name, String value, int max) {
            if (value.length() > max) {
                throw new CatalogueException(where + ": " + name + " has " + value.length() + " characters; at most "
                        + max + " (the width of the store's column), found '" + SafeYaml.excerpt(value) + "'");
            }
        }

        Optional<String> optionalText(String name) {
            return Optional.ofNullable(map.get(name)).map(v -> String.valueOf(v).strip());
        }

        List<String> strings(String name) {
            return list(name).stream().map(String::valueOf).toList();
        }

        BigDecimal decimal(String name) {
            String text = text(name);
            try {
                return new BigDecimal(text.toLowerCase(Locale.ROOT));
            } catch (NumberFormatException e) {
                throw new CatalogueException(where + ": " + name + " is '" + text + "'; expected a number");
            }
        }

        int positive(String name) {
            BigDecimal value = decimal(name);
            if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0) {
                throw new CatalogueException(
                        where + ": " + name + " is '" + text(name) + "'; expected a whole number" + " of at least 1");
            }
            return value.intValueExact();
        }

        List<?> list(String name) {
            Object value = required(name);
            if (value instanceof List<?> list) {
                return list;
            }
            throw new CatalogueException(where + ": " + name + " should be a list, found '" + value + "'");
        }
    }
}
