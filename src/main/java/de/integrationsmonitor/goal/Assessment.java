package de.integrationsmonitor.goal;

import de.integrationsmonitor.indicator.Direction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * Where the latest value of a goal's indicator lies on the way from the baseline to the target, by one rule:
 * <ol>
 *   <li>If the Kreis's territory at the latest year is not the one of the baseline year (a Gebietsstand change in
 *       between), the values are <b>no longer comparable</b>.</li>
 *   <li>Without a value for the baseline year or a latest value, there is <b>no value</b> to assess.</li>
 *   <li>Which way is better: the indicator's direction; for a neutral indicator, the way from baseline to target.</li>
 *   <li>A latest value as good as the target or better: <b>target reached</b>.</li>
 *   <li>Else the linear path: the value expected in the latest year is
 *       {@code baseline + (target − baseline) × (latest year − baseline year) / (target year − baseline year)},
 *       the target itself from the target year on. A latest value as good as that or better, or worse by no more
 *       than the corridor: <b>on track</b>; else <b>behind</b>.</li>
 * </ol>
 * Values are compared unrounded.
 *
 * @param expected the value on the linear path in the latest year, when there is one
 */
public record Assessment(State state, Optional<BigDecimal> expected) {

    /** The four outcomes a Kreistag reads, and the case without a value. */
    public enum State {
        ON_TRACK,
        BEHIND,
        REACHED,
        NOT_COMPARABLE,
        NO_VALUE
    }

    /**
     * @param baseline       the indicator's value in the goal's baseline year, empty when there is none
     * @param latest         the latest value, empty when there is none
     * @param latestYear     its year
     * @param sameTerritory  false when the Kreis's territory changed between the baseline year and the latest year
     */
    public static Assessment of(
            Goal goal,
            Direction direction,
            Optional<BigDecimal> baseline,
            Optional<BigDecimal> latest,
            int latestYear,
            boolean sameTerritory) {
        if (!sameTerritory) {
            return new Assessment(State.NOT_COMPARABLE, Optional.empty());
        }
        if (baseline.isEmpty() || latest.isEmpty() || latestYear < goal.baselineYear()) {
            return new Assessment(State.NO_VALUE, Optional.empty());
        }
        BigDecimal base = baseline.get();
        BigDecimal target = goal.target();
        int better = switch (direction) {
            case HIGHER_IS_BETTER -> 1;
            case HIGHER_IS_WORSE -> -1;
            case NEUTRAL -> target.compareTo(base) < 0 ? -1 : 1;
        };
        BigDecimal value = latest.get();
        BigDecimal expected = latestYear >= goal.targetYear()
                ? target
                : base.add(target.subtract(base)
                        .multiply(BigDecimal.valueOf(latestYear - goal.baselineYear()))
                        .divide(BigDecimal.valueOf(goal.targetYear() - goal.baselineYear()), MathContext.DECIMAL64));
        if (better * value.compareTo(target) >= 0) {
            return new Assessment(State.REACHED, Optional.of(expected));
        }
        // how far the value lies on the better side of the path (negative: on the worse side)
        BigDecimal ahead = value.subtract(expected).multiply(BigDecimal.valueOf(better));
        BigDecimal tolerance = goal.corridor().orElse(BigDecimal.ZERO);
        return new Assessment(
                ahead.add(tolerance).signum() >= 0 ? State.ON_TRACK : State.BEHIND, Optional.of(expected));
    }

    /** The value on the linear path in a year: the baseline before it, the target from the target year on. */
    public static BigDecimal onPath(Goal goal, BigDecimal baseline, int year) {
        if (year <= goal.baselineYear()) {
            return baseline;
        }
        if (year >= goal.targetYear()) {
            return goal.target();
        }
        return baseline.add(goal.target()
                .subtract(baseline)
                .multiply(BigDecimal.valueOf(year - goal.baselineYear()))
                .divide(BigDecimal.valueOf(goal.targetYear() - goal.baselineYear()), MathContext.DECIMAL64));
    }
}
