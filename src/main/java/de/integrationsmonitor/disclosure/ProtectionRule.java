package de.integrationsmonitor.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The protection rule of a source: which cells are sensitive (primary suppression) and how far an outsider must
 * remain from a sensitive cell's value (the protection interval the audit checks).
 *
 * @param minimumCount    a count above zero and below this is sensitive ({@code mindestfallzahl: 3} suppresses 1
 *                        and 2, as the BA does); 0 or 1 switches the rule off
 * @param dominance       optionally the (n, k) rule for magnitudes: a cell whose n largest contributions make more
 *                        than k % of it is sensitive
 * @param intervalPercent the protection interval around a sensitive value v: an outsider must not be able to narrow
 *                        the cell below [v − p·v, v + p·v], nor to an interval narrower than the minimum count
 */
public record ProtectionRule(int minimumCount, Optional<Dominance> dominance, int intervalPercent) {

    /** The rule for a Kreis's own data when its source description declares none: 1 and 2 suppressed, ±50 %. */
    public static final ProtectionRule OWN_DATA_DEFAULT = new ProtectionRule(3, Optional.empty(), 50);

    /** (n, k): the n largest contributions may make at most k % of the cell. */
    public record Dominance(int n, int k) {
        public Dominance {
            if (n < 1 || k < 1 || k > 100) {
                throw new IllegalArgumentException(
                        "dominance needs n >= 1 and 1 <= k <= 100, not (" + n + ", " + k + ")");
            }
        }
    }

    public ProtectionRule {
        Objects.requireNonNull(dominance, "dominance");
        if (minimumCount < 0) {
            throw new IllegalArgumentException("minimum count below zero: " + minimumCount);
        }
        if (intervalPercent < 0 || intervalPercent > 100) {
            throw new IllegalArgumentException("protection interval must be 0-100 %, not " + intervalPercent);
        }
    }

    /** Whether a cell of this value (and these contributions, for magnitudes; empty for counts) is sensitive. */
    public boolean sensitive(BigDecimal value, List<BigDecimal> contributions) {
        if (value.signum() > 0 && value.compareTo(BigDecimal.valueOf(minimumCount)) < 0) {
            return true;
        }
        if (dominance.isEmpty() || contributions.isEmpty() || value.signum() <= 0) {
            return false;
        }
        List<BigDecimal> largest = new ArrayList<>(contributions);
        largest.sort(Comparator.reverseOrder());
        BigDecimal top = largest.stream().limit(dominance.get().n()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return top.multiply(BigDecimal.valueOf(100))
                        .compareTo(value.multiply(
                                BigDecimal.valueOf(dominance.get().k())))
                > 0;
    }

    /** The interval an outsider's derived interval must contain for a sensitive cell of this value. */
    public Interval protectionInterval(BigDecimal value) {
        BigDecimal p = BigDecimal.valueOf(intervalPercent).divide(BigDecimal.valueOf(100), 6, RoundingMode.UNNECESSARY);
        double v = value.doubleValue();
        double spread = v * p.doubleValue();
        return new Interval(Math.max(0, v - spread), v + spread);
    }

    /** The narrowest derived interval allowed for a sensitive cell: the minimum count (at least one unit). */
    public double minimumWidth() {
        return Math.max(1, minimumCount);
    }

    /** The rule as written in a source description, for messages and the recorded pattern. */
    public String describe() {
        return "mindestfallzahl " + minimumCount
                + dominance
                        .map(d -> ", dominanz (" + d.n() + ", " + d.k() + " %)")
                        .orElse("") + ", schutzintervall " + intervalPercent + " %";
    }
}
