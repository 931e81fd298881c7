package de.integrationsmonitor.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Periods are intervals of a kind, read as the files write them and printed as the offices print them. */
class PeriodTest {

    static Optional<Period.Declaration> declared(PeriodKind kind) {
        return Optional.of(Period.Declaration.of(kind));
    }

    @ParameterizedTest(name = "{0} of a table of {1}: {2} to {3}, printed \"{4}\"")
    @CsvSource({
        "2015,       STICHTAG,           2015-12-31, 2015-12-31, 31.12.2015",
        "2016,       JAHRESDURCHSCHNITT, 2016-01-01, 2016-12-31, Jahresdurchschnitt 2016",
        "2015,       JAHRESSUMME,        2015-01-01, 2015-12-31, Jahressumme 2015",
        "2016,       JAHR,               2016-01-01, 2016-12-31, 2016",
        "2011,       SCHULJAHR,          2010-08-01, 2011-07-31, Schuljahr 2010/11",
        "2000,       SCHULJAHR,          1999-08-01, 2000-07-31, Schuljahr 1999/00",
        "2010/11,    JAHR,               2010-08-01, 2011-07-31, Schuljahr 2010/11",
        "2003/2004,  JAHR,               2003-08-01, 2004-07-31, Schuljahr 2003/04",
        "30.06.2015, JAHRESDURCHSCHNITT, 2015-06-30, 2015-06-30, 30.06.2015",
        "2024-12-31, JAHR,               2024-12-31, 2024-12-31, 31.12.2024",
    })
    void aPeriodIsAnIntervalOfItsKind(String text, PeriodKind declared, LocalDate start, LocalDate end, String label) {
        Period period = Period.parse(text, declared(declared)).orElseThrow();

        assertThat(period.start()).isEqualTo(start);
        assertThat(period.end()).isEqualTo(end).isEqualTo(period.referenceDate());
        assertThat(period.label()).isEqualTo(label);
    }

    @Test
    void aYearOfATableOfStichtage30JuneIsThatDay() {
        Period period = Period.parse(
                        "2015",
                        Optional.of(new Period.Declaration(PeriodKind.STICHTAG, Optional.of(MonthDay.of(6, 30)))))
                .orElseThrow();

        assertThat(period).isEqualTo(new Period(PeriodKind.STICHTAG, LocalDate.of(2015, 6, 30), "2015"));
        assertThat(period.label()).isEqualTo("30.06.2015");
    }

    @Test
    void withoutADeclarationADateIsAStichtagAndAYearACalendarYear() {
        assertThat(Period.parse("31.12.2015").orElseThrow().kind()).isEqualTo(PeriodKind.STICHTAG);
        assertThat(Period.parse("2015").orElseThrow().kind()).isEqualTo(PeriodKind.JAHR);
        assertThat(Period.parse("2015-12-31").orElseThrow().text()).isEqualTo("31.12.2015");
    }

    @Test
    void theSchoolYear2010To11ContainsTheSummerBeforeTheMecklenburgReformOf4September2011() {
        Period schoolYear = Period.of(PeriodKind.SCHULJAHR, LocalDate.of(2011, 7, 31));

        assertThat(schoolYear.contains(LocalDate.of(2010, 8, 1))).isTrue();
        assertThat(schoolYear.contains(LocalDate.of(2011, 7, 31))).isTrue();
        assertThat(schoolYear.contains(LocalDate.of(2011, 9, 4))).isFalse();
        assertThat(schoolYear.text()).isEqualTo("2010/11");
        assertThat(schoolYear.year()).isEqualTo(2011);
    }

    @ParameterizedTest(name = "''{0}'' is no period")
    @CsvSource({"15001", "1899", "2010/12", "31.02.2015", "Ende 2024", "2015-13-01"})
    void whatIsNoPeriodIsNoneOfThem(String text) {
        assertThat(Period.parse(text, declared(PeriodKind.SCHULJAHR))).isEmpty();
    }
}
