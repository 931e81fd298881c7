package de.integrationsmonitor.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The check that counts: for every suppressed cell, the interval an outsider can derive from everything published
 * in the same output must be wider than the protection interval of its rule. A primary cell of value v must keep
 * [v − p·v, v + p·v] open and an interval at least the minimum count wide; a secondary cell must not be recomputable
 * (at least one unit wide). Office secrets are unknown to us as to anyone and are not checked.
 */
public final class DisclosureAudit {

    private DisclosureAudit() {}

    /** Every suppressed cell the pattern does not protect well enough; empty when the pattern passes. */
    public static List<AuditFinding> findings(SuppressionPattern pattern) {
        return check(pattern.table(), pattern.statuses(), false);
    }

    /** @throws DisclosureException naming the table and the cells, when the pattern does not pass */
    public static void requireProtected(SuppressionPattern pattern) {
        List<AuditFinding> findings = findings(pattern);
        if (!findings.isEmpty()) {
            throw new DisclosureException(findings);
        }
        // a published own cell below its rule would be a primary cell printed: never let one through
        for (int i = 0; i < pattern.statuses().size(); i++) {
            TableCell cell = pattern.table().cells().get(i);
            if (pattern.statuses().get(i) == CellStatus.PUBLISHED && cell.sensitive()) {
                throw new DisclosureException("table " + pattern.table().name() + ", cell " + cell.key() + " ("
                        + cell.value().orElseThrow().toPlainString() + ") is below its rule ("
                        + cell.rule().orElseThrow().describe() + ") and would be published");
            }
        }
    }

    static List<AuditFinding> check(ProtectedTable table, List<CellStatus> statuses, boolean firstOnly) {
        return check(
                table,
                statuses,
                firstOnly,
                java.util.stream.IntStream.range(0, statuses.size()).boxed().toList());
    }

    /** The findings among the given cells only. */
    static List<AuditFinding> check(
            ProtectedTable table, List<CellStatus> statuses, boolean firstOnly, Iterable<Integer> cells) {
        AttackerIntervals attacker = new AttackerIntervals(table, statuses);
        List<AuditFinding> findings = new ArrayList<>();
        for (int i : cells) {
            Optional<AuditFinding> f = finding(table, statuses, attacker, i);
            if (f.isPresent()) {
                findings.add(f.get());
                if (firstOnly) {
                    break;
                }
            }
        }
        return findings;
    }

    private static Optional<AuditFinding> finding(
            ProtectedTable table, List<CellStatus> statuses, AttackerIntervals attacker, int i) {
        CellStatus status = statuses.get(i);
        if (!status.suppressed()) {
            return Optional.empty();
        }
        TableCell cell = table.cells().get(i);
        BigDecimal value = cell.value().orElseThrow();
        Interval derived = attacker.of(i);
        Interval required;
        double width;
        if (status == CellStatus.PRIMARY) {
            ProtectionRule rule = cell.rule().orElseThrow();
            required = rule.protectionInterval(value);
            width = rule.minimumWidth();
        } else {
            required = new Interval(value.doubleValue(), value.doubleValue());
            width = 1;
        }
        boolean protectedWell = derived.covers(required) && derived.width() >= width - Suppression.TOLERANCE;
        return protectedWell
                ? Optional.empty()
                : Optional.of(new AuditFinding(table.name(), cell.key(), status, value, derived, required, width));
    }
}
