package de.integrationsmonitor.region;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kreis code with the period in which it existed; the code is the key, the name is only the latest one.
 *
 * @param ags       five-digit Kreis code (Amtlicher Gemeindeschlüssel down to Kreis level), e.g. {@code 15001}
 * @param name      latest official name as the offices write it, e.g. {@code Dessau-Roßlau, kreisfreie Stadt}
 * @param landCode  two-digit Land code, always the first two digits of {@code ags}
 * @param kind      kreisfreie Stadt or Landkreis
 * @param validFrom first day the code existed; {@code 1995-01-01} where it existed before the register starts
 * @param validTo   last day the code existed (inclusive), empty while it still exists
 */
public record Kreis(String ags, String name, String landCode, KreisKind kind, LocalDate validFrom,
                    Optional<LocalDate> validTo) {

    public Kreis {
        Objects.requireNonNull(ags, "ags");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(landCode, "landCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        if (!ags.matches("\\d{5}")) {
            throw new IllegalArgumentException("Kreis code must be five digits, was '" + ags + "'");
        }
        if (!ags.startsWith(landCode)) {
            throw new IllegalArgumentException("Kreis " + ags + " cannot belong to Land " + landCode
                    + ": the first two digits of a Kreis code are its Land");
        }
        if (validTo.isPresent() && validTo.get().isBefore(validFrom)) {
            throw new IllegalArgumentException("Kreis " + ags + " ends (" + validTo.get() + ") before it starts ("
                    + validFrom + ")");
        }
    }

    /** True if the code was a valid Kreis on that day (both ends inclusive). */
    public boolean existsOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(validFrom) && validTo.map(end -> !date.isAfter(end)).orElse(true);
    }

    /** True if the Kreis was dissolved (merged, split or renumbered) at some point. */
    public boolean isDissolved() {
        return validTo.isPresent();
    }
}
