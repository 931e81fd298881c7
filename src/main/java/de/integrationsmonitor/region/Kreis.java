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
public record Kreis(
        String ags, String name, String landCode, KreisKind kind, LocalDate validFrom, Optional<LocalDate> validTo) {

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
            throw new IllegalArgumentException(
                    "Kreis " + ags + " ends (" + validTo.get() + ") before it starts (" + validFrom + ")");
        }
    }

    /** True if the code was a valid Kreis on that day (both ends inclusive). */
    public boolean existsOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(validFrom)
                && validTo.map(end -> !date.isAfter(end)).orElse(true);
    }

    /**
     * True if the Kreis existed on every day from {@code start} to {@code end}. A Kreis valid from the register's
     * first day counts as having existed before it, too (the register does not say since when).
     */
    public boolean existsThroughout(LocalDate start, LocalDate end) {
        boolean fromStart = !start.isBefore(validFrom) || validFrom.equals(KreisRegister.FIRST_DAY);
        return fromStart && validTo.map(last -> !last.isBefore(end)).orElse(true);
    }

    /** True if the Kreis existed on at least one day from {@code start} to {@code end}. */
    public boolean existsDuring(LocalDate start, LocalDate end) {
        boolean startsInTime = !validFrom.isAfter(end);
        return startsInTime && validTo.map(last -> !last.isBefore(start)).orElse(true);
    }

    /** True if the Kreis's territory ended at some point (merged, split, renumbered, or changed in area). */
    public boolean isDissolved() {
        return validTo.isPresent();
    }
}
