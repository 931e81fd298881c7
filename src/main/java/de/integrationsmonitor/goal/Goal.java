package de.integrationsmonitor.goal;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A goal of a Kreis (or of every Kreis of the edition): an indicator shall move from its value in the baseline year
 * to the target value by the target year.
 *
 * @param ags      the Kreis, or empty for every Kreis of the edition ({@code alle} in the file)
 * @param corridor how far the latest value may lie on the worse side of the linear path and still count as on
 *                 track, in the indicator's unit; empty for none
 * @param line     the line of the goals file the goal stands on, for messages
 */
public record Goal(
        String indicatorId,
        Optional<String> ags,
        int baselineYear,
        BigDecimal target,
        int targetYear,
        Optional<BigDecimal> corridor,
        int line) {

    public Goal {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(ags, "ags");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(corridor, "corridor");
    }

    /** True if the goal is set for this Kreis, by its own code or for all Kreise. */
    public boolean appliesTo(String kreis) {
        return ags.map(kreis::equals).orElse(true);
    }
}
