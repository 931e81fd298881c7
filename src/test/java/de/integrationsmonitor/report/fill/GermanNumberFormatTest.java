package de.integrationsmonitor.report.fill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GermanNumberFormatTest {

    @Test
    void shareOfForeignersPrintsWithDecimalCommaAndPercentSign() {
        assertThat(GermanNumberFormat.percent(new BigDecimal("4.098"))).isEqualTo("4,1 %");
    }

    @Test
    void populationCountGetsThousandsDot() {
        assertThat(GermanNumberFormat.count(82919)).isEqualTo("82.919");
        assertThat(GermanNumberFormat.count(new BigDecimal("82175684"))).isEqualTo("82.175.684");
        assertThat(GermanNumberFormat.count(new BigDecimal("999"))).isEqualTo("999");
        assertThat(GermanNumberFormat.number(new BigDecimal("26166.4"), 0)).isEqualTo("26.166");
    }

    @Test
    void roundsHalfUpAsTheOfficesDo() {
        assertThat(GermanNumberFormat.number(new BigDecimal("5.35"), 1)).isEqualTo("5,4");
        assertThat(GermanNumberFormat.number(new BigDecimal("5.25"), 1)).isEqualTo("5,3");
        assertThat(GermanNumberFormat.number(new BigDecimal("5.349"), 1)).isEqualTo("5,3");
        assertThat(GermanNumberFormat.number(new BigDecimal("-5.35"), 1)).isEqualTo("-5,4");
    }

    @Test
    void negativeNetMigrationKeepsItsSign() {
        assertThat(GermanNumberFormat.number(new BigDecimal("-14.6"), 1)).isEqualTo("-14,6");
        assertThat(GermanNumberFormat.number(new BigDecimal("-14.55"), 1)).isEqualTo("-14,6");
        assertThat(GermanNumberFormat.number(new BigDecimal("-1234.5"), 1)).isEqualTo("-1.234,5");
    }

    @Test
    void valueThatRoundsToZeroHasNoMinus() {
        assertThat(GermanNumberFormat.number(new BigDecimal("-0.04"), 1)).isEqualTo("0,0");
    }

    @Test
    void missingValuePrintsTheOfficeSymbol() {
        assertThat(GermanNumberFormat.figure(Figure.missing("."), 1, "%")).isEqualTo(".");
        assertThat(GermanNumberFormat.figure(Figure.missing("-"), 0)).isEqualTo("-");
        assertThat(GermanNumberFormat.figure(Figure.missing("..."), 1)).isEqualTo("...");
    }

    @Test
    void qualifiedValuePrintsValueAndSymbol() {
        assertThat(GermanNumberFormat.figure(Figure.marked(new BigDecimal("12.34"), "p"), 1))
                .isEqualTo("12,3 p");
        assertThat(GermanNumberFormat.figure(Figure.marked(new BigDecimal("12.34"), "p"), 1, "%"))
                .isEqualTo("12,3 % p");
        assertThat(GermanNumberFormat.figure(Figure.marked(new BigDecimal("12.34"), "()"), 1))
                .isEqualTo("(12,3)");
    }

    @Test
    void plainValueWithUnitThatIsNotASignLeavesTheUnitToItsColumn() {
        assertThat(GermanNumberFormat.figure(Figure.of(new BigDecimal("7.25")), 1, "je 1.000 Einwohner"))
                .isEqualTo("7,3");
    }

    @Test
    void referenceDateInGermanOrder() {
        assertThat(GermanNumberFormat.date(LocalDate.of(2015, 12, 31))).isEqualTo("31.12.2015");
        assertThat(GermanNumberFormat.date(LocalDate.of(2017, 1, 5))).isEqualTo("05.01.2017");
    }

    @Test
    void missingValueWithoutSymbolIsRefused() {
        assertThatThrownBy(() -> Figure.missing(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Figure.missing(".").value()).isEmpty();
        assertThat(Figure.of(BigDecimal.ONE).markerIfAny()).isEmpty();
    }
}
