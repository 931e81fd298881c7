package de.integrationsmonitor.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An indicator for one region and reference date. Without a number, the marker says why (the office's symbol
 * carried forward from a marked input); {@code smallBase} flags a value whose denominator is below the
 * catalogue's minimum.
 */
public record IndicatorValue(String indicatorId, String regionCode, LocalDate referenceDate, String period,
                             Optional<BigDecimal> value, String marker, Optional<BigDecimal> numerator,
                             Optional<BigDecimal> denominator, boolean smallBase) {
}
