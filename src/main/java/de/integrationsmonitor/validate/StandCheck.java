package de.integrationsmonitor.validate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Checks a delivery's {@code Stand:}, the office's timestamp that decides which delivery of a cell is the newest. A
 * malformed or impossible one, or one after tomorrow, is an error finding with the line, and the delivery keeps no
 * timestamp: it never takes precedence over a delivery whose {@code Stand:} is real (one without wins only by being
 * ingested later among deliveries without one).
 */
public final class StandCheck {

    public static final String RULE_NOT_A_TIMESTAMP = "stand-not-a-timestamp";
    public static final String RULE_IN_THE_FUTURE = "stand-in-the-future";
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss");

    private StandCheck() {}

    /** The timestamp that may take part in supersession, and what was found. */
    public record Verdict(Optional<LocalDateTime> stand, Optional<Finding> finding) {}

    /**
     * @param line    the line of the {@code Stand:}
     * @param problem why the reader found no timestamp in it, if it did not
     * @param today   the day of ingestion; a Stand up to the end of tomorrow is accepted (time zones, clocks)
     */
    public static Verdict check(long line, Optional<LocalDateTime> stand, Optional<String> problem, LocalDate today) {
        if (problem.isPresent()) {
            return new Verdict(
                    Optional.empty(),
                    Optional.of(new Finding(
                            RULE_NOT_A_TIMESTAMP,
                            Severity.ERROR,
                            line,
                            "",
                            Optional.empty(),
                            problem.get() + "; the delivery is stored without a Stand and never takes"
                                    + " precedence over a delivery with a valid one")));
        }
        if (stand.isPresent() && stand.get().toLocalDate().isAfter(today.plusDays(1))) {
            return new Verdict(
                    Optional.empty(),
                    Optional.of(new Finding(
                            RULE_IN_THE_FUTURE,
                            Severity.ERROR,
                            line,
                            "",
                            Optional.empty(),
                            "Stand " + GERMAN.format(stand.get()) + " lies in the future (ingested on "
                                    + RegisterCheck.german(today)
                                    + "); the delivery is stored without a Stand and never takes"
                                    + " precedence over a delivery with a valid one")));
        }
        return new Verdict(stand, Optional.empty());
    }
}
