package de.integrationsmonitor.observation;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One cell of an office table: an exact number, the office's special symbol, or both
 * (e.g. {@code (12)} is a number of limited reliability, {@code 12p} a provisional one).
 * A cell without a number always carries the marker that says why.
 */
public record Cell(Optional<BigDecimal> number, String marker) {

    public Cell {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(marker, "marker");
        if (number.isEmpty() && marker.isEmpty()) {
            throw new IllegalArgumentException("a cell without a number needs a marker that says why");
        }
    }

    public static Cell of(BigDecimal number) {
        return new Cell(Optional.of(number), "");
    }

    public static Cell of(BigDecimal number, String marker) {
        return new Cell(Optional.of(number), marker);
    }

    public static Cell missing(Marker marker) {
        return new Cell(Optional.empty(), marker.symbol());
    }

    public boolean hasNumber() {
        return number.isPresent();
    }

    public boolean hasMarker() {
        return !marker.isEmpty();
    }
}
