package de.integrationsmonitor.observation;

import java.util.Optional;
import java.util.function.Consumer;

/** The stored observations as a person inspects them ({@code imon observations}); the store implements it. */
public interface ObservationInspection {

    /**
     * Every observation of a table in every delivery, streamed in the order of the deliveries and their lines,
     * optionally only of one region and one year.
     */
    void every(
            String tableCode,
            Optional<String> regionCode,
            Optional<Integer> year,
            Consumer<StoredObservation> consumer);
}
