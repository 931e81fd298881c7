package de.integrationsmonitor.indicator;

import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.KreisSuccession;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Kreis's time series shown at one chosen Gebietsstand. Values are computed at the Gebietsstand the office
 * published them at; for a year in which the Kreis did not have its territory of the chosen Gebietsstand (it was
 * formed later, or it kept its code with another territory), its value is rebuilt from its predecessors through
 * the register's crosswalk: each predecessor weighted by the share of its population that went to the Kreis times
 * its base (the indicator's denominator, or the population where the indicator has none). For a ratio this equals
 * the ratio of the weighted sums of numerators and denominators.
 */
public final class GebietsstandSeries {

    private final KreisRegister register;
    /** By the identity of the list of values: the same list is asked about for every Kreis. */
    private final Map<List<IndicatorValue>, Index> indexes = new java.util.IdentityHashMap<>();

    public GebietsstandSeries(KreisRegister register) {
        this.register = register;
    }

    /**
     * One year of the series, and whether (and from which Kreise) it was converted.
     *
     * @param published the Gebietsstand at which the office published the value or the values it was rebuilt from
     */
    public record Point(
            int year,
            Period period,
            Optional<BigDecimal> value,
            String marker,
            Map<String, BigDecimal> convertedFrom,
            Optional<IndicatorValue> own,
            LocalDate published) {

        public boolean converted() {
            return !convertedFrom.isEmpty();
        }

        public LocalDate referenceDate() {
            return period.referenceDate();
        }

        /** The Kreis's own value with its comparisons, or the rebuilt value (which has none). */
        public IndicatorValue asValue(String indicatorId, String ags, LocalDate gebietsstand) {
            return own.orElseGet(() -> new IndicatorValue(
                    indicatorId, ags, period, gebietsstand, value, marker, Optional.empty(), Optional.empty(), false));
        }

        /** For a report: "umgerechnet aus 15101 (100 %), 15151 (20,2 %)". */
        public String note() {
            if (!converted()) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            convertedFrom.forEach((ags, share) -> parts.add(ags + " ("
                    + share.multiply(BigDecimal.valueOf(100))
                            .setScale(1, RoundingMode.HALF_UP)
                            .stripTrailingZeros()
                            .toPlainString()
                            .replace('.', ',')
                    + " %)"));
            return "umgerechnet aus " + String.join(", ", parts);
        }
    }

    /** One Kreis's value of one indicator and year at the chosen Gebietsstand. */
    public record Row(String indicatorId, String ags, LocalDate gebietsstand, Point point) {
        public IndicatorValue value() {
            return point.asValue(indicatorId, ags, gebietsstand);
        }
    }

    /**
     * Every indicator's series for every Kreis that exists on {@code gebietsstand} (or just the one asked for), in
     * the order Kreis, indicator, year.
     */
    public List<Row> atGebietsstand(
            LocalDate gebietsstand,
            Optional<String> onlyKreis,
            Map<String, List<IndicatorValue>> valuesByIndicator,
            Map<String, BigDecimal> population) {
        List<Row> rows = new ArrayList<>();
        for (Kreis kreis : register.kreiseOn(gebietsstand)) {
            if (onlyKreis.isPresent() && !onlyKreis.get().equals(kreis.ags())) {
                continue;
            }
            new TreeMap<>(valuesByIndicator)
                    .forEach((indicator, values) -> series(kreis.ags(), gebietsstand, values, population)
                            .forEach(p -> rows.add(new Row(indicator, kreis.ags(), gebietsstand, p))));
        }
        return rows;
    }

    /**
     * The Kreis's series in the territory it has on {@code gebietsstand}: its own values where the office published
     * them for that territory, values rebuilt from its predecessors where it did not have it (also where it kept
     * its code with another territory, as the Main-Kinzig-Kreis before Hanau left it).
     *
     * @param values     the indicator's values of all regions and years
     * @param population population per region and year ({@code ags|year}), the weight where a value has no
     *                   denominator; may be empty
     */
    public List<Point> series(
            String ags, LocalDate gebietsstand, List<IndicatorValue> values, Map<String, BigDecimal> population) {
        Optional<Kreis> territory = register.versionOn(ags, gebietsstand);
        if (territory.isEmpty()) {
            return List.of();
        }
        Index index = index(values);
        Map<String, IndicatorValue> byRegionYear = index.byRegionYear();
        Map<Integer, Period> years = index.years();
        Map<Integer, List<LocalDate>> publishedInLand =
                index.publishedByLand().getOrDefault(territory.get().landCode(), Map.of());
        List<Point> points = new ArrayList<>();
        years.forEach((year, period) -> {
            IndicatorValue own = byRegionYear.get(ags + "|" + year);
            if (own != null && territory.equals(register.versionOn(ags, own.gebietsstand()))) {
                points.add(new Point(
                        year, own.period(), own.value(), own.marker(), Map.of(), Optional.of(own), own.gebietsstand()));
                return;
            }
            LocalDate published =
                    mostCommon(publishedInLand.getOrDefault(year, List.of())).orElse(period.end());
            if (territory.get().existsOn(published)) {
                return; // the Kreis had this territory then, but the office published no value for it
            }
            contributors(territory.get(), published)
                    .ifPresent(shares -> convert(year, period, published, shares, byRegionYear, population)
                            .ifPresent(points::add));
        });
        return points;
    }

    /**
     * An indicator's values arranged for {@link #series}: by region and year, the period of each year (the first
     * value's), and per Land and year the Gebietsstände of its Kreise's values, in the order of the values.
     */
    private record Index(
            Map<String, IndicatorValue> byRegionYear,
            Map<Integer, Period> years,
            Map<String, Map<Integer, List<LocalDate>>> publishedByLand) {}

    /**
     * The index of a list of values, made once per list (the lists are the computation's, not changed once made):
     * a report asks for the series of every Kreis, and arranging every value again for each was most of the cost.
     */
    private Index index(List<IndicatorValue> values) {
        synchronized (indexes) {
            Index known = indexes.get(values);
            if (known != null) {
                return known;
            }
        }
        Map<String, IndicatorValue> byRegionYear = new HashMap<>();
        Map<Integer, Period> years = new TreeMap<>();
        Map<String, Map<Integer, List<LocalDate>>> publishedByLand = new HashMap<>();
        for (IndicatorValue v : values) {
            byRegionYear.put(v.regionCode() + "|" + v.year(), v);
            years.putIfAbsent(v.year(), v.period());
            if (v.regionCode().length() == 5) {
                publishedByLand
                        .computeIfAbsent(v.regionCode().substring(0, 2), l -> new HashMap<>())
                        .computeIfAbsent(v.year(), y -> new ArrayList<>())
                        .add(v.gebietsstand());
            }
        }
        Index made = new Index(byRegionYear, years, publishedByLand);
        synchronized (indexes) {
            indexes.put(values, made);
        }
        return made;
    }

    /** The Gebietsstand most of the Land's values of a year stand at: the one the office used for the Land. */
    private static Optional<LocalDate> mostCommon(List<LocalDate> days) {
        return days.stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.<LocalDate, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey);
    }

    private Optional<Point> convert(
            int year,
            Period period,
            LocalDate published,
            Map<String, BigDecimal> shares,
            Map<String, IndicatorValue> byRegionYear,
            Map<String, BigDecimal> population) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> share : shares.entrySet()) {
            IndicatorValue part = byRegionYear.get(share.getKey() + "|" + year);
            if (part == null
                    || !register.versionOn(share.getKey(), part.gebietsstand())
                            .equals(register.versionOn(share.getKey(), published))) {
                return Optional.empty();
            }
            if (part.value().isEmpty()) {
                return Optional.of(
                        new Point(year, period, Optional.empty(), part.marker(), shares, Optional.empty(), published));
            }
            Optional<BigDecimal> base =
                    part.denominator().or(() -> Optional.ofNullable(population.get(share.getKey() + "|" + year)));
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
        return Optional.of(new Point(
                year,
                period,
                Optional.of(weighted.divide(weights, MathContext.DECIMAL128)
                        .setScale(IndicatorCalculator.SCALE, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros()),
                "",
                shares,
                Optional.empty(),
                published));
    }

    /**
     * The Kreise that existed on {@code date} and the share of their population that went, through one or more
     * reforms, to the territory {@code ags} has on {@code gebietsstand}; empty where the register knows no
     * predecessor for a territory on the way.
     */
    Optional<Map<String, BigDecimal>> contributors(String ags, LocalDate gebietsstand, LocalDate date) {
        return register.versionOn(ags, gebietsstand).flatMap(territory -> contributors(territory, date));
    }

    private Optional<Map<String, BigDecimal>> contributors(Kreis territory, LocalDate date) {
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
