package de.integrationsmonitor.indicator.expression;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An indicator formula over named inputs, parsed once from the catalogue and evaluated per region and date
 * with exact arithmetic and the offices' markers carried forward (grammar and rules: package documentation).
 */
public final class Expression {

    private final String text;
    private final Node root;
    /** Every use of an input, left to right, repeats included: the order that decides which marker wins. */
    private final List<String> uses;

    private final Set<String> inputs;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
        List<String> names = new ArrayList<>();
        root.collectInputs(names);
        this.uses = List.copyOf(names);
        this.inputs = Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    /** Parses the text; a mistake is an {@link ExpressionException} with the column and what was expected. */
    public static Expression parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Expression(text, Parser.parse(text));
    }

    /** The input names the expression uses, each once, in order of first appearance. */
    public Set<String> inputs() {
        return inputs;
    }

    /** Fails, naming every undeclared input and the declared ones, unless all inputs used are declared. */
    public void requireDeclared(Set<String> declared) {
        List<String> unknown =
                inputs.stream().filter(name -> !declared.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new ExpressionException("'" + text + "' uses "
                    + (unknown.size() == 1 ? "the input " : "the inputs ") + quoted(unknown)
                    + (unknown.size() == 1 ? ", which is" : ", which are") + " not declared; declared: "
                    + (declared.isEmpty() ? "none" : quoted(new TreeSet<>(declared))));
        }
    }

    /**
     * The value for one region and date. Every input the expression uses must be given, even if it would not
     * change the result: a gap in the wiring is an error, not a missing number.
     */
    public Cell evaluate(Map<String, Cell> values) {
        Objects.requireNonNull(values, "values");
        List<Cell> cells = new ArrayList<>(uses.size());
        for (String name : uses) {
            Cell cell = values.get(name);
            if (cell == null) {
                throw new ExpressionException("'" + text + "' needs the input '" + name + "', which was not given; "
                        + "given: " + (values.isEmpty() ? "none" : quoted(new TreeSet<>(values.keySet()))));
            }
            cells.add(cell);
        }
        // A number made from a gap would be published as if it were known: a secret numerator stays secret.
        for (Cell cell : cells) {
            if (!cell.hasNumber() && !isNothing(cell)) {
                return new Cell(Optional.empty(), cell.marker());
            }
        }
        Map<String, BigDecimal> numbers = new HashMap<>();
        for (int i = 0; i < uses.size(); i++) {
            // '-' in an office count is "nichts vorhanden", a genuine zero
            numbers.put(uses.get(i), cells.get(i).number().orElse(BigDecimal.ZERO));
        }
        BigDecimal result;
        try {
            result = root.compute(numbers);
        } catch (Node.NotMeaningful divisionByZero) {
            return Cell.missing(Marker.LOCKED);
        }
        return Cell.of(result, qualifyingMarkers(cells));
    }

    /** The expression as written in the catalogue. */
    public String text() {
        return text;
    }

    /** The normalised form for the methods annex: single spaces, only the parentheses the grammar needs. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        root.render(out);
        return out.toString();
    }

    /** Two expressions are equal when they compute the same way, however they were spaced or parenthesised. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Expression e && e.root.equals(root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    private static boolean isNothing(Cell cell) {
        return cell.marker().equals(Marker.NOTHING.symbol());
    }

    /**
     * The symbols that qualify present numbers (p, r, s, e, ()), each once, in the order first seen. A cell's
     * marker may combine several, e.g. {@code ()p}, so it is split before de-duplicating.
     */
    private static String qualifyingMarkers(List<Cell> cells) {
        Set<String> symbols = new LinkedHashSet<>();
        for (Cell cell : cells) {
            if (cell.hasNumber() && !isNothing(cell)) {
                symbols.addAll(symbolsOf(cell.marker()));
            }
        }
        return String.join("", symbols);
    }

    private static List<String> symbolsOf(String marker) {
        List<String> symbols = new ArrayList<>();
        String rest = marker.strip();
        while (!rest.isEmpty()) {
            String limited = Marker.LIMITED_RELIABILITY.symbol();
            if (rest.startsWith(limited)) {
                symbols.add(limited);
                rest = rest.substring(limited.length());
            } else if ("prse".indexOf(rest.charAt(0)) >= 0) {
                symbols.add(rest.substring(0, 1));
                rest = rest.substring(1);
            } else {
                symbols.add(rest); // not a known qualifier: keep it whole rather than guess how to split it
                rest = "";
            }
        }
        return symbols;
    }

    private static String quoted(Collection<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }
}
