package de.integrationsmonitor.validate;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.observation.StoredObservation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule of pruefregeln.yml "die Gemeinden eines Kreises ergeben den Kreis" on tables of regional depth -5. */
class GemeindenSumRuleTest {

    static final String RULE = "gemeinden-summe-kreis";
    static final Period JUNE_2015 = Period.of(PeriodKind.STICHTAG, LocalDate.of(2015, 6, 30));
    static final RuleCatalogue RULES = RuleCatalogue.load(Path.of("jobs/catalogue/pruefregeln.yml"));
    static final String EMPLOYEES = "Insgesamt | Insgesamt";

    final List<Finding> findings = new ArrayList<>();
    final List<StoredObservation> cells = new ArrayList<>();

    static Cell n(long value) {
        return Cell.of(BigDecimal.valueOf(value));
    }

    void cell(String region, Cell cell) {
        cells.add(new StoredObservation(
                1, "13111-01-03-5", region, JUNE_2015, EMPLOYEES, "Anzahl", cell, cells.size() + 12));
    }

    SumTally check() {
        ConsistencyChecker checker = new ConsistencyChecker("13111-01-03-5", RULES.rules(), findings::add, List.of());
        cells.stream()
                .sorted(Comparator.comparing(StoredObservation::regionCode))
                .forEach(checker::accept);
        checker.finish();
        return checker.tally(RULE);
    }

    @Test
    void theGemeindenOfAKreisAddUpToItTheirSamtgemeindeIsNotCountedTwice() {
        cell("03151", n(1300));
        cell("03151009", n(1000)); // Gifhorn, Stadt
        cell("03151401", n(300)); // Samtgemeinde Boldecker Land: its Gemeinden follow
        cell("03151401002", n(100));
        cell("03151401004", n(200));

        assertThat(check()).isEqualTo(new SumTally(1, 0, 0));
        assertThat(findings).noneMatch(f -> f.ruleId().equals(RULE));
    }

    @Test
    void aKreisThatDiffersFromItsGemeindenIsAWarningNamingTheSum() {
        cell("07131", n(900));
        cell("0713100007", n(500)); // verbandsfreie Gemeinde
        cell("0713101", n(350));
        cell("0713101001", n(300));
        cell("0713101004", n(50));

        assertThat(check()).isEqualTo(new SumTally(0, 1, 0));
        assertThat(findings)
                .filteredOn(f -> f.ruleId().equals(RULE))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.regionCode()).isEqualTo("07131");
                    assertThat(f.message()).contains("= 900", "its 3 Gemeinden add up to 850");
                });
    }

    @Test
    void aSecretGemeindeOrKreisMakesTheCheckUnknowableNotFailed() {
        cell("03151", n(1300));
        cell("03151009", n(1000));
        cell("03151401002", Cell.missing(Marker.SECRET));
        cell("07131", Cell.missing(Marker.LOCKED));
        cell("0713100007", n(500));

        assertThat(check()).isEqualTo(new SumTally(0, 0, 2));
        assertThat(findings).noneMatch(f -> f.ruleId().equals(RULE));
    }

    @Test
    void aGemeindeListedUnderTheVerbandItLeftWithDashCountsAsNothingThere() {
        cell("07131", n(900));
        cell("0713100007", n(500));
        cell("0713101001", n(300));
        cell("0713101004", Cell.missing(Marker.NOTHING)); // Antweiler, listed under its old Verbandsgemeinde
        cell("0713102004", n(100)); // and under its new one

        assertThat(check()).isEqualTo(new SumTally(1, 0, 0));
    }

    @Test
    void gemeindenTheOfficeDidNotReportForTheDateAreUnknowableNotAFailure() {
        cell("16051", n(98000)); // Thüringen 2008 to 2013: "Gemeindetabelle liegt nur ab Kreisebene vor"
        cell("16051000", Cell.missing(Marker.NOTHING));

        assertThat(check()).isEqualTo(new SumTally(0, 0, 1));
    }
}
