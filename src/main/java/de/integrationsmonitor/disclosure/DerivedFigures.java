package de.integrationsmonitor.disclosure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * Figures computed from the cells of a protected table: a rate, share or difference is suppressed when any of its
 * inputs is hidden (a secret numerator gives a secret rate, never a number an outsider could multiply back), and a
 * difference of two published figures is withheld when it equals a suppressed cell of the same table (it would print
 * that cell under another name). Empty means: print {@link CellStatus#SYMBOL}.
 */
public final class DerivedFigures {

    private final SuppressionPattern pattern;

    public DerivedFigures(SuppressionPattern pattern) {
        this.pattern = pattern;
    }

    /** Whether a figure computed from these cells must be suppressed. */
    public boolean suppressed(List<String> inputs) {
        return inputs.stream().anyMatch(k -> pattern.status(k).hidden());
    }

    /** numerator / denominator × per (per 100 for a share in %, per 1,000 for a rate per 1,000). */
    public Optional<BigDecimal> rate(String numerator, String denominator, int per) {
        if (suppressed(List.of(numerator, denominator))) {
            return Optional.empty();
        }
        BigDecimal d = value(denominator);
        if (d.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(value(numerator).multiply(BigDecimal.valueOf(per)).divide(d, MathContext.DECIMAL64));
    }

    /** minuend − subtrahend, unless an input is hidden or the difference equals a suppressed cell of the table. */
    public Optional<BigDecimal> difference(String minuend, String subtrahend) {
        if (suppressed(List.of(minuend, subtrahend))) {
            return Optional.empty();
        }
        BigDecimal difference = value(minuend).subtract(value(subtrahend));
        return revealing(difference) ? Optional.empty() : Optional.of(difference);
    }

    /** Whether a figure equals the value of a suppressed cell of the table. */
    public boolean revealing(BigDecimal figure) {
        for (int i = 0; i < pattern.statuses().size(); i++) {
            if (pattern.statuses().get(i).suppressed()
                    && pattern.table().cells().get(i).value().orElseThrow().compareTo(figure) == 0) {
                return true;
            }
        }
        return false;
    }

    private BigDecimal value(String key) {
        return pattern.table().cells().get(pattern.table().index(key)).value().orElseThrow();
    }
}
