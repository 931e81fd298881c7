package de.integrationsmonitor.region;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the crosswalk: on {@code effective}, (part of) dissolved Kreis {@code oldAgs} became part of {@code newAgs}.
 *
 * @param oldAgs    the dissolved Kreis
 * @param newAgs    a successor Kreis
 * @param effective first day the territory belonged to the successor (the day after the old Kreis's last day)
 * @param share     share of the old Kreis's population that went to this successor, 1 when it went whole;
 *                  empty when no share could be justified
 * @param note      where the share comes from, or what happened
 */
public record KreisSuccession(String oldAgs, String newAgs, LocalDate effective, Optional<BigDecimal> share,
                              String note) {

    public KreisSuccession {
        Objects.requireNonNull(oldAgs, "oldAgs");
        Objects.requireNonNull(newAgs, "newAgs");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(note, "note");
        share.ifPresent(s -> {
            if (s.signum() <= 0 || s.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("share of " + oldAgs + " -> " + newAgs
                        + " must be in (0, 1], was " + s.toPlainString());
            }
        });
    }

    /** True if the old Kreis went to this successor as a whole. */
    public boolean whole() {
        return share.map(s -> s.compareTo(BigDecimal.ONE) == 0).orElse(false);
    }
}
