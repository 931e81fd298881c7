package de.integrationsmonitor.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one Kreis PDF shows; the renderer formats it, the template lays it out.
 *
 * @param ags           Amtlicher Gemeindeschlüssel of the Kreis, e.g. "15001"
 * @param kreisName     name as printed, e.g. "Dessau-Roßlau, Kreisfreie Stadt"
 * @param landName      the Land, e.g. "Sachsen-Anhalt"
 * @param referenceDate Stichtag of the figures
 * @param rows          indicator table, in print order
 * @param tableCodes    GENESIS table codes the figures come from, for the source line
 * @param dataStatus    Datenstand (Stand: of the deliveries), already as printed, e.g. "14.12.2017"
 * @param synthetic     true when the figures are made-up sample data, which the PDF then says
 */
public record KreisReport(
        String ags,
        String kreisName,
        String landName,
        LocalDate referenceDate,
        List<IndicatorRow> rows,
        List<String> tableCodes,
        String dataStatus,
        boolean synthetic) {

    public KreisReport {
        Objects.requireNonNull(ags, "ags");
        Objects.requireNonNull(kreisName, "kreisName");
        Objects.requireNonNull(landName, "landName");
        Objects.requireNonNull(referenceDate, "referenceDate");
        rows = List.copyOf(rows);
        tableCodes = List.copyOf(tableCodes);
        Objects.requireNonNull(dataStatus, "dataStatus");
    }
}
