package de.integrationsmonitor.indicator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the indicator catalogue from its YAML file, with messages that name the field that is wrong. */
public final class CatalogueLoader {

    private CatalogueLoader() {
    }

    public static IndicatorCatalogue load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CatalogueException("cannot read the indicator catalogue " + file + ": " + e.getMessage());
        }
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(bytes,
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new CatalogueException(file + " is not valid YAML: " + e.getMessage());
        }
        Fields top = new Fields(file + "", asMap(root, file.toString()));
        List<IndicatorDefinition> indicators = new ArrayList<>();
        List<?> entries = top.list("indicators");
        for (int i = 0; i < entries.size(); i++) {
            Fields f = new Fields(file + ": indicators[" + (i + 1) + "]", asMap(entries.get(i), file + ""));
            String id = f.text("id");
            f = new Fields(file + ": indicator '" + id + "'", f.map);
            indicators.add(new IndicatorDefinition(id, f.text("label"), f.text("unit"), f.text("handlungsfeld"),
                    direction(f), f.decimal("scale"), input(f, "numerator"), input(f, "denominator"),
                    f.decimal("minimum_denominator"), f.list("sources").stream().map(String::valueOf).toList(),
                    f.text("definition")));
        }
        return new IndicatorCatalogue(top.text("catalogue"), top.text("version"), sha256(bytes),
                List.copyOf(indicators));
    }

    private static Direction direction(Fields f) {
        String value = f.text("direction");
        return switch (value) {
            case "higher_is_better" -> Direction.HIGHER_IS_BETTER;
            case "higher_is_worse" -> Direction.HIGHER_IS_WORSE;
            case "neutral" -> Direction.NEUTRAL;
            default -> throw new CatalogueException(f.where + ": direction is '" + value
                    + "'; allowed: higher_is_better, higher_is_worse, neutral");
        };
    }

    private static InputSpec input(Fields parent, String name) {
        Fields f = new Fields(parent.where + ": " + name, asMap(parent.required(name), parent.where));
        List<String> variables = f.map.containsKey("variables")
                ? f.list("variables").stream().map(String::valueOf).toList()
                : List.of(f.text("variable"));
        return new InputSpec(f.text("table"), variables);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node, String where) {
        if (node instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new CatalogueException(where + ": expected a mapping of fields, found " + describe(node));
    }

    private static String describe(Object node) {
        return node == null ? "nothing" : "'" + node + "'";
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

        BigDecimal decimal(String name) {
            String text = text(name);
            try {
                return new BigDecimal(text.toLowerCase(Locale.ROOT));
            } catch (NumberFormatException e) {
                throw new CatalogueException(where + ": " + name + " is '" + text + "'; expected a number");
            }
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
