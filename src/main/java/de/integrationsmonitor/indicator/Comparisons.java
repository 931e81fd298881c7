package de.integrationsmonitor.indicator;

import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.RegionLevel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts each value beside what a report compares it with: the Land and Germany in the same year, the rank among the
 * Kreise of the Land the office reported at the same Gebietsstand (1 = best; for neutral indicators 1 = highest),
 * and the change over five years of the same territory.
 */
public final class Comparisons {

    private Comparisons() {}

    /**
     * @param register tells whether a Kreis had the same territory five years before (a Kreis that kept its code
     *                 with another territory gets no five-year change across the change)
     */
    public static List<IndicatorValue> compare(
            IndicatorDefinition indicator, List<IndicatorValue> values, KreisRegister register) {
        Map<String, IndicatorValue> byRegionYear = new HashMap<>();
        Map<String, List<BigDecimal>> kreisValuesByLandYear = new HashMap<>();
        for (IndicatorValue v : values) {
            byRegionYear.put(key(v.regionCode(), v.year()), v);
            if (isKreis(v.regionCode()) && v.value().isPresent()) {
                kreisValuesByLandYear
                        .computeIfAbsent(rankGroup(v), k -> new ArrayList<>())
                        .add(v.value().get());
            }
        }
        // each group sorted once: a rank is then two binary searches, not a pass over the group
        Map<String, BigDecimal[]> sortedByGroup = new HashMap<>();
        kreisValuesByLandYear.forEach((group, list) -> {
            BigDecimal[] sorted = list.toArray(BigDecimal[]::new);
            java.util.Arrays.sort(sorted, BigDecimal::compareTo);
            sortedByGroup.put(group, sorted);
        });
        List<IndicatorValue> compared = new ArrayList<>(values.size());
        for (IndicatorValue v : values) {
            Optional<BigDecimal> landValue = isKreis(v.regionCode())
                    ? valueOf(byRegionYear.get(key(land(v.regionCode()), v.year())))
                    : Optional.empty();
            Optional<BigDecimal> germanyValue =
                    v.regionCode().equals("DG") ? Optional.empty() : valueOf(byRegionYear.get(key("DG", v.year())));
            Optional<Integer> rank = Optional.empty();
            Optional<Integer> kreise = Optional.empty();
            if (isKreis(v.regionCode()) && v.value().isPresent()) {
                BigDecimal[] others = sortedByGroup.get(rankGroup(v));
                rank = Optional.of(
                        1 + better(indicator.direction(), others, v.value().get()));
                kreise = Optional.of(others.length);
            }
            IndicatorValue fiveYearsBefore = byRegionYear.get(key(v.regionCode(), v.year() - 5));
            Optional<BigDecimal> change = sameTerritory(v, fiveYearsBefore, register)
                    ? v.value()
                            .flatMap(now ->
                                    valueOf(fiveYearsBefore).flatMap(before -> change(indicator.change(), now, before)))
                    : Optional.empty();
            compared.add(v.with(
                    new IndicatorValue.Comparison(landValue, germanyValue, rank, kreise, change, Optional.empty())));
        }
        return compared;
    }

    /** The Kreise ranked together: those of one Land the office reported at one Gebietsstand in one year. */
    private static String rankGroup(IndicatorValue v) {
        return key(land(v.regionCode()), v.year()) + "|" + v.gebietsstand();
    }

    private static boolean sameTerritory(IndicatorValue now, IndicatorValue before, KreisRegister register) {
        if (before == null || !isKreis(now.regionCode())) {
            return before != null;
        }
        Optional<Kreis> territoryNow = register.versionOn(now.regionCode(), now.gebietsstand());
        return territoryNow.isPresent()
                && territoryNow.equals(register.versionOn(before.regionCode(), before.gebietsstand()));
    }

    /**
     * How many of the ascending {@code sorted} rank before {@code value}: the higher ones, unless higher is worse
     * (then the lower ones); equal values rank alike.
     */
    private static int better(Direction direction, BigDecimal[] sorted, BigDecimal value) {
        return direction == Direction.HIGHER_IS_WORSE
                ? firstNotBelow(sorted, value)
                : sorted.length - firstAbove(sorted, value);
    }

    /** The index of the first element not below {@code value}: the count of those below it. */
    private static int firstNotBelow(BigDecimal[] sorted, BigDecimal value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle].compareTo(value) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The index of the first element above {@code value}. */
    private static int firstAbove(BigDecimal[] sorted, BigDecimal value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle].compareTo(value) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    static Optional<BigDecimal> change(ChangeKind kind, BigDecimal now, BigDecimal before) {
        if (kind == ChangeKind.POINTS) {
            return Optional.of(now.subtract(before).stripTrailingZeros());
        }
        if (before.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(now.subtract(before)
                .multiply(BigDecimal.valueOf(100))
                .divide(before, MathContext.DECIMAL128)
                .setScale(IndicatorCalculator.SCALE, RoundingMode.HALF_EVEN)
                .stripTrailingZeros());
    }

    private static Optional<BigDecimal> valueOf(IndicatorValue v) {
        return v == null ? Optional.empty() : v.value();
    }

    private static boolean isKreis(String region) {
        return RegionLevel.of(region).orElse(null) == RegionLevel.KREIS;
    }

    private static String land(String kreis) {
        return kreis.substring(0, 2);
    }

    private static String key(String region, int year) {
        return region + "|" + year;
    }
}
