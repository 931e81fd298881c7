package de.integrationsmonitor.indicator.expression;

import de.integrationsmonitor.indicator.expression.Node.BuiltIn;
import de.integrationsmonitor.indicator.expression.Node.Operator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Recursive-descent parser for the expression grammar (see {@link Expression}); errors name the column, counted
 * from 1, where the statistician has to look.
 */
final class Parser {

    /**
     * Levels of parentheses, function calls and signs one inside the other; the catalogue's formulas use three at
     * most, and a parser that recurses must stop long before the stack does.
     */
    static final int MAX_DEPTH = 100;
    /** The digits the store keeps of a number exactly ({@code NUMERIC(65, 30)}). */
    static final int MAX_INTEGER_DIGITS = 35;

    static final int MAX_DECIMALS = 30;

    private final String text;
    private int pos;
    private int depth;

    private Parser(String text) {
        this.text = text;
    }

    static Node parse(String text) {
        Parser parser = new Parser(text);
        Node root = parser.sum();
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw parser.error("expected an operator or the end of the expression");
        }
        return root;
    }

    /** sum := product (('+' | '-') product)* */
    private Node sum() {
        Node left = product();
        while (true) {
            skipSpace();
            if (peek() == '+') {
                pos++;
                left = new Node.Operation(left, Operator.PLUS, product());
            } else if (peek() == '-') {
                pos++;
                left = new Node.Operation(left, Operator.MINUS, product());
            } else {
                return left;
            }
        }
    }

    /** product := unary (('*' | '/') unary)* */
    private Node product() {
        Node left = unary();
        while (true) {
            skipSpace();
            if (peek() == '*') {
                pos++;
                left = new Node.Operation(left, Operator.TIMES, unary());
            } else if (peek() == '/') {
                pos++;
                left = new Node.Operation(left, Operator.DIVIDED_BY, unary());
            } else {
                return left;
            }
        }
    }

    /** unary := '-' unary | primary */
    private Node unary() {
        skipSpace();
        if (peek() == '-') {
            pos++;
            enter();
            Node negated = new Node.Negation(unary());
            depth--;
            return negated;
        }
        return primary();
    }

    /** primary := number | name | function '(' sum (',' sum)* ')' | '(' sum ')' */
    private Node primary() {
        skipSpace();
        char c = peek();
        if (isDigit(c)) {
            return number();
        }
        if (isNameStart(c)) {
            int start = pos;
            String name = name();
            skipSpace();
            return peek() == '(' ? call(name, start) : new Node.Input(name);
        }
        if (c == '(') {
            enter();
            pos++;
            Node inner = sum();
            expect(')');
            depth--;
            return inner;
        }
        throw error("expected a number, an input name, a function, '-' or '('");
    }

    private Node number() {
        int start = pos;
        while (isDigit(peek())) {
            pos++;
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        BigDecimal number = new BigDecimal(text.substring(start, pos));
        int decimals = Math.max(0, number.scale());
        int integerDigits = Math.max(0, number.precision() - number.scale());
        if (integerDigits > MAX_INTEGER_DIGITS || decimals > MAX_DECIMALS) {
            String written = text.substring(start, pos);
            throw errorAt(
                    start,
                    "the number " + (written.length() > 40 ? written.substring(0, 39) + "…" : written)
                            + " has " + integerDigits + " integer digits and " + decimals
                            + " decimals; a number in a formula"
                            + " has at most " + MAX_INTEGER_DIGITS + " integer digits and " + MAX_DECIMALS
                            + " decimals (what"
                            + " the store keeps exactly)");
        }
        return new Node.Literal(number);
    }

    private String name() {
        int start = pos;
        while (isNameStart(peek()) || isDigit(peek())) {
            pos++;
        }
        if (Character.isLetterOrDigit(peek())) {
            // e.g. 'auslaenderInsgesamt' or 'ausländer': point at the whole name, not at its tail
            pos = start;
            throw error("expected an input name");
        }
        return text.substring(start, pos);
    }

    private Node call(String name, int start) {
        BuiltIn function = BuiltIn.byId(name).orElseThrow(() -> {
            pos = start;
            return error("expected one of the functions "
                    + Arrays.stream(BuiltIn.values()).map(BuiltIn::id).collect(Collectors.joining(", ")));
        });
        enter();
        pos++; // the '('
        List<Node> arguments = new ArrayList<>();
        skipSpace();
        if (peek() != ')') {
            arguments.add(sum());
            skipSpace();
            while (peek() == ',') {
                pos++;
                arguments.add(sum());
                skipSpace();
            }
        }
        expect("',' or ')'", ')');
        depth--;
        if (!function.accepts(arguments.size())) {
            throw errorAt(
                    start,
                    "expected " + function.arity() + " to " + function.id() + ", found " + arguments.size() + " in '"
                            + text.substring(start, pos) + "'");
        }
        return new Node.Call(function, arguments);
    }

    /** One level deeper; past {@link #MAX_DEPTH} the formula is refused. */
    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("more than " + MAX_DEPTH + " levels of parentheses, functions or signs nested; a formula"
                    + " has a handful");
        }
    }

    private void expect(char c) {
        expect("'" + c + "'", c);
    }

    private void expect(String expectation, char c) {
        skipSpace();
        if (peek() != c) {
            throw error("expected " + expectation);
        }
        pos++;
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    /** The next character, or NUL at the end, which no rule accepts. */
    private char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || c == '_';
    }

    /** The message at the current position: the expression, the column, what was expected and what stands there. */
    private ExpressionException error(String expectation) {
        StringBuilder message = new StringBuilder(expectation);
        if (!atEnd()) {
            String found = foundWord();
            message.append(", found '").append(found).append('\'');
            if (Character.isLetter(found.charAt(0))
                    && !found.chars().allMatch(c -> isNameStart((char) c) || isDigit((char) c))) {
                message.append(" (input names use only a-z, 0-9 and _)");
            }
            if (found.equals(",") && pos > 0 && isDigit(text.charAt(pos - 1)) && isDigit(peekAfterNext())) {
                message.append(" (decimal numbers are written with a dot, e.g. 0.5)");
            }
        }
        return errorAt(pos, message.toString());
    }

    private ExpressionException errorAt(int position, String message) {
        // a formula of a hundred thousand characters is quoted by its start only
        String quoted = text.length() <= 200 ? text : text.substring(0, 199) + "… (" + text.length() + " characters)";
        return new ExpressionException("'" + quoted + "' at column " + (position + 1) + ": " + message);
    }

    private char peekAfterNext() {
        return pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
    }

    /** The word or single character at the current position, for "found ...". */
    private String foundWord() {
        int end = pos;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        return end == pos ? text.substring(pos, pos + 1) : text.substring(pos, end);
    }
}
