package de.integrationsmonitor.observation;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A stored delivery: one ingested file, immutable once committed.
 *
 * @param dataLines the data lines read (column {@code rows_read}); always stored + rejected + skipped
 */
public record Delivery(
        long id,
        String fileName,
        String sha256,
        String tableCode,
        String format,
        String encoding,
        String title,
        Optional<LocalDateTime> officeStand,
        LocalDateTime ingestedAt,
        long dataLines,
        long rowsStored,
        long rowsRejected,
        long rowsSkipped) {}
