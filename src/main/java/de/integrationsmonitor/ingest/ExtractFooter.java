package de.integrationsmonitor.ingest;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** What the end of a file says: the office's {@code Stand:} timestamp and its notes (caveats, copyright). */
public record ExtractFooter(Optional<LocalDateTime> stand, List<String> notes) {

    public static ExtractFooter none() {
        return new ExtractFooter(Optional.empty(), List.of());
    }
}
