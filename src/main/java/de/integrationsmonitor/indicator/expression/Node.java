package de.integrationsmonitor.indicator.expression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A node of the immutable syntax tree of an {@link Expression}. */
sealed interface Node {

    /** Appends the inputs this node uses, in left-to-right order of the text, repeats included. */
    void collectInputs(List<String> names);

    /** The value, with every input already reduced to a number ({@code -} as zero). */
    BigDecimal compute(Map<String, BigDecimal> numbers);

    /** Binding strength for printing: parentheses are written only where the grammar needs them. */
    int precedence();

    void render(StringBuilder out);

    /** A number written in the expression, e.g. {@code 100} or {@code 0.5}; never negative (see {@link Negation}). */
    record Literal(BigDecimal value) implements Node {
        @Override
        public void collectInputs(List<String> names) {}

        @Override
        public BigDecimal compute(Map<String, BigDecimal> numbers) {
            return value;
        }

        @Override
        public int precedence() {
            return 4;
        }

        @Override
        public void render(StringBuilder out) {
            out.append(value.toPlainString());
        }
    }

    /** A named input, e.g. {@code bevoelkerung}. */
    record Input(String name) implements Node {
        @Override
        public void collectInputs(List<String> names) {
            names.add(name);
        }

        @Override
        public BigDecimal compute(Map<String, BigDecimal> numbers) {
            return numbers.get(name);
        }

        @Override
        public int precedence() {
            return 4;
        }

        @Override
        public void render(StringBuilder out) {
            out.append(name);
        }
    }

    /** Unary minus. */
    record Negation(Node operand) implements Node {
        @Override
        public void collectInputs(List<String> names) {
            operand.collectInputs(names);
        }

        @Override
        public BigDecimal compute(Map<String, BigDecimal> numbers) {
            return operand.compute(numbers).negate();
        }

        @Override
        public int precedence() {
            return 3;
        }

        @Override
        public void render(StringBuilder out) {
            out.append('-');
            // -(a + b) and -(a * b) keep their parentheses; -a and --a need none
            boolean parenthesise = operand.precedence() < precedence();
            out.append(parenthesise ? "(" : "");
            operand.render(out);
            out.append(parenthesise ? ")" : "");
        }
    }

    /** One of {@code + - * /}, left-associative. */
    record Operation(Node left, Operator operator, Node right) implements Node {
        @Override
        public void collectInputs(List<String> names) {
            left.collectInputs(names);
            right.collectInputs(names);
        }

        @Override
        public BigDecimal compute(Map<String, BigDecimal> numbers) {
            BigDecimal l = left.compute(numbers);
            BigDecimal r = right.compute(numbers);
            return switch (operator) {
                case PLUS -> l.add(r);
                case MINUS -> l.subtract(r);
                case TIMES -> l.multiply(r);
                case DIVIDED_BY -> {
                    if (r.signum() == 0) {
                        throw new NotMeaningful();
                    }
                    yield l.divide(r, MathContext.DECIMAL128);
                }
            };
        }

        @Override
        public int precedence() {
            return operator.precedence();
        }

        @Override
        public void render(StringBuilder out) {
            // Left-associative: a - b - c needs no parentheses, a - (b - c) does; the printed form parses back
            // to the same tree, so the methods annex shows exactly what is computed.
            renderOperand(out, left, left.precedence() < precedence());
            out.append(' ').append(operator.symbol()).append(' ');
            renderOperand(out, right, right.precedence() <= precedence());
        }

        private static void renderOperand(StringBuilder out, Node operand, boolean parenthesise) {
            out.append(parenthesise ? "(" : "");
            operand.render(out);
            out.append(parenthesise ? ")" : "");
        }
    }

    /** A call of one of the built-in functions. */
    record Call(BuiltIn function, List<Node> arguments) implements Node {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public void collectInputs(List<String> names) {
            arguments.forEach(a -> a.collectInputs(names));
        }

        @Override
        public BigDecimal compute(Map<String, BigDecimal> numbers) {
            // Every argument is computed, so a division by zero anywhere is found, whichever value wins max/min.
            List<BigDecimal> values =
                    arguments.stream().map(a -> a.compute(numbers)).toList();
            return switch (function) {
                case SUM -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                case MAX -> values.stream().reduce(BigDecimal::max).orElseThrow();
                case MIN -> values.stream().reduce(BigDecimal::min).orElseThrow();
            };
        }

        @Override
        public int precedence() {
            return 4;
        }

        @Override
        public void render(StringBuilder out) {
            out.append(function.id()).append('(');
            for (int i = 0; i < arguments.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                arguments.get(i).render(out);
            }
            out.append(')');
        }
    }

    /** The binary operators with their precedence. */
    enum Operator {
        PLUS('+', 1),
        MINUS('-', 1),
        TIMES('*', 2),
        DIVIDED_BY('/', 2);

        private final char symbol;
        private final int precedence;

        Operator(char symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        char symbol() {
            return symbol;
        }

        int precedence() {
            return precedence;
        }
    }

    /** The functions a catalogue may use, with how many arguments each takes. */
    enum BuiltIn {
        SUM("sum", 1, Integer.MAX_VALUE),
        MAX("max", 2, 2),
        MIN("min", 2, 2);

        private final String id;
        private final int minArguments;
        private final int maxArguments;

        BuiltIn(String id, int minArguments, int maxArguments) {
            this.id = id;
            this.minArguments = minArguments;
            this.maxArguments = maxArguments;
        }

        String id() {
            return id;
        }

        boolean accepts(int arguments) {
            return arguments >= minArguments && arguments <= maxArguments;
        }

        String arity() {
            return minArguments == maxArguments
                    ? minArguments + " arguments"
                    : "at least " + minArguments + " argument" + (minArguments == 1 ? "" : "s");
        }

        static Optional<BuiltIn> byId(String id) {
            return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
        }
    }

    /** A division by zero: the result is not meaningful (office symbol {@code x}), not an error. */
    final class NotMeaningful extends RuntimeException {
        NotMeaningful() {
            super("division by zero", null, false, false);
        }
    }
}
