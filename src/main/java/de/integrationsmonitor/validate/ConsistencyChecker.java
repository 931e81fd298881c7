package de.integrationsmonitor.validate;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.StoredObservation;
import de.integrationsmonitor.region.RegionLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Evaluates the declared consistency rules over one delivery's observations, streamed in the order region, date:
 * memory holds one region-date group and the running Kreis sums per Land, never the whole delivery. Checks that
 * meet a secret or missing cell are skipped (they cannot be checked); {@code -} counts as zero.
 */
public final class ConsistencyChecker {

    /** Findings per rule and delivery beyond which only a count is kept. */
    static final int DETAILED_FINDINGS_PER_RULE = 100;
    /** The rule of a cell (region, reference date, variable) that a delivery holds twice. */
    public static final String RULE_DUPLICATE = "duplicate";

    private static final String SEPARATOR = " | ";
    private static final java.util.regex.Pattern LABELS =
            java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(SEPARATOR));

    private final String tableCode;
    private final List<ConsistencyRule> rules;
    private final Consumer<Finding> sink;
    private final List<StoredObservation> group = new ArrayList<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<LandKey, KreisSum> kreisSums = new LinkedHashMap<>();
    private final Map<LandKey, StoredObservation> landCells = new HashMap<>();
    /** Per rule "Gemeinden = Kreis": the Kreis whose cells and Gemeinden are being read (one Kreis at a time). */
    private final Map<ConsistencyRule, KreisPass> kreisPasses = new java.util.IdentityHashMap<>();

    private final Map<String, SumTally> tallies = new HashMap<>();
    private final Map<ConsistencyRule, Map<String, List<List<String>>>> partPaths = new java.util.IdentityHashMap<>();

    private final java.util.Set<LocalDate> unpublishedKreisLevel;
    private Optional<Finding> conflict = Optional.empty();

    /**
     * @param unpublishedKreisLevel dates whose Kreis cells are all '-' because not yet published: the Kreise
     *                              cannot add up to the Land there
     */
    public ConsistencyChecker(
            String tableCode,
            List<ConsistencyRule> rules,
            Consumer<Finding> sink,
            java.util.Collection<LocalDate> unpublishedKreisLevel) {
        this.tableCode = tableCode;
        this.unpublishedKreisLevel = java.util.Set.copyOf(unpublishedKreisLevel);
        this.rules = rules.stream().filter(r -> r.appliesTo(tableCode)).toList();
        this.sink = sink;
    }

    /** The next observation, in the order region code, reference date. */
    public void accept(StoredObservation o) {
        if (!group.isEmpty()
                && (!group.get(0).regionCode().equals(o.regionCode())
                        || !group.get(0).referenceDate().equals(o.referenceDate()))) {
            checkGroup();
        }
        group.add(o);
    }

    /** Ends the stream: checks the last group and the Kreis sums per Land, then reports what was cut short. */
    public void finish() {
        if (!group.isEmpty()) {
            checkGroup();
        }
        for (ConsistencyRule rule : rules) {
            if (rule instanceof ConsistencyRule.KreiseSumToLand sums) {
                checkLandSums(sums);
            } else if (rule instanceof ConsistencyRule.GemeindenSumToKreis sums) {
                checkKreisSums(sums, kreisPasses.remove(rule));
            }
        }
        failures.forEach((rule, count) -> {
            if (count > DETAILED_FINDINGS_PER_RULE) {
                Optional<ConsistencyRule> declared =
                        rules.stream().filter(x -> x.id().equals(rule)).findFirst();
                String description =
                        declared.map(ConsistencyRule::description).orElse("a cell given twice with the same value");
                sink.accept(new Finding(
                        rule,
                        declared.map(ConsistencyRule::severity).orElse(Severity.WARNING),
                        0,
                        "",
                        Optional.empty(),
                        "rule '" + description + "' failed " + count + " times in this" + " delivery; the first "
                                + DETAILED_FINDINGS_PER_RULE + " are listed"));
            }
        });
    }

    /**
     * The first cell the delivery gives twice with different values, as an error finding naming both lines: which
     * of the two the office meant cannot be known, so the caller refuses the delivery.
     */
    public Optional<Finding> conflict() {
        return conflict;
    }

    private void checkGroup() {
        Map<String, StoredObservation> byPath = new HashMap<>();
        Map<String, StoredObservation> byVariable = new HashMap<>();
        for (StoredObservation o : group) {
            byPath.put(o.variablePath(), o);
            StoredObservation first = byVariable.putIfAbsent(o.variablePath() + '\u0000' + o.unit(), o);
            if (first != null) {
                duplicate(first, o);
            }
        }
        for (ConsistencyRule rule : rules) {
            if (rule instanceof ConsistencyRule.NotNegative notNegative) {
                for (StoredObservation o : group) {
                    if (rule.appliesTo(tableCode, o.unit())
                            && o.cell().number().map(n -> n.signum() < 0).orElse(false)) {
                        fail(
                                notNegative,
                                o.sourceLine(),
                                o,
                                "negative count " + o.cell().number().get().toPlainString() + " for ["
                                        + o.variablePath() + "]");
                    }
                }
            } else if (rule instanceof ConsistencyRule.PartsSumToTotal parts) {
                for (StoredObservation total : group) {
                    if (rule.appliesTo(tableCode, total.unit())) {
                        checkParts(parts, total, byPath);
                    }
                }
            } else if (rule instanceof ConsistencyRule.KreiseSumToLand) {
                collectForLandSums(rule);
            } else if (rule instanceof ConsistencyRule.GemeindenSumToKreis) {
                collectForKreisSums(rule);
            }
        }
        group.clear();
    }

    /** The same cell twice: with the same value worth a warning, with different values the delivery's end. */
    private void duplicate(StoredObservation first, StoredObservation second) {
        String where = first.regionCode() + " " + RegisterCheck.german(first.referenceDate()) + " ["
                + first.variablePath() + "]";
        String lines = first.sourceLine() == second.sourceLine()
                ? "twice in line " + first.sourceLine()
                : "in lines " + first.sourceLine() + " and " + second.sourceLine();
        if (first.cell().equals(second.cell())) {
            if (failures.merge(RULE_DUPLICATE, 1, Integer::sum) <= DETAILED_FINDINGS_PER_RULE) {
                sink.accept(new Finding(
                        RULE_DUPLICATE,
                        Severity.WARNING,
                        second.sourceLine(),
                        first.regionCode(),
                        Optional.of(first.referenceDate()),
                        "duplicate: the cell " + where + " is given " + lines + ", both times " + value(first.cell())
                                + "; stored once as given"));
            }
        } else if (conflict.isEmpty()) {
            // in line order; within one line the store keeps no column order, so the values go in text order
            List<String> values = new ArrayList<>(List.of(value(first.cell()), value(second.cell())));
            if (first.sourceLine() == second.sourceLine()) {
                values.sort(null);
            }
            conflict = Optional.of(new Finding(
                    RULE_DUPLICATE,
                    Severity.ERROR,
                    second.sourceLine(),
                    first.regionCode(),
                    Optional.of(first.referenceDate()),
                    "duplicate: the cell " + where + " is"
                            + " given " + lines + " with different values, " + values.get(0) + " and " + values.get(1)
                            + "; which one the office meant cannot be told"));
        }
    }

    private static String value(Cell cell) {
        return cell.hasNumber() ? cell.number().get().toPlainString() + cell.marker() : "'" + cell.marker() + "'";
    }

    private void checkParts(
            ConsistencyRule.PartsSumToTotal rule, StoredObservation total, Map<String, StoredObservation> byPath) {
        for (List<String> partPaths : partPaths(rule, total.variablePath())) {
            List<StoredObservation> parts = new ArrayList<>(partPaths.size());
            for (String partPath : partPaths) {
                StoredObservation o = byPath.get(partPath);
                if (o != null) {
                    parts.add(o);
                }
            }
            if (parts.size() != rule.parts().size()) {
                continue; // the table does not break this total down into these parts
            }
            Optional<BigDecimal> totalValue = countable(total.cell());
            BigDecimal sum = BigDecimal.ZERO;
            for (StoredObservation part : parts) {
                Optional<BigDecimal> v = countable(part.cell());
                if (v.isEmpty()) {
                    return; // a secret part: cannot be checked
                }
                sum = sum.add(v.get());
            }
            if (totalValue.isPresent() && !rule.tolerance().accepts(totalValue.get(), sum)) {
                StringBuilder cells = new StringBuilder();
                for (StoredObservation part : parts) {
                    cells.append(cells.length() == 0 ? "" : " + ").append(describe(part));
                }
                fail(rule, total.sourceLine(), total, describe(total) + " but " + cells + " = " + sum.toPlainString());
            }
        }
    }

    /**
     * For each position of the rule's total among the labels of a variable path, the paths of its parts (the total's
     * label replaced by each part's); worked out once per rule and path, as a delivery repeats its variables for
     * every region and date.
     */
    private List<List<String>> partPaths(ConsistencyRule.PartsSumToTotal rule, String path) {
        return partPaths.computeIfAbsent(rule, r -> new HashMap<>()).computeIfAbsent(path, p -> {
            String[] labels = LABELS.split(p, -1);
            List<List<String>> positions = new ArrayList<>();
            for (int position = 0; position < labels.length; position++) {
                if (!labels[position].equals(rule.total())) {
                    continue;
                }
                List<String> paths = new ArrayList<>();
                for (String part : rule.parts()) {
                    String[] replaced = labels.clone();
                    replaced[position] = part;
                    paths.add(String.join(SEPARATOR, replaced));
                }
                positions.add(List.copyOf(paths));
            }
            return List.copyOf(positions);
        });
    }

    private void collectForLandSums(ConsistencyRule rule) {
        for (StoredObservation o : group) {
            if (!rule.appliesTo(tableCode, o.unit())) {
                continue;
            }
            RegionLevel level = RegionLevel.of(o.regionCode()).orElse(null);
            if (level == RegionLevel.KREIS) {
                LandKey key = new LandKey(o.regionCode().substring(0, 2), o.referenceDate(), o.variablePath());
                kreisSums.computeIfAbsent(key, k -> new KreisSum()).add(o);
            } else if (level == RegionLevel.LAND) {
                landCells.put(new LandKey(o.regionCode(), o.referenceDate(), o.variablePath()), o);
            }
        }
    }

    private void checkLandSums(ConsistencyRule.KreiseSumToLand rule) {
        kreisSums.forEach((key, sum) -> {
            StoredObservation land = landCells.get(key);
            if (land == null
                    || !sum.checkable
                    || countable(land.cell()).isEmpty()
                    || unpublishedKreisLevel.contains(key.date())) {
                return;
            }
            BigDecimal landValue = countable(land.cell()).get();
            if (!rule.tolerance().accepts(landValue, sum.total)) {
                fail(
                        rule,
                        land.sourceLine(),
                        land,
                        describe(land) + ", but its " + sum.kreise + " Kreise add up to " + sum.total.toPlainString());
            }
        });
    }

    /**
     * Observations come ordered by region code, so a Kreis ({@code 03151}) is followed by its Gemeinden
     * ({@code 03151009}, {@code 03151401002}) before the next Kreis: each Kreis is checked when its Gemeinden end,
     * and memory holds one Kreis.
     */
    private void collectForKreisSums(ConsistencyRule rule) {
        ConsistencyRule.GemeindenSumToKreis sums = (ConsistencyRule.GemeindenSumToKreis) rule;
        for (StoredObservation o : group) {
            if (!rule.appliesTo(tableCode, o.unit())) {
                continue;
            }
            RegionLevel level = RegionLevel.of(o.regionCode()).orElse(null);
            if (level != RegionLevel.KREIS && level != RegionLevel.GEMEINDE) {
                continue;
            }
            KreisPass pass = kreisPasses.get(rule);
            if (pass != null && !o.regionCode().startsWith(pass.kreis)) {
                checkKreisSums(sums, kreisPasses.remove(rule));
                pass = null;
            }
            if (level == RegionLevel.KREIS) {
                if (pass == null) {
                    pass = new KreisPass(o.regionCode());
                    kreisPasses.put(rule, pass);
                }
                pass.cells.put(new LandKey(o.regionCode(), o.referenceDate(), o.variablePath()), o);
            } else if (pass != null) {
                LandKey key = new LandKey(pass.kreis, o.referenceDate(), o.variablePath());
                pass.sums.computeIfAbsent(key, k -> new GemeindeSum()).add(o);
            }
        }
    }

    /**
     * A Kreis against the sum of its Gemeinden. Unknowable rather than failed: a secret or unknown Gemeinde or
     * Kreis cell, and a Kreis with a figure whose Gemeinden are all '-' (the office did not report the Gemeinden
     * for that date, e.g. Thüringen 2008 to 2013). A Kreis without Gemeinde lines is not checked.
     */
    private void checkKreisSums(ConsistencyRule.GemeindenSumToKreis rule, KreisPass pass) {
        if (pass == null) {
            return;
        }
        pass.sums.forEach((key, sum) -> {
            StoredObservation kreis = pass.cells.get(key);
            if (kreis == null) {
                return;
            }
            SumTally.Outcome outcome;
            Optional<BigDecimal> kreisValue = countable(kreis.cell());
            if (kreisValue.isEmpty()
                    || !sum.checkable
                    || sum.figures == 0 && kreisValue.get().signum() != 0) {
                outcome = SumTally.Outcome.UNKNOWABLE;
            } else if (rule.tolerance().accepts(kreisValue.get(), sum.total)) {
                outcome = SumTally.Outcome.HOLDS;
            } else {
                fail(
                        rule,
                        kreis.sourceLine(),
                        kreis,
                        describe(kreis) + ", but its " + sum.gemeinden + " Gemeinden add up to "
                                + sum.total.toPlainString());
                outcome = SumTally.Outcome.FAILS;
            }
            tallies.merge(rule.id(), SumTally.NONE.plus(outcome), SumTally::plus);
        });
    }

    /**
     * How often a sum rule held, failed or could not be known in this delivery, once {@link #finish()} ran; counted
     * for the rule "Gemeinden = Kreis".
     */
    public SumTally tally(String ruleId) {
        return tallies.getOrDefault(ruleId, SumTally.NONE);
    }

    /** One Kreis's cells and the running sums of its Gemeinden. */
    private static final class KreisPass {
        final String kreis;
        final Map<LandKey, StoredObservation> cells = new HashMap<>();
        final Map<LandKey, GemeindeSum> sums = new LinkedHashMap<>();

        KreisPass(String kreis) {
            this.kreis = kreis;
        }
    }

    private void fail(ConsistencyRule rule, long line, StoredObservation where, String detail) {
        int count = failures.merge(rule.id(), 1, Integer::sum);
        if (count <= DETAILED_FINDINGS_PER_RULE) {
            sink.accept(new Finding(
                    rule.id(),
                    rule.severity(),
                    line,
                    where.regionCode(),
                    Optional.of(where.referenceDate()),
                    rule.description() + ": " + where.regionCode() + " " + RegisterCheck.german(where.referenceDate())
                            + ": " + detail));
        }
    }

    /** A value to add up: the number, or zero for '-'; empty for a cell that cannot be counted (secret...). */
    private static Optional<BigDecimal> countable(Cell cell) {
        if (cell.hasNumber()) {
            return cell.number();
        }
        return cell.marker().equals(Marker.NOTHING.symbol()) ? Optional.of(BigDecimal.ZERO) : Optional.empty();
    }

    private static String describe(StoredObservation o) {
        return "[" + o.variablePath() + "] = "
                + (o.cell().hasNumber()
                        ? o.cell().number().get().toPlainString()
                        : o.cell().marker()) + " (line " + o.sourceLine() + ")";
    }

    private record LandKey(String land, LocalDate date, String variable) {}

    /** The running sum of a Kreis's Gemeinden for one date and variable. */
    private static final class GemeindeSum {
        BigDecimal total = BigDecimal.ZERO;
        int gemeinden;
        /** Gemeinden with a number (not '-'). */
        int figures;

        boolean checkable = true;

        void add(StoredObservation o) {
            Optional<BigDecimal> v = countable(o.cell());
            if (v.isEmpty()) {
                checkable = false;
            } else {
                total = total.add(v.get());
            }
            if (o.cell().hasNumber()) {
                figures++;
            }
            gemeinden++;
        }
    }

    /** The running sum of a Land's Kreise for one date and variable. */
    private static final class KreisSum {
        BigDecimal total = BigDecimal.ZERO;
        int kreise;
        boolean checkable = true;

        void add(StoredObservation o) {
            Optional<BigDecimal> v = countable(o.cell());
            if (v.isEmpty()) {
                checkable = false;
            } else {
                total = total.add(v.get());
            }
            kreise++;
        }
    }
}
