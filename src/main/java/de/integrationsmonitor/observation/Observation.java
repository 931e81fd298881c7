package de.integrationsmonitor.observation;

import java.time.LocalDate;

/**
 * One value of an office table with its coordinates and provenance: which table, which region (the office's
 * code: {@code DG}, a Land, a Kreis), which reference date, which variable (the header labels that identify
 * the cell, joined by {@code " | "}), the cell itself, and the line of the file it came from.
 *
 * @param period the period as the office names it: a year ({@code 2015}) or a date ({@code 31.12.2015})
 * @param unit   the unit row's label ({@code Anzahl}, {@code Prozent}), empty when the table has none
 */
public record Observation(String tableCode, String regionCode, LocalDate referenceDate, String period,
                          String variablePath, String unit, Cell cell, long sourceLine) {
}
