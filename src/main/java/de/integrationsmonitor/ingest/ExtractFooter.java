package de.integrationsmonitor.ingest;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the end of a file says: the office's {@code Stand:} timestamp and its notes (caveats, copyright).
 *
 * @param stand        the timestamp, when the {@code Stand:} line holds a real one
 * @param standLine    the line of {@code Stand:}, 0 when the file has none
 * @param standProblem why the {@code Stand:} line gives no timestamp (malformed, an impossible date), if it does not
 */
public record ExtractFooter(
        Optional<LocalDateTime> stand, List<String> notes, long standLine, Optional<String> standProblem) {

    public static ExtractFooter none() {
        return new ExtractFooter(Optional.empty(), List.of(), 0, Optional.empty());
    }

    /** The same footer without its timestamp, e.g. when the timestamp lies in the future. */
    public ExtractFooter withoutStand() {
        return new ExtractFooter(Optional.empty(), notes, standLine, standProblem);
    }
}
