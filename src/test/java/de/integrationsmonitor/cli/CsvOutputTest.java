package de.integrationsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a spreadsheet would run is neutralised (OWASP, CSV injection); numbers and office symbols are not. */
class CsvOutputTest {

    @ParameterizedTest(name = "[{0}] is written as [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "=HYPERLINK(1)  | '=HYPERLINK(1)",
                "+cmd           | '+cmd",
                "-2+3           | '-2+3",
                "@SUM(A1)       | '@SUM(A1)",
                "-14.6          | -14.6",
                "+5             | +5",
                "-1E+5          | -1E+5",
                "-              | -",
                "Insgesamt      | Insgesamt",
                "15001          | 15001",
            })
    void cells(String cell, String written) {
        assertThat(CsvOutput.safe(cell)).isEqualTo(written);
    }

    @Test
    void aLeadingTabOrCarriageReturnIsNeutralisedAndNumbersAreLeftAsNumbers() {
        assertThat(CsvOutput.safe("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvOutput.safe("\rcmd")).isEqualTo("'\rcmd");
        assertThat(CsvOutput.safe(new BigDecimal("-14.6"))).isEqualTo(new BigDecimal("-14.6"));
    }
}
