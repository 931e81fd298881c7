package de.integrationsmonitor.goal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A measure (Maßnahme) of the Kreis: what is done, by whom, when, how far it has come, and which indicators it aims
 * at.
 *
 * @param traeger    the responsible body
 * @param start      the first day of the measure (a year alone means 1 January)
 * @param end        the last day, empty while it is open-ended
 * @param kreise     the Kreise it belongs to; empty for every Kreis of the edition
 * @param markdown   the authors' short text on its state, Markdown as in the texts folder
 * @param textLine   the line of the file where the text begins, so that a refused text names its own line
 */
public record Measure(
        String id,
        String title,
        String handlungsfeld,
        String traeger,
        LocalDate start,
        Optional<LocalDate> end,
        MeasureStatus status,
        List<String> indicators,
        List<String> kreise,
        String markdown,
        int line,
        int textLine) {

    public Measure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(end, "end");
        indicators = List.copyOf(indicators);
        kreise = List.copyOf(kreise);
    }

    public boolean appliesTo(String ags) {
        return kreise.isEmpty() || kreise.contains(ags);
    }
}
