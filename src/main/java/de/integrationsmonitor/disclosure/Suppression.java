package de.integrationsmonitor.disclosure;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Primary and secondary suppression of one table.
 *
 * <p>Primary: every cell below its source's rule. Secondary, a heuristic in the manner of sdcTable's
 * SIMPLEHEURISTIC (suppress by the smallest weight, then solve the attacker's problems to confirm): as long as
 * the audit finds a suppressed cell an outsider can narrow too far, suppress one more published cell beside it,
 * namely in a relation where it is the only hidden cell if there is one, otherwise in any relation it is in
 * (further along the chain of hidden cells when those have no published cell left), the smallest cell whose value
 * covers what the protection still lacks (the largest when none does). Then every secondary cell, largest first,
 * is published again if the audit still passes without it. Every step suppresses one more cell, so the loop ends.
 */
public final class Suppression {

    /** Numerical tolerance of the linear programmes. */
    static final double TOLERANCE = 1e-6;

    private Suppression() {}

    /** The pattern for the table; it passes {@link DisclosureAudit}. */
    public static SuppressionPattern protect(ProtectedTable table) {
        List<CellStatus> statuses = new ArrayList<>();
        for (TableCell cell : table.cells()) {
            statuses.add(
                    cell.value().isEmpty()
                            ? CellStatus.OFFICE_SECRET
                            : cell.sensitive() ? CellStatus.PRIMARY : CellStatus.PUBLISHED);
        }
        if (!statuses.contains(CellStatus.PRIMARY)) {
            return new SuppressionPattern(table, statuses);
        }
        // a cell that passed keeps passing while more cells are suppressed (an outsider then knows less): only the
        // cells not yet seen to pass are checked again
        Set<Integer> passed = new HashSet<>();
        while (true) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < statuses.size(); i++) {
                if (statuses.get(i).suppressed() && !passed.contains(i)) {
                    open.add(i);
                }
            }
            List<AuditFinding> failing = DisclosureAudit.check(table, statuses, true, open);
            if (failing.isEmpty()) {
                break;
            }
            int failed = table.index(failing.get(0).cell());
            passed.addAll(open.subList(0, open.indexOf(failed)));
            AuditFinding f = failing.get(0);
            int cell = table.index(f.cell());
            Optional<Integer> next = candidate(table, statuses, cell, shortfall(f));
            if (next.isEmpty()) {
                throw new DisclosureException(
                        failing); // nothing left to suppress: cannot happen with non-negative relations
            }
            statuses.set(next.get(), CellStatus.SECONDARY);
        }
        release(table, statuses);
        return new SuppressionPattern(table, statuses);
    }

    private static double shortfall(AuditFinding f) {
        double up = f.required().high() - f.derived().high();
        double down = f.derived().low() - f.required().low();
        double width = f.requiredWidth() - f.derived().width();
        return Math.max(1, Math.max(up, Math.max(down, width)));
    }

    private static Optional<Integer> candidate(
            ProtectedTable table, List<CellStatus> statuses, int cell, double shortfall) {
        List<Relation> around =
                table.relations().stream().filter(r -> r.involves(cell)).toList();
        List<Relation> alone = around.stream()
                .filter(r ->
                        hiddenIn(r, statuses) == 1 && !published(r, statuses).isEmpty())
                .toList();
        Optional<Integer> pick = smallestCovering(table, published(alone, statuses), shortfall);
        if (pick.isPresent()) {
            return pick;
        }
        // along the chain of hidden cells, nearest relations first
        Set<Integer> seenCells = new HashSet<>(List.of(cell));
        Set<Relation> seen = new HashSet<>();
        Deque<Integer> queue = new ArrayDeque<>(List.of(cell));
        while (!queue.isEmpty()) {
            List<Relation> layer = new ArrayList<>();
            for (int c = queue.size(); c > 0; c--) {
                int from = queue.poll();
                for (Relation r : table.relations()) {
                    if (r.involves(from) && seen.add(r)) {
                        layer.add(r);
                    }
                }
            }
            pick = smallestCovering(table, published(layer, statuses), shortfall);
            if (pick.isPresent()) {
                return pick;
            }
            for (Relation r : layer) {
                for (int c : cells(r)) {
                    if (statuses.get(c).hidden() && seenCells.add(c)) {
                        queue.add(c);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> smallestCovering(
            ProtectedTable table, List<Integer> candidates, double shortfall) {
        Comparator<Integer> byValue =
                Comparator.comparing(i -> table.cells().get(i).value().orElseThrow());
        Optional<Integer> covering = candidates.stream()
                .filter(i -> table.cells().get(i).value().orElseThrow().doubleValue() >= shortfall - TOLERANCE)
                .min(byValue.thenComparing(Comparator.naturalOrder()));
        return covering.isPresent()
                ? covering
                : candidates.stream().max(byValue.thenComparing(Comparator.<Integer>reverseOrder()));
    }

    private static void release(ProtectedTable table, List<CellStatus> statuses) {
        List<Integer> secondary = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i) == CellStatus.SECONDARY) {
                secondary.add(i);
            }
        }
        secondary.sort(
                Comparator.comparing((Integer i) -> table.cells().get(i).value().orElse(BigDecimal.ZERO))
                        .reversed()
                        .thenComparing(Comparator.naturalOrder()));
        for (int i : secondary) {
            statuses.set(i, CellStatus.PUBLISHED);
            if (!DisclosureAudit.check(table, statuses, true, linked(table, statuses, i))
                    .isEmpty()) {
                statuses.set(i, CellStatus.SECONDARY);
            }
        }
    }

    /** The hidden cells an outsider's view of which can change when cell {@code from} is published. */
    private static List<Integer> linked(ProtectedTable table, List<CellStatus> statuses, int from) {
        Set<Integer> reached = new java.util.TreeSet<>();
        Deque<Integer> queue = new ArrayDeque<>(List.of(from));
        Set<Integer> visited = new HashSet<>(List.of(from));
        while (!queue.isEmpty()) {
            int c = queue.poll();
            for (Relation r : table.relations()) {
                if (r.involves(c)) {
                    for (int other : cells(r)) {
                        if (statuses.get(other).hidden() && visited.add(other)) {
                            reached.add(other);
                            queue.add(other);
                        }
                    }
                }
            }
        }
        return List.copyOf(reached);
    }

    private static long hiddenIn(Relation r, List<CellStatus> statuses) {
        return cells(r).stream().filter(c -> statuses.get(c).hidden()).count();
    }

    private static List<Integer> published(Relation r, List<CellStatus> statuses) {
        return cells(r).stream().filter(c -> !statuses.get(c).hidden()).toList();
    }

    private static List<Integer> published(List<Relation> relations, List<CellStatus> statuses) {
        return relations.stream()
                .flatMap(r -> published(r, statuses).stream())
                .distinct()
                .toList();
    }

    private static List<Integer> cells(Relation r) {
        List<Integer> all = new ArrayList<>(r.parts());
        all.add(r.total());
        return all;
    }
}
