package de.integrationsmonitor.observation;

import java.util.List;
import java.util.Optional;

/** The stored deliveries, as every stage after ingest reads them; the store implements it. */
public interface Deliveries {

    Optional<Delivery> findBySha256(String sha256);

    Optional<Delivery> find(long id);

    /** Every stored delivery, in the order they were taken in. */
    List<Delivery> all();

    /** The footer notes of a delivery (Gebietsstand caveats, copyright), in file order. */
    List<String> notes(long deliveryId);
}
