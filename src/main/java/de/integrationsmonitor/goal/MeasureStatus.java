package de.integrationsmonitor.goal;

import java.util.Arrays;
import java.util.Optional;

/** Where a measure stands, in the four words a Kreis uses (DOMAIN.md §12). */
public enum MeasureStatus {
    GEPLANT("geplant"),
    LAUFEND("laufend"),
    ABGESCHLOSSEN("abgeschlossen"),
    EINGESTELLT("eingestellt");

    private final String word;

    MeasureStatus(String word) {
        this.word = word;
    }

    /** The word authors write and the report prints. */
    public String word() {
        return word;
    }

    static Optional<MeasureStatus> of(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
    }

    static String allowed() {
        return String.join(
                ", ", Arrays.stream(values()).map(MeasureStatus::word).toList());
    }
}
