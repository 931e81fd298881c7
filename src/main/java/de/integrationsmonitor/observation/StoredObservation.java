package de.integrationsmonitor.observation;

import java.time.LocalDate;

/** An observation as stored, with the delivery it belongs to. */
public record StoredObservation(long deliveryId, String tableCode, String regionCode, LocalDate referenceDate,
                                String period, String variablePath, String unit, Cell cell, long sourceLine) {
}
