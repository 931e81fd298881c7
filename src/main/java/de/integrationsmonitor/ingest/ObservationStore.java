package de.integrationsmonitor.ingest;

import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.observation.StoredObservation;
import java.util.function.Consumer;

/** Where ingest writes a delivery's observations and quarantined lines, and reads them back for the checks. */
public interface ObservationStore {

    /** A writer for one delivery's rows, inside the caller's transaction. */
    Writer writer(long deliveryId);

    /** Streams one delivery's observations in the order region code, reference date, line. */
    void streamDelivery(long deliveryId, Consumer<StoredObservation> consumer);

    /** Buffers one delivery's rows and writes them in batches. */
    interface Writer {

        void add(Observation observation);

        /** A data line that was not stored: {@code disposition} is "quarantined" or "skipped". */
        void reject(long line, String disposition, String reason, String content);

        /** Writes what is buffered. */
        void flush();
    }
}
