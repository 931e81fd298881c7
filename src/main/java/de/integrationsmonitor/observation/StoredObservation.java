package de.integrationsmonitor.observation;

import java.time.LocalDate;

/** An observation as stored, with the delivery it belongs to. */
public record StoredObservation(
        long deliveryId,
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
