package de.integrationsmonitor.indicator;

import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.KreisSuccession;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Kreis's time series shown at one chosen Gebietsstand. Values are computed at the Gebietsstand of their own
 * reference date; for a year in which the Kreis did not exist yet, its value is rebuilt from its predecessors
 * through the register's crosswalk: each predecessor weighted by the share of its population that went to the
 * Kreis times its base (the indicator's denominator, or the population where the indicator has none). For a ratio
 * this equals the ratio of the weighted sums of numerators and denominators.
 */
public final class GebietsstandSeries {

    private final KreisRegister register;

    public GebietsstandSeries(KreisRegister register) {
        this.register = register;
    }

    /** One year of the series, and whether (and from which Kreise) it was converted. */
    public record Point(int year, LocalDate referenceDate, Optional<BigDecimal> value, String marker,
                        Map<String, BigDecimal> convertedFrom, Optional<IndicatorValue> own) {

        public boolean converted() {
            return !convertedFrom.isEmpty();
        }

        /** The Kreis's own value with its comparisons, or the rebuilt value (which has none). */
        public IndicatorValue asValue(String indicatorId, String ags) {
            return own.orElseGet(() -> new IndicatorValue(indicatorId, ags, referenceDate, String.valueOf(year),
                    value, marker, Optional.empty(), Optional.empty(), false));
        }

        /** For a report: "umgerechnet aus 15101 (100 %), 15151 (20,2 %)". */
        public String note() {
            if (!converted()) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            convertedFrom.forEach((ags, share) -> parts.add(ags + " (" + share.multiply(BigDecimal.valueOf(100))
                    .setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString().replace('.', ',')
                    + " %)"));
            return "umgerechnet aus " + String.join(", ", parts);
        }
    }

    /** One Kreis's value of one indicator and year at the chosen Gebietsstand. */
    public record Row(String indicatorId, String ags, Point point) {
        public IndicatorValue value() {
            return point.asValue(indicatorId, ags);
        }
    }

    /**
     * Every indicator's series for every Kreis that exists on {@code gebietsstand} (or just the one asked for), in
     * the order Kreis, indicator, year.
     */
    public List<Row> atGebietsstand(LocalDate gebietsstand, Optional<String> onlyKreis,
                                    Map<String, List<IndicatorValue>> valuesByIndicator,
                                    Map<String, BigDecimal> population) {
        List<Row> rows = new ArrayList<>();
        for (de.integrationsmonitor.region.Kreis kreis : register.kreiseOn(gebietsstand)) {
            if (onlyKreis.isPresent() && !onlyKreis.get().equals(kreis.ags())) {
                continue;
            }
            new TreeMap<>(valuesByIndicator).forEach((indicator, values) -> series(kreis.ags(), gebietsstand, values,
                    population).forEach(p -> rows.add(new Row(indicator, kreis.ags(), p))));
        }
        return rows;
    }

    /**
     * The Kreis's series in the territory it has on {@code gebietsstand}: its own values where it had that
     * territory, values rebuilt from its predecessors where it did not (also where it kept its code with another
     * territory, as the Main-Kinzig-Kreis before Hanau left it).
     *
     * @param values     the indicator's values of all regions and years
     * @param population population per region and year ({@code ags|year}), the weight where a value has no
     *                   denominator; may be empty
     */
    public List<Point> series(String ags, LocalDate gebietsstand, List<IndicatorValue> values,
                              Map<String, BigDecimal> population) {
        Optional<de.integrationsmonitor.region.Kreis> territory = register.versionOn(ags, gebietsstand);
        Map<String, IndicatorValue> byRegionYear = new HashMap<>();
        Map<Integer, LocalDate> years = new TreeMap<>();
        for (IndicatorValue v : values) {
            byRegionYear.put(v.regionCode() + "|" + v.year(), v);
            years.putIfAbsent(v.year(), v.referenceDate());
        }
        List<Point> points = new ArrayList<>();
        years.forEach((year, date) -> {
            IndicatorValue own = byRegionYear.get(ags + "|" + year);
            if (territory.isPresent() && territory.get().existsOn(date)) {
                if (own != null) {
                    points.add(new Point(year, own.referenceDate(), own.value(), own.marker(), Map.of(),
                            Optional.of(own)));
                }
                return;
            }
            territory.flatMap(t -> contributors(t, date)).ifPresent(shares -> convert(year, date, shares,
                    byRegionYear, population).ifPresent(points::add));
        });
        return points;
    }

    private Optional<Point> convert(int year, LocalDate date, Map<String, BigDecimal> shares,
                                    Map<String, IndicatorValue> byRegionYear, Map<String, BigDecimal> population) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> share : shares.entrySet()) {
            IndicatorValue part = byRegionYear.get(share.getKey() + "|" + year);
            if (part == null) {
                return Optional.empty();
            }
            if (part.value().isEmpty()) {
                return Optional.of(new Point(year, date, Optional.empty(), part.marker(), shares, Optional.empty()));
            }
            Optional<BigDecimal> base = part.denominator()
                    .or(() -> Optional.ofNullable(population.get(share.getKey() + "|" + year)));
            if (base.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal weight = share.getValue().multiply(base.get());
            weighted = weighted.add(weight.multiply(part.value().get()));
            weights = weights.add(weight);
        }
        if (weights.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Point(year, date, Optional.of(weighted.divide(weights, MathContext.DECIMAL128)
                .setScale(IndicatorCalculator.SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros()), "", shares,
                Optional.empty()));
    }

    /**
     * The Kreise that existed on {@code date} and the share of their population that went, through one or more
     * reforms, to the territory {@code ags} has on {@code gebietsstand}; empty where the register knows no
     * predecessor for a territory on the way.
     */
    Optional<Map<String, BigDecimal>> contributors(String ags, LocalDate gebietsstand, LocalDate date) {
        return register.versionOn(ags, gebietsstand).flatMap(territory -> contributors(territory, date));
    }

    private Optional<Map<String, BigDecimal>> contributors(de.integrationsmonitor.region.Kreis territory,
                                                           LocalDate date) {
        if (territory.existsOn(date)) {
            return Optional.of(Map.of(territory.ags(), BigDecimal.ONE));
        }
        List<KreisSuccession> predecessors = register.predecessorsOf(territory);
        if (predecessors.isEmpty() || !date.isBefore(territory.validFrom())) {
            return Optional.empty();
        }
        Map<String, BigDecimal> shares = new TreeMap<>();
        for (KreisSuccession s : predecessors) {
            Optional<Map<String, BigDecimal>> earlier = contributors(register.oldVersionOf(s), date);
            if (earlier.isEmpty()) {
                return Optional.empty();
            }
            earlier.get().forEach((old, share) -> shares.merge(old, share.multiply(s.share()), BigDecimal::add));
        }
        return Optional.of(shares);
    }
}
