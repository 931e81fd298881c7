package de.integrationsmonitor.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Properties of primary and secondary suppression over seeded random tables (no property-testing library: a loop
 * over seeds). Every failure names the seed; {@code -Dimon.disclosure.seed=N} repeats one table (and the ones after
 * it), {@code -Dimon.disclosure.cases=N} sets how many tables of each shape are tried.
 */
class SuppressionPropertyTest {

    static final long BASE_SEED = Long.getLong("imon.disclosure.seed", 20261207L);
    static final int CASES = Integer.getInteger("imon.disclosure.cases", 40);

    @Test
    void oneDimensionalTablesWithTheirTotalAreProtected() {
        forEverySeed(RandomTables::oneDimensional);
    }

    @Test
    void twoDimensionalTablesWithMarginsAreProtected() {
        forEverySeed(RandomTables::twoDimensional);
    }

    @Test
    void kreiseOfGemeindenAndAreasAreProtected() {
        forEverySeed(RandomTables::kreisOfGemeinden);
    }

    private static void forEverySeed(LongFunction<ProtectedTable> tables) {
        int withPrimary = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = BASE_SEED + i;
            ProtectedTable table = tables.apply(seed);
            SuppressionPattern pattern;
            try {
                pattern = Suppression.protect(table);
            } catch (RuntimeException e) {
                throw new AssertionError(
                        "seed " + seed + " (-Dimon.disclosure.seed=" + seed + "): " + e.getMessage(), e);
            }
            List<AuditFinding> findings = DisclosureAudit.findings(pattern);
            if (!findings.isEmpty()) {
                fail("seed " + seed + " (-Dimon.disclosure.seed=" + seed + "): "
                        + findings.get(0).message() + "\n" + pattern.canonical());
            }
            for (int c = 0; c < table.cells().size(); c++) {
                TableCell cell = table.cells().get(c);
                if (cell.sensitive()) {
                    assertEquals(
                            CellStatus.PRIMARY,
                            pattern.statuses().get(c),
                            "seed " + seed + " (-Dimon.disclosure"
                                    + ".seed=" + seed + "): " + cell.key() + " = "
                                    + cell.value().orElseThrow()
                                    + " is below the rule and must not be published");
                } else {
                    assertTrue(
                            pattern.statuses().get(c) != CellStatus.PRIMARY,
                            "seed " + seed + ": " + cell.key() + " is not below the rule");
                }
            }
            // independent of the linear programme: no relation leaves exactly one suppressed cell to subtract
            for (Relation r : table.relations()) {
                long hidden = r.parts().stream()
                                .filter(p -> pattern.statuses().get(p).hidden())
                                .count()
                        + (pattern.statuses().get(r.total()).hidden() ? 1 : 0);
                assertTrue(
                        hidden != 1,
                        "seed " + seed + " (-Dimon.disclosure.seed=" + seed + "): the relation of "
                                + table.cells().get(r.total()).key()
                                + " has one suppressed cell, recomputable by subtraction");
            }
            if (pattern.count(CellStatus.PRIMARY) > 0) {
                withPrimary++;
            }
        }
        // the generator must give the heuristic work to do, or the properties above say nothing
        assertTrue(withPrimary > CASES / 2, "only " + withPrimary + " of " + CASES + " tables had a small cell");
    }
}
