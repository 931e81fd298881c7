package de.integrationsmonitor.report.fill;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One cell of a report table: an unrounded value, an office symbol (DOMAIN.md §2.3), or both.
 *
 * <p>A missing value always carries the symbol that says why ({@code .} secret, {@code -} nothing,
 * {@code x} locked, {@code /} not reliable, {@code ...} later); a present value may carry one that
 * qualifies it ({@code p}, {@code r}, {@code s}, {@code e}, {@code ()}). No accessor returns null.
 *
 * @param value  the unrounded value, absent when the office withheld or lacks it
 * @param marker the office symbol, {@code ""} when there is none
 */
public record Figure(Optional<BigDecimal> value, String marker) {

    public Figure {
        Objects.requireNonNull(value, "value");
        marker = marker == null ? "" : marker.strip();
        if (value.isEmpty() && marker.isEmpty()) {
            throw new IllegalArgumentException(
                    "A missing value needs the office symbol that explains it (e.g. \".\" or \"-\")");
        }
    }

    /** A plain value without a symbol. */
    public static Figure of(BigDecimal value) {
        return new Figure(Optional.of(Objects.requireNonNull(value, "value")), "");
    }

    /** A value the office qualifies, e.g. {@code p} (vorläufig) or {@code ()} (Aussagewert eingeschränkt). */
    public static Figure marked(BigDecimal value, String marker) {
        Objects.requireNonNull(value, "value");
        if (marker == null || marker.isBlank()) {
            throw new IllegalArgumentException("A marked value needs a symbol; use Figure.of for a plain value");
        }
        return new Figure(Optional.of(value), marker);
    }

    /** No value, only the office symbol that replaces it, e.g. {@code .} for secret. */
    public static Figure missing(String marker) {
        if (marker == null || marker.isBlank()) {
            throw new IllegalArgumentException("A missing value needs the office symbol that explains it");
        }
        return new Figure(Optional.empty(), marker);
    }

    /** The symbol, if any. */
    public Optional<String> markerIfAny() {
        return marker.isEmpty() ? Optional.empty() : Optional.of(marker);
    }

    public boolean isPresent() {
        return value.isPresent();
    }
}
