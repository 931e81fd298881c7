package de.integrationsmonitor.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An indicator for one region and reference date. Without a number, the marker says why (the office's symbol
 * carried forward from a marked input); {@code smallBase} flags a value whose denominator is below the
 * catalogue's minimum. The comparisons are filled in once every region of the year is computed.
 */
public record IndicatorValue(String indicatorId, String regionCode, LocalDate referenceDate, String period,
                             Optional<BigDecimal> value, String marker, Optional<BigDecimal> numerator,
                             Optional<BigDecimal> denominator, boolean smallBase, Comparison comparison) {

    public IndicatorValue(String indicatorId, String regionCode, LocalDate referenceDate, String period,
                          Optional<BigDecimal> value, String marker, Optional<BigDecimal> numerator,
                          Optional<BigDecimal> denominator, boolean smallBase) {
        this(indicatorId, regionCode, referenceDate, period, value, marker, numerator, denominator, smallBase,
                Comparison.NONE);
    }

    public int year() {
        return referenceDate.getYear();
    }

    public IndicatorValue with(Comparison comparison) {
        return new IndicatorValue(indicatorId, regionCode, referenceDate, period, value, marker, numerator,
                denominator, smallBase, comparison);
    }

    /** What a report shows beside the value: the Land and Germany, the rank in the Land, the five-year change. */
    public record Comparison(Optional<BigDecimal> landValue, Optional<BigDecimal> germanyValue,
                             Optional<Integer> rankInLand, Optional<Integer> kreiseInLand,
                             Optional<BigDecimal> change5y, Optional<Integer> cluster) {

        public static final Comparison NONE = new Comparison(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        public Comparison withCluster(Optional<Integer> cluster) {
            return new Comparison(landValue, germanyValue, rankInLand, kreiseInLand, change5y, cluster);
        }
    }
}
