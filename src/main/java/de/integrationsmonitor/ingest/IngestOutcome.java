package de.integrationsmonitor.ingest;

import de.integrationsmonitor.validate.FindingCounts;
import java.util.Optional;

/** What happened to one file given to {@code ingest}. */
public record IngestOutcome(
        String fileName,
        Status status,
        Optional<ExtractFormat> format,
        String tableCode,
        Optional<Long> deliveryId,
        Optional<LineAccount> account,
        Optional<FindingCounts> findings,
        String message) {

    public enum Status {
        /** A new delivery was stored. */
        STORED,
        /** The same bytes were ingested before: nothing was done. */
        ALREADY_INGESTED,
        /** The file could not be read as a whole: nothing of it was stored. */
        REFUSED
    }

    public boolean refused() {
        return status == Status.REFUSED;
    }
}
