package de.integrationsmonitor.report.fill;

import java.util.Objects;

/**
 * One line of the indicator table: the Kreis next to its Land and Germany for the same date.
 *
 * @param label    German label as printed, e.g. "Ausländeranteil"
 * @param unit     unit as printed in the Einheit column, e.g. "%" or "je 1.000 Einwohner"
 * @param decimals decimal places shown (display rounding only; the figures stay unrounded)
 */
public record IndicatorRow(String label, String unit, int decimals, Figure kreis, Figure land, Figure germany) {

    public IndicatorRow {
        Objects.requireNonNull(label, "label");
        unit = unit == null ? "" : unit.strip();
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be 0..6, was " + decimals);
        }
        Objects.requireNonNull(kreis, "kreis");
        Objects.requireNonNull(land, "land");
        Objects.requireNonNull(germany, "germany");
    }

    /**
     * A row with the usual display precision for its unit: whole numbers for counts and euros,
     * one decimal for shares and rates (the offices' convention in the Regionalatlas).
     */
    public IndicatorRow(String label, String unit, Figure kreis, Figure land, Figure germany) {
        this(label, unit, defaultDecimals(unit), kreis, land, germany);
    }

    public static int defaultDecimals(String unit) {
        String u = unit == null ? "" : unit.strip();
        return switch (u) {
            case "", "Anzahl", "Personen", "€", "EUR", "Euro" -> 0;
            default -> 1;
        };
    }
}
