package de.integrationsmonitor.ingest;

import de.integrationsmonitor.observation.Deliveries;
import java.time.LocalDateTime;

/** Where ingest records a delivery: opened when a file's header is read, completed with its account. */
public interface DeliveryStore extends Deliveries {

    /** Opens a delivery when a file's header has been read; {@link #complete} fills in the account. */
    long open(ExtractHeader header, String sha256, LocalDateTime ingestedAt);

    void complete(long deliveryId, ExtractFooter footer, LineAccount account);
}
