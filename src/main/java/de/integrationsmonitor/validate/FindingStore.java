package de.integrationsmonitor.validate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where findings of validation are kept, with the Kreis levels a delivery leaves unpublished. */
public interface FindingStore {

    void store(long deliveryId, List<Finding> findings);

    void storeUnpublished(long deliveryId, List<LocalDate> dates, String level);

    /** Findings and quarantined lines, of one delivery or of all, in delivery and line order. */
    List<ListedFinding> list(Optional<Long> deliveryId, boolean withSkipped);

    long count(long deliveryId, Severity severity);

    /** A finding or a quarantined / skipped line, as listed by {@code imon findings}. */
    record ListedFinding(
            long deliveryId,
            String fileName,
            Optional<Long> line,
            String severity,
            String rule,
            String regionCode,
            Optional<LocalDate> referenceDate,
            String message) {}
}
