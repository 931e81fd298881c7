package de.integrationsmonitor.indicator.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    static Cell number(String value) {
        return Cell.of(new BigDecimal(value));
    }

    static Cell number(String value, String marker) {
        return Cell.of(new BigDecimal(value), marker);
    }

    static Cell secret() {
        return Cell.missing(Marker.SECRET);
    }

    static Cell nothing() {
        return Cell.missing(Marker.NOTHING);
    }

    /** Input names and cells, alternating. */
    static Map<String, Cell> inputs(Object... namesAndCells) {
        Map<String, Cell> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndCells.length; i += 2) {
            map.put((String) namesAndCells[i], (Cell) namesAndCells[i + 1]);
        }
        return map;
    }

    static Cell evaluate(String expression, Object... namesAndCells) {
        return Expression.parse(expression).evaluate(inputs(namesAndCells));
    }

    static BigDecimal valueOf(Cell cell) {
        assertThat(cell.number())
                .as("a number, not the marker '%s'", cell.marker())
                .isPresent();
        return cell.number().orElseThrow();
    }

    static String parseError(String expression) {
        try {
            Expression.parse(expression);
        } catch (ExpressionException e) {
            return e.getMessage();
        }
        throw new AssertionError("'" + expression + "' parsed, but should not");
    }

    // --- arithmetic -----------------------------------------------------------------------------------------

    @Test
    void auslaenderanteilOfDessauRosslauIsForeignResidentsOverPopulationTimes100() {
        Cell anteil = evaluate(
                "auslaender / bevoelkerung * 100", "auslaender", number("3398"), "bevoelkerung", number("82919"));

        // 3398 / 82919 * 100 = 4.097975132358084...
        assertThat(valueOf(anteil).setScale(12, RoundingMode.HALF_EVEN)).isEqualByComparingTo("4.097975132358");
        assertThat(anteil.marker()).isEmpty();
    }

    @Test
    void divisionKeeps34SignificantDigitsAndNothingElseRounds() {
        assertThat(valueOf(evaluate("a / b", "a", number("1"), "b", number("3"))))
                .isEqualTo(new BigDecimal("0.3333333333333333333333333333333333"));
        assertThat(valueOf(evaluate("a + b", "a", number("0.1"), "b", number("0.2"))))
                .isEqualTo("0.3");
    }

    @Test
    void parenthesesMakeAFiveYearChangeInPercent() {
        Cell change = evaluate(
                "(bevoelkerung_2020 - bevoelkerung_2015) / bevoelkerung_2015 * 100",
                "bevoelkerung_2020",
                number("82919"),
                "bevoelkerung_2015",
                number("85000"));

        // (82919 - 85000) / 85000 * 100 = -2.448235294117647...
        assertThat(valueOf(change).setScale(12, RoundingMode.HALF_EVEN)).isEqualByComparingTo("-2.448235294118");
    }

    @Test
    void withoutParenthesesDivisionBindsBeforeSubtraction() {
        // a - ((b / b) * 100), not ((a - b) / b) * 100
        assertThat(valueOf(evaluate("a - b / b * 100", "a", number("82919"), "b", number("85000"))))
                .isEqualByComparingTo("82819");
    }

    @Test
    void operatorsOfEqualPrecedenceGroupFromTheLeft() {
        assertThat(valueOf(evaluate("a - b - c", "a", number("10"), "b", number("3"), "c", number("2"))))
                .isEqualByComparingTo("5");
        assertThat(valueOf(evaluate("a / b / c", "a", number("12"), "b", number("3"), "c", number("2"))))
                .isEqualByComparingTo("2");
    }

    @Test
    void aGapInPercentagePointsIsNegativeWhenForeignersFareBetter() {
        Cell gap = evaluate(
                "alq_auslaender - alq_insgesamt", "alq_auslaender", number("5.3"), "alq_insgesamt", number("7.9"));

        assertThat(valueOf(gap)).isEqualByComparingTo("-2.6");
    }

    @Test
    void unaryMinusNegatesItsOperand() {
        assertThat(valueOf(evaluate("-a + b", "a", number("3"), "b", number("5"))))
                .isEqualByComparingTo("2");
        assertThat(valueOf(evaluate("a - -b", "a", number("3"), "b", number("5"))))
                .isEqualByComparingTo("8");
        assertThat(valueOf(evaluate("-(a + b)", "a", number("3"), "b", number("5"))))
                .isEqualByComparingTo("-8");
    }

    @Test
    void sumOfThreeAgeGroupsPerThousandInhabitants() {
        Cell perThousand = evaluate(
                "sum(zuzuege_18_20, zuzuege_21_24, zuzuege_25) / bevoelkerung * 1000",
                "zuzuege_18_20",
                number("120"),
                "zuzuege_21_24",
                number("80"),
                "zuzuege_25",
                number("45"),
                "bevoelkerung",
                number("82919"));

        // 245 / 82919 * 1000 = 2.954690722271132...
        assertThat(valueOf(perThousand).setScale(12, RoundingMode.HALF_EVEN)).isEqualByComparingTo("2.954690722271");
    }

    @Test
    void maxAndMinPickTheLargerAndTheSmallerValue() {
        assertThat(valueOf(evaluate("max(a, b)", "a", number("-2"), "b", number("0.5"))))
                .isEqualByComparingTo("0.5");
        assertThat(valueOf(evaluate("min(a, b)", "a", number("-2"), "b", number("0.5"))))
                .isEqualByComparingTo("-2");
    }

    // --- markers --------------------------------------------------------------------------------------------

    @Test
    void aSecretNumeratorGivesASecretIndicatorNotAZero() {
        Cell anteil =
                evaluate("auslaender / bevoelkerung * 100", "auslaender", secret(), "bevoelkerung", number("82919"));

        assertThat(anteil.number()).isEmpty();
        assertThat(anteil.marker()).isEqualTo(".");
    }

    @Test
    void ofSeveralMissingInputsTheFirstFromTheLeftGivesTheMarker() {
        Map<String, Cell> values = inputs("a", Cell.missing(Marker.UNRELIABLE), "b", secret());

        assertThat(Expression.parse("a / b").evaluate(values).marker()).isEqualTo("/");
        assertThat(Expression.parse("b / a").evaluate(values).marker()).isEqualTo(".");
        assertThat(Expression.parse("max(b, a)").evaluate(values).marker()).isEqualTo(".");
    }

    @Test
    void aMissingInputOutweighsQualifiersAndZeroDenominators() {
        Cell result = evaluate("a / b + c", "a", number("5", "p"), "b", nothing(), "c", Cell.missing(Marker.LATER));

        assertThat(result.number()).isEmpty();
        assertThat(result.marker()).isEqualTo("...");
    }

    @Test
    void nothingInTheNumeratorCountsAsAGenuineZero() {
        Cell result = evaluate("a / b", "a", nothing(), "b", number("82919"));

        assertThat(valueOf(result)).isEqualByComparingTo("0");
        assertThat(result.marker()).isEmpty();
    }

    @Test
    void nothingInTheDenominatorGivesLockedBecauseTheRatioIsNotMeaningful() {
        Cell result = evaluate("a / b", "a", number("12"), "b", nothing());

        assertThat(result.number()).isEmpty();
        assertThat(result.marker()).isEqualTo("x");
    }

    @Test
    void aZeroDenominatorAnywhereGivesLocked() {
        Cell result = evaluate("max(a / b, c)", "a", number("12"), "b", number("0"), "c", number("3"));

        assertThat(result.number()).isEmpty();
        assertThat(result.marker()).isEqualTo("x");
    }

    @Test
    void aProvisionalInputGivesAProvisionalIndicator() {
        Cell anteil = evaluate(
                "auslaender / bevoelkerung * 100", "auslaender", number("3398", "p"), "bevoelkerung", number("82919"));

        assertThat(valueOf(anteil).setScale(12, RoundingMode.HALF_EVEN)).isEqualByComparingTo("4.097975132358");
        assertThat(anteil.marker()).isEqualTo("p");
    }

    @Test
    void qualifiersAreCarriedOnceEachInTheOrderFirstSeen() {
        Cell result = evaluate(
                "sum(a, b, c) / d",
                "a",
                number("1", "()p"),
                "b",
                number("2", "p"),
                "c",
                number("3", "r"),
                "d",
                number("4", "()"));

        assertThat(valueOf(result)).isEqualByComparingTo("1.5");
        assertThat(result.marker()).isEqualTo("()pr");
    }

    // --- parse errors ---------------------------------------------------------------------------------------

    @Test
    void anUnclosedParenthesisIsReportedAtTheEndOfTheExpression() {
        assertThat(parseError("auslaender / (bevoelkerung"))
                .isEqualTo("'auslaender / (bevoelkerung' at column 27: expected ')'");
    }

    @Test
    void aMissingOperandNamesTheColumnAndWhatStandsThere() {
        assertThat(parseError("a * / b"))
                .isEqualTo("'a * / b' at column 5: expected a number, an input name, a function, '-' or '(', "
                        + "found '/'");
        assertThat(parseError(""))
                .isEqualTo("'' at column 1: expected a number, an input name, a function, " + "'-' or '('");
        assertThat(parseError("a +")).startsWith("'a +' at column 4: expected a number");
    }

    @Test
    void twoNamesWithoutAnOperatorAreAnError() {
        assertThat(parseError("auslaender bevoelkerung"))
                .isEqualTo("'auslaender bevoelkerung' at column 12: expected an operator or the end of the "
                        + "expression, found 'bevoelkerung'");
    }

    @Test
    void aDecimalCommaIsExplained() {
        assertThat(parseError("a * 0,5"))
                .isEqualTo("'a * 0,5' at column 6: expected an operator or the end of the expression, found ',' "
                        + "(decimal numbers are written with a dot, e.g. 0.5)");
        assertThat(parseError("a * 1.")).isEqualTo("'a * 1.' at column 7: expected a digit after the decimal point");
    }

    @Test
    void inputNamesAreLowerCaseAscii() {
        assertThat(parseError("Auslaender / b"))
                .isEqualTo("'Auslaender / b' at column 1: expected a number, an input name, a function, '-' or "
                        + "'(', found 'Auslaender' (input names use only a-z, 0-9 and _)");
        assertThat(parseError("a / ausländer"))
                .isEqualTo("'a / ausländer' at column 5: expected an input name, found 'ausländer' "
                        + "(input names use only a-z, 0-9 and _)");
    }

    @Test
    void onlyTheKnownFunctionsWithTheirArgumentCounts() {
        assertThat(parseError("a / avg(b, c)"))
                .isEqualTo("'a / avg(b, c)' at column 5: expected one of the functions sum, max, min, found 'avg'");
        assertThat(parseError("max(a, b, c)"))
                .isEqualTo("'max(a, b, c)' at column 1: expected 2 arguments to max, found 3 in 'max(a, b, c)'");
        assertThat(parseError("sum()"))
                .isEqualTo("'sum()' at column 1: expected at least 1 argument to sum, found 0 in 'sum()'");
        assertThat(parseError("min(a b)")).isEqualTo("'min(a b)' at column 7: expected ',' or ')', found 'b'");
    }

    // --- inputs ---------------------------------------------------------------------------------------------

    @Test
    void inputsListsEveryNameOnceInOrderOfFirstUse() {
        assertThat(Expression.parse("(bev_2020 - bev_2015) / bev_2015 * 100 + sum(x, bev_2020)")
                        .inputs())
                .containsExactly("bev_2020", "bev_2015", "x");
        assertThat(Expression.parse("100 * 0.5").inputs()).isEmpty();
    }

    @Test
    void anInputNotGivenAtEvaluationIsNamed() {
        Expression anteil = Expression.parse("auslaender / bevoelkerung * 100");

        assertThatThrownBy(() -> anteil.evaluate(inputs("auslaender", number("3398"), "einwohner", number("1"))))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("'auslaender / bevoelkerung * 100' needs the input 'bevoelkerung', which was not "
                        + "given; given: 'auslaender', 'einwohner'");
    }

    @Test
    void requireDeclaredAcceptsAnExpressionOverDeclaredInputs() {
        Expression.parse("auslaender / bevoelkerung * 100")
                .requireDeclared(Set.of("auslaender", "bevoelkerung", "unused"));
    }

    @Test
    void requireDeclaredNamesTheUnknownInputAndTheDeclaredOnes() {
        Expression typo = Expression.parse("auslander / bevoelkerung * 100");

        assertThatThrownBy(() -> typo.requireDeclared(Set.of("bevoelkerung", "auslaender")))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("'auslander / bevoelkerung * 100' uses the input 'auslander', which is not declared; "
                        + "declared: 'auslaender', 'bevoelkerung'");
    }

    // --- normalised form ------------------------------------------------------------------------------------

    @Test
    void toStringSpacesOperatorsAndKeepsOnlyTheParenthesesThatMatter() {
        assertThat(Expression.parse("( a-b )/b*100")).hasToString("(a - b) / b * 100");
        assertThat(Expression.parse("(a*b)+c")).hasToString("a * b + c");
        assertThat(Expression.parse("a-(b-c)")).hasToString("a - (b - c)");
        assertThat(Expression.parse("a/(b*c)")).hasToString("a / (b * c)");
        assertThat(Expression.parse("-(a+b)*-c")).hasToString("-(a + b) * -c");
        assertThat(Expression.parse("sum( a,b ,\n c )/d*1000")).hasToString("sum(a, b, c) / d * 1000");
        assertThat(Expression.parse("max(a,0.5)")).hasToString("max(a, 0.5)");
    }

    @Test
    void theNormalisedFormParsesBackToTheSameExpression() {
        for (String text : new String[] {
            "( a-b )/b*100", "a-(b-c)", "-(a+b)*-c", "--a", "a/(b/c)/d", "sum(a, max(b, -c), (d - e) / f) * 1000"
        }) {
            Expression expression = Expression.parse(text);
            assertThat(Expression.parse(expression.toString())).isEqualTo(expression);
        }
    }
}
