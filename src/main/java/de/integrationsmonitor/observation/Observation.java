package de.integrationsmonitor.observation;

import java.time.LocalDate;

/**
 * One value of an office table with its coordinates and provenance: which table, which region (the office's
 * code: {@code DG}, a Land, a Kreis), which period (its kind and the interval it covers), which variable (the header
 * labels that identify the cell, joined by {@code " | "}), the cell itself, and the line of the file it came from.
 *
 * @param unit the unit row's label ({@code Anzahl}, {@code Prozent}), empty when the table has none
 */
public record Observation(
        String tableCode,
        String regionCode,
        Period period,
        String variablePath,
        String unit,
        Cell cell,
        long sourceLine) {

    /** The last day of the period (the day itself for a Stichtag). */
    public LocalDate referenceDate() {
        return period.referenceDate();
    }
}
