package de.integrationsmonitor.indicator;

import de.integrationsmonitor.observation.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An indicator for one region and period. Without a number, the marker says why (the office's symbol carried
 * forward from a marked input); {@code smallBase} flags a value whose denominator is below the catalogue's minimum.
 * The comparisons are filled in once every region of the year is computed.
 *
 * @param period       the period of the indicator's first input: its kind, interval and label
 * @param gebietsstand the Gebietsstand at which the office published the value: the end of the period for a Kreis
 *                     that existed then, an earlier day for one dissolved during the period (the last day the
 *                     office's Kreise of that Land existed together), a later one for a value back-calculated for
 *                     a Kreis formed later; Land and Germany values stand at the end of the period
 */
public record IndicatorValue(
        String indicatorId,
        String regionCode,
        Period period,
        LocalDate gebietsstand,
        Optional<BigDecimal> value,
        String marker,
        Optional<BigDecimal> numerator,
        Optional<BigDecimal> denominator,
        boolean smallBase,
        Comparison comparison) {

    public IndicatorValue(
            String indicatorId,
            String regionCode,
            Period period,
            LocalDate gebietsstand,
            Optional<BigDecimal> value,
            String marker,
            Optional<BigDecimal> numerator,
            Optional<BigDecimal> denominator,
            boolean smallBase) {
        this(
                indicatorId,
                regionCode,
                period,
                gebietsstand,
                value,
                marker,
                numerator,
                denominator,
                smallBase,
                Comparison.NONE);
    }

    /** The last day of the period. */
    public LocalDate referenceDate() {
        return period.referenceDate();
    }

    public int year() {
        return period.year();
    }

    /** Whether the office published this value at another Gebietsstand than that of the end of its period. */
    public boolean atOtherGebietsstand() {
        return !gebietsstand.equals(period.end());
    }

    public IndicatorValue with(Comparison comparison) {
        return new IndicatorValue(
                indicatorId,
                regionCode,
                period,
                gebietsstand,
                value,
                marker,
                numerator,
                denominator,
                smallBase,
                comparison);
    }

    public IndicatorValue withGebietsstand(LocalDate gebietsstand) {
        return new IndicatorValue(
                indicatorId,
                regionCode,
                period,
                gebietsstand,
                value,
                marker,
                numerator,
                denominator,
                smallBase,
                comparison);
    }

    /** What a report shows beside the value: the Land and Germany, the rank in the Land, the five-year change. */
    public record Comparison(
            Optional<BigDecimal> landValue,
            Optional<BigDecimal> germanyValue,
            Optional<Integer> rankInLand,
            Optional<Integer> kreiseInLand,
            Optional<BigDecimal> change5y,
            Optional<Integer> cluster) {

        public static final Comparison NONE = new Comparison(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        public Comparison withCluster(Optional<Integer> cluster) {
            return new Comparison(landValue, germanyValue, rankInLand, kreiseInLand, change5y, cluster);
        }
    }
}
