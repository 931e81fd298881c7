package de.integrationsmonitor.indicator;

import de.integrationsmonitor.observation.StoredObservation;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The observations a computation rests on, as the store keeps them. */
public interface ObservationSource {

    /**
     * Observations of one table as of the given deliveries, newest delivery per cell (by the office's
     * {@code Stand:}, then by ingestion); an empty list of variable paths means all of them.
     */
    List<StoredObservation> current(String tableCode, Collection<String> variablePaths, Collection<Long> deliveryIds);

    /**
     * The current cells of several tables (newest delivery per cell, as {@link #current}) streamed in one pass over
     * the store, in no particular order, without holding them: the memory it takes does not grow with the number
     * of cells. By table code, the variable paths wanted; an empty collection means all of the table's.
     */
    void eachCurrent(
            Map<String, ? extends Collection<String>> pathsByTable,
            Collection<Long> deliveryIds,
            Consumer<StoredObservation> consumer);
}
