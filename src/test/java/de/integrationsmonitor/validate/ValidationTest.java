package de.integrationsmonitor.validate;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.observation.StoredObservation;
import de.integrationsmonitor.region.KreisRegister;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The register check, the publication check and the declared consistency rules on tiny cases. */
class ValidationTest {

    static final LocalDate END_2015 = LocalDate.of(2015, 12, 31);
    static final Period STICHTAG_2015 = Period.of(PeriodKind.STICHTAG, END_2015);
    static final Period STICHTAG_2006 = Period.of(PeriodKind.STICHTAG, LocalDate.of(2006, 12, 31));
    static final KreisRegister REGISTER = KreisRegister.loadDefault();
    static final RuleCatalogue RULES = RuleCatalogue.load(Path.of("jobs/catalogue/pruefregeln.yml"));

    final List<Finding> findings = new ArrayList<>();
    long line = 1;

    static Cell n(long value) {
        return Cell.of(BigDecimal.valueOf(value));
    }

    StoredObservation cell(String region, String variable, Cell cell) {
        return new StoredObservation(1, "12411-03-03-4", region, STICHTAG_2015, variable, "Anzahl", cell, line++);
    }

    void check(List<StoredObservation> observations) {
        ConsistencyChecker checker = new ConsistencyChecker("12411-03-03-4", RULES.rules(), findings::add, List.of());
        observations.forEach(checker::accept);
        checker.finish();
    }

    @Test
    void aDissolvedKreisWithOnlyDashesDidNotExistAndIsNeitherZeroNorAnError() {
        RegisterCheck.Verdict verdict = new RegisterCheck(REGISTER)
                .check(12, "15101", STICHTAG_2015, List.of(Cell.missing(Marker.NOTHING), Cell.missing(Marker.NOTHING)));

        assertThat(verdict.kind()).isEqualTo(RegisterCheck.Verdict.Kind.SKIP);
        assertThat(verdict.reason()).contains("15101", "did not exist on 31.12.2015", "not zero");
        assertThat(verdict.finding()).isEmpty();
    }

    @Test
    void aValueForAKreisThatDidNotExistYetIsAWarning() {
        RegisterCheck.Verdict verdict = new RegisterCheck(REGISTER).check(7, "15001", STICHTAG_2006, List.of(n(80000)));

        assertThat(verdict.kind()).isEqualTo(RegisterCheck.Verdict.Kind.STORE);
        assertThat(verdict.finding()).hasValueSatisfying(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("15001", "on 31.12.2006", "valid from 01.07.2007", "a later Gebietsstand");
        });
    }

    @Test
    void aKreisDissolvedDuringTheSchoolYearIsStoredAsTheOfficesFigureWithoutAFinding() {
        // Greifswald (13001) existed until 3.9.2011; the school year 2010/11 ended on 31.7.2011
        Period schoolYear = Period.of(PeriodKind.SCHULJAHR, LocalDate.of(2011, 7, 31));
        RegisterCheck.Verdict verdict = new RegisterCheck(REGISTER).check(3, "13001", schoolYear, List.of(n(331)));

        assertThat(verdict.kind()).isEqualTo(RegisterCheck.Verdict.Kind.STORE);
        assertThat(verdict.finding()).isEmpty();
    }

    @Test
    void aKreisDissolvedDuringTheYearWhoseAnnualAverageIsAllDashesOrZerosIsNotReportedHere() {
        // Osterode am Harz (03156) existed until 31.10.2016; the office reports 2016 under 03152
        Period average2016 = Period.of(PeriodKind.JAHRESDURCHSCHNITT, LocalDate.of(2016, 12, 31));
        RegisterCheck check = new RegisterCheck(REGISTER);

        RegisterCheck.Verdict dashes = check.check(
                4, "03156", average2016, List.of(Cell.missing(Marker.NOTHING), Cell.missing(Marker.SECRET)));
        RegisterCheck.Verdict zeros = check.check(5, "03156", average2016, List.of(n(0), n(0)));
        RegisterCheck.Verdict figures = check.check(6, "03152", average2016, List.of(n(10100), n(0)));

        assertThat(dashes.kind()).isEqualTo(RegisterCheck.Verdict.Kind.SKIP);
        assertThat(dashes.reason())
                .contains(
                        "03156",
                        "existed only part of Jahresdurchschnitt 2016",
                        "reported at another Gebietsstand",
                        "not zero");
        assertThat(zeros.kind()).isEqualTo(RegisterCheck.Verdict.Kind.SKIP);
        assertThat(figures.kind()).isEqualTo(RegisterCheck.Verdict.Kind.STORE);
        assertThat(figures.finding()).isEmpty();
    }

    @Test
    void aKreisThatExistedTheWholePeriodKeepsItsZerosAndDashes() {
        RegisterCheck.Verdict verdict = new RegisterCheck(REGISTER)
                .check(8, "15001", STICHTAG_2015, List.of(n(0), Cell.missing(Marker.NOTHING)));

        assertThat(verdict.kind()).isEqualTo(RegisterCheck.Verdict.Kind.STORE);
    }

    @Test
    void anUnknownKreisCodeIsQuarantinedAsAnError() {
        RegisterCheck.Verdict verdict = new RegisterCheck(REGISTER).check(9, "15999", STICHTAG_2015, List.of(n(5)));

        assertThat(verdict.kind()).isEqualTo(RegisterCheck.Verdict.Kind.REJECT);
        assertThat(verdict.finding().orElseThrow().severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void aDateWithOnlyDashesAtKreisLevelWhileTheLaenderHaveValuesIsNotYetPublished() {
        PublicationCheck check = new PublicationCheck();
        LocalDate june2025 = LocalDate.of(2025, 6, 30);
        Period june = Period.of(PeriodKind.STICHTAG, june2025);
        check.count(new Observation("13111-01-03-4", "DG", june, "Insgesamt", "", n(35000000), 2));
        check.count(new Observation("13111-01-03-4", "15", june, "Insgesamt", "", n(800000), 3));
        check.count(new Observation("13111-01-03-4", "15001", june, "Insgesamt", "", Cell.missing(Marker.NOTHING), 4));

        assertThat(check.unpublishedKreisLevel()).containsExactly(june2025);
        assertThat(check.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("not yet published", "not zeros"));
    }

    @Test
    void aKreisWithOneRealZeroAmongValuesIsPublished() {
        PublicationCheck check = new PublicationCheck();
        Period year = Period.of(PeriodKind.JAHR, END_2015);
        check.count(new Observation("t", "15", year, "Insgesamt", "", n(80), 1));
        check.count(new Observation("t", "15001", year, "Insgesamt", "", Cell.missing(Marker.NOTHING), 2));
        check.count(new Observation("t", "15002", year, "Insgesamt", "", n(80), 3));

        assertThat(check.unpublishedKreisLevel()).isEmpty();
    }

    @Test
    void menAndWomenMustAddUpToTheTotalAndTheFindingNamesTheCells() {
        check(List.of(
                cell("15001", "Insgesamt | Insgesamt | Insgesamt", n(82919)),
                cell("15001", "Insgesamt | männlich | Insgesamt", n(40311)),
                cell("15001", "Insgesamt | weiblich | Insgesamt", n(42600))));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("geschlecht-summe");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message())
                    .contains(
                            "[Insgesamt | Insgesamt | Insgesamt] = 82919 (line 1)",
                            "[Insgesamt | männlich | Insgesamt] = 40311 (line 2)",
                            "= 82911");
        });
    }

    @Test
    void germansAndForeignersAddingUpGiveNoFinding() {
        check(List.of(
                cell("15001", "Insgesamt | Insgesamt | Insgesamt", n(82919)),
                cell("15001", "Deutsche | Insgesamt | Insgesamt", n(79521)),
                cell("15001", "Ausländer(innen) | Insgesamt | Insgesamt", n(3398))));

        assertThat(findings).isEmpty();
    }

    @Test
    void aSecretPartCannotBeCheckedAndIsNoFinding() {
        check(List.of(
                cell("15001", "Insgesamt", n(82919)),
                cell("15001", "männlich", Cell.missing(Marker.SECRET)),
                cell("15001", "weiblich", n(1))));

        assertThat(findings).isEmpty();
    }

    @Test
    void theKreiseOfALandMustAddUpToTheLand() {
        check(List.of(
                cell("15", "Insgesamt", n(300)),
                cell("15001", "Insgesamt", n(100)),
                cell("15002", "Insgesamt", n(150)),
                cell("15003", "Insgesamt", Cell.missing(Marker.NOTHING))));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("kreise-summe-land");
            assertThat(f.message()).contains("= 300 (line 1)", "its 3 Kreise add up to 250");
        });
    }

    @Test
    void aNegativeCountIsAnError() {
        check(List.of(cell("15001", "Wert", n(-3))));

        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.ruleId()).isEqualTo("nicht-negativ"));
    }
}
