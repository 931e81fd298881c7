package de.integrationsmonitor.indicator;

import de.integrationsmonitor.observation.StoredObservation;
import java.util.Collection;
import java.util.List;

/** The observations a computation rests on, as the store keeps them. */
public interface ObservationSource {

    /**
     * Observations of one table as of the given deliveries, newest delivery per cell (by the office's
     * {@code Stand:}, then by ingestion); an empty list of variable paths means all of them.
     */
    List<StoredObservation> current(String tableCode, Collection<String> variablePaths,
                                    Collection<Long> deliveryIds);
}
