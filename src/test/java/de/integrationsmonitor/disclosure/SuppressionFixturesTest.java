package de.integrationsmonitor.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Own data as a Kreis brings them, protected as the offices protect theirs. */
class SuppressionFixturesTest {

    private static final ProtectionRule RULE = ProtectionRule.OWN_DATA_DEFAULT;
    private static final String[] TITLES = {"befristet", "unbefristet", "Duldung", "Gestattung"};

    /** Ausländerbehörde: residence titles per Gemeinde, with a Duldung of 2 in Gemeinde B and a Gestattung of 1 in C. */
    private static ProtectedTable residenceTitles() {
        long[][] counts = {
            {412, 230, 17, 9},
            {96, 51, 2, 6},
            {140, 77, 8, 1},
            {63, 40, 5, 4},
        };
        String[] gemeinden = {"Gemeinde A", "Gemeinde B", "Gemeinde C", "Gemeinde D"};
        ProtectedTable.Builder t = ProtectedTable.builder("Aufenthaltstitel nach Gemeinden");
        long[] columnSums = new long[TITLES.length + 1];
        for (int g = 0; g < gemeinden.length; g++) {
            long sum = 0;
            for (int c = 0; c < TITLES.length; c++) {
                t.cell(TableCell.own(gemeinden[g] + ", " + TITLES[c], counts[g][c], RULE));
                sum += counts[g][c];
                columnSums[c] += counts[g][c];
            }
            t.cell(TableCell.own(gemeinden[g] + ", insgesamt", sum, RULE));
            columnSums[TITLES.length] += sum;
            String gemeinde = gemeinden[g];
            t.relation(
                    gemeinde + ", insgesamt",
                    List.of(TITLES).stream().map(s -> gemeinde + ", " + s).toList());
        }
        List<String> columns = new ArrayList<>(List.of(TITLES));
        columns.add("insgesamt");
        for (int c = 0; c < columns.size(); c++) {
            String title = columns.get(c);
            t.cell(TableCell.own("Kreis, " + title, columnSums[c], RULE));
            t.relation(
                    "Kreis, " + title,
                    List.of(gemeinden).stream().map(g -> g + ", " + title).toList());
        }
        t.relation(
                "Kreis, insgesamt",
                List.of(TITLES).stream().map(s -> "Kreis, " + s).toList());
        return t.build();
    }

    @Test
    void residenceTitlesOfOneAndTwoPersonsArePrimarilySuppressedAndCannotBeWorkedOut() {
        SuppressionPattern pattern = Suppression.protect(residenceTitles());

        assertEquals(List.of("Gemeinde B, Duldung", "Gemeinde C, Gestattung"), pattern.keys(CellStatus.PRIMARY));
        // each has a partner in its row and in its column: at least two more cells hidden
        assertTrue(pattern.count(CellStatus.SECONDARY) >= 2, pattern.canonical());
        assertEquals(List.of(), DisclosureAudit.findings(pattern));
        // the totals a reader needs most stay published
        assertEquals(CellStatus.PUBLISHED, pattern.status("Kreis, insgesamt"));
    }

    @Test
    void aKreisTotalBesideAllGemeindenButOneGivesThatOneAway() {
        ProtectedTable.Builder t = ProtectedTable.builder("Duldungen nach Gemeinden");
        long[] gemeinden = {14, 2, 9, 31};
        for (int g = 0; g < gemeinden.length; g++) {
            t.cell(TableCell.own("Gemeinde " + (char) ('A' + g), gemeinden[g], RULE));
        }
        t.cell(TableCell.own("Kreis", 56, RULE));
        t.relation("Kreis", List.of("Gemeinde A", "Gemeinde B", "Gemeinde C", "Gemeinde D"));
        ProtectedTable table = t.build();

        // printing all but Gemeinde B: Kreis − A − C − D = 2
        SuppressionPattern primaryOnly = new SuppressionPattern(
                table,
                List.of(
                        CellStatus.PUBLISHED,
                        CellStatus.PRIMARY,
                        CellStatus.PUBLISHED,
                        CellStatus.PUBLISHED,
                        CellStatus.PUBLISHED));
        DisclosureException stopped =
                assertThrows(DisclosureException.class, () -> DisclosureAudit.requireProtected(primaryOnly));
        assertTrue(
                stopped.getMessage().contains("table Duldungen nach Gemeinden, cell Gemeinde B"), stopped.getMessage());
        assertTrue(stopped.getMessage().contains("derives [2, 2]"), stopped.getMessage());

        SuppressionPattern pattern = Suppression.protect(table);
        // the smallest Gemeinde that gives B room enough: C (9) rather than A (14) or D (31)
        assertEquals(List.of("Gemeinde C"), pattern.keys(CellStatus.SECONDARY));
        assertEquals(CellStatus.PUBLISHED, pattern.status("Kreis"));
        DisclosureAudit.requireProtected(pattern);
    }

    @Test
    void twoSmallCellsHidingEachOtherAreNotEnoughAndTheOfficeTotalBesideThemGoesToo() {
        // the office published 2 foreigners with Duldung; the own split by sex is 1 and 1: suppressing both still
        // tells that each is at most 2, so the office's own figure is suppressed beside them
        ProtectedTable t = ProtectedTable.builder("Duldungen Gemeinde E nach Geschlecht")
                .cell(TableCell.own("männlich", 1, RULE))
                .cell(TableCell.own("weiblich", 1, RULE))
                .cell(TableCell.office("insgesamt", 2))
                .relation("insgesamt", List.of("männlich", "weiblich"))
                .build();

        SuppressionPattern pattern = Suppression.protect(t);

        assertEquals(List.of("männlich", "weiblich"), pattern.keys(CellStatus.PRIMARY));
        assertEquals(List.of("insgesamt"), pattern.keys(CellStatus.SECONDARY));
        DisclosureAudit.requireProtected(pattern);
    }

    @Test
    void anOfficeFigureIsNotSuppressedAgainWhenOwnFiguresCanProtectTheSmallCells() {
        // the office published the Kreis's foreigners; the Gemeinden are own counts
        ProtectedTable t = ProtectedTable.builder("Ausländer nach Gemeinden")
                .cell(TableCell.office("Kreis", 1200))
                .cell(TableCell.own("Gemeinde A", 1198, RULE))
                .cell(TableCell.own("Gemeinde B", 1, RULE))
                .cell(TableCell.own("Gemeinde C", 1, RULE))
                .relation("Kreis", List.of("Gemeinde A", "Gemeinde B", "Gemeinde C"))
                .build();
        SuppressionPattern pattern = Suppression.protect(t);
        assertEquals(List.of("Gemeinde B", "Gemeinde C"), pattern.keys(CellStatus.PRIMARY));
        // B + C = 2 would say both are small: one more cell goes, the smaller of A and the office's Kreis
        assertEquals(List.of("Gemeinde A"), pattern.keys(CellStatus.SECONDARY));
        assertEquals(CellStatus.PUBLISHED, pattern.status("Kreis"));
        DisclosureAudit.requireProtected(pattern);

        ProtectedTable officeOnly = ProtectedTable.builder("12521 Kreis")
                .cell(TableCell.office("Kreis", 2))
                .cell(TableCell.office("Kreis, männlich", 1))
                .cell(TableCell.office("Kreis, weiblich", 1))
                .relation("Kreis", List.of("Kreis, männlich", "Kreis, weiblich"))
                .build();
        assertEquals(
                List.of(),
                Suppression.protect(officeOnly).hidden().keySet().stream().toList(),
                "what the office published is not suppressed again");
    }

    @Test
    void aRateOverASuppressedCountIsSuppressed() {
        ProtectedTable t = ProtectedTable.builder("Jobcenter: erwerbsfähige Leistungsberechtigte")
                .cell(TableCell.own("Ausländer", 2, RULE))
                .cell(TableCell.own("Deutsche", 40, RULE))
                .cell(TableCell.own("insgesamt", 42, RULE))
                .cell(TableCell.office("Bevölkerung", 3100))
                .relation("insgesamt", List.of("Ausländer", "Deutsche"))
                .build();
        SuppressionPattern pattern = Suppression.protect(t);
        DerivedFigures derived = new DerivedFigures(pattern);

        assertEquals(Optional.empty(), derived.rate("Ausländer", "Bevölkerung", 1000));
        assertEquals(Optional.empty(), derived.difference("insgesamt", "Deutsche"));
        assertTrue(derived.suppressed(List.of("Ausländer", "insgesamt")));
        // published figures give a published rate: 42 per 3,100 residents are 13.55 per 1,000
        assertEquals(CellStatus.PUBLISHED, pattern.status("insgesamt"));
        assertEquals(
                new BigDecimal("13.55"),
                derived.rate("insgesamt", "Bevölkerung", 1000)
                        .orElseThrow()
                        .setScale(2, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void aDifferenceOfPublishedFiguresThatEqualsASuppressedCellIsNotPublished() {
        // 2024 and 2023 published; the 2 of a suppressed Gemeinde must not reappear as "change since last year"
        ProtectedTable t = ProtectedTable.builder("Duldungen")
                .cell(TableCell.own("Kreis 2024", 58, RULE))
                .cell(TableCell.own("Kreis 2023", 56, RULE))
                .cell(TableCell.own("Gemeinde B 2024", 2, RULE))
                .build();
        DerivedFigures derived = new DerivedFigures(Suppression.protect(t));
        assertEquals(Optional.empty(), derived.difference("Kreis 2024", "Kreis 2023"));
        assertEquals(Optional.of(new BigDecimal("-2")), derived.difference("Kreis 2023", "Kreis 2024"));
        assertFalse(derived.revealing(new BigDecimal("3")));
    }
}
