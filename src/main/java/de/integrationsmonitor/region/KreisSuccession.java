package de.integrationsmonitor.region;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the crosswalk: on {@code effective}, (part of) the territory {@code oldAgs} had until the day before
 * became part of {@code newAgs}. Where a Kreis keeps its code with a changed territory, {@code oldAgs} and
 * {@code newAgs} are the same code: the row carries the share that stayed.
 *
 * @param oldAgs    the Kreis whose territory ended the day before
 * @param newAgs    a successor Kreis, whose territory begins on {@code effective}
 * @param effective first day the territory belonged to the successor (the day after the old territory's last day)
 * @param share     share of the old territory's population that went to this successor, 1 when it went whole
 * @param note      where the share comes from, or what happened
 */
public record KreisSuccession(String oldAgs, String newAgs, LocalDate effective, BigDecimal share, String note) {

    public KreisSuccession {
        Objects.requireNonNull(oldAgs, "oldAgs");
        Objects.requireNonNull(newAgs, "newAgs");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(note, "note");
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(
                    "share of " + oldAgs + " -> " + newAgs + " must be in (0, 1], was " + share.toPlainString());
        }
    }

    /** True if the old Kreis went to this successor as a whole. */
    public boolean whole() {
        return share.compareTo(BigDecimal.ONE) == 0;
    }

    /** True if the Kreis kept its code and this row is the part of its territory that stayed with it. */
    public boolean keepsCode() {
        return oldAgs.equals(newAgs);
    }
}
