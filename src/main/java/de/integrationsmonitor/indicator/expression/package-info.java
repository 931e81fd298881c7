/**
 * Indicator formulas as data: the catalogue writes an indicator as an expression over named inputs, never as
 * SQL or code, and {@link de.integrationsmonitor.indicator.expression.Expression} parses and evaluates it.
 *
 * <h2>Grammar</h2>
 * <pre>
 * expression := product (('+' | '-') product)*
 * product    := unary (('*' | '/') unary)*
 * unary      := '-' unary | primary
 * primary    := number | name | function '(' expression (',' expression)* ')' | '(' expression ')'
 * number     := [0-9]+ ('.' [0-9]+)?          100, 1000, 0.5 (a dot, never a comma)
 * name       := [a-z_][a-z0-9_]*              an input declared in the catalogue
 * function   := sum (1 or more arguments) | max (2) | min (2)
 * </pre>
 * Usual precedence ({@code * /} before {@code + -}, unary minus tightest), operators left-associative,
 * whitespace (including line breaks) free between tokens.
 *
 * <h2>Arithmetic</h2>
 * Exact {@link java.math.BigDecimal}: addition, subtraction and multiplication do not round; division rounds to
 * {@link java.math.MathContext#DECIMAL128} (34 significant digits) and nothing else does. Rounding for
 * publication is the report's business.
 *
 * <h2>Markers (DOMAIN.md §2.3)</h2>
 * <ol>
 *   <li>If an input used has no number and its marker is not {@code -}, the result has no number and carries
 *       that marker; of several, the first in left-to-right order of the expression text wins. A secret
 *       numerator therefore gives a secret indicator, never 0.</li>
 *   <li>{@code -} ("nichts vorhanden") counts as 0, because in an office count it is a genuine zero. It is not
 *       carried to the result.</li>
 *   <li>A division by zero anywhere in the expression (a real 0 or a {@code -}) gives no number and the marker
 *       {@code x}: the value would not be meaningful.</li>
 *   <li>Otherwise the result is a number carrying the qualifiers of the present inputs ({@code ()}, {@code p},
 *       {@code r}, {@code s}, {@code e}), each once, in the order first seen.</li>
 * </ol>
 */
package de.integrationsmonitor.indicator.expression;
