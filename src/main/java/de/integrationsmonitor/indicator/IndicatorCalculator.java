package de.integrationsmonitor.indicator;

import de.integrationsmonitor.indicator.InputCells.Key;
import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.StoredObservation;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.Land;
import de.integrationsmonitor.region.PublishedGebietsstand;
import de.integrationsmonitor.region.RegionLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Computes one indicator for Germany, every Land and every Kreis the office reports for each period its first
 * input covers. A Kreis counts for a period when it existed during the whole period, or when the office published
 * figures for it (a Kreis dissolved during a school year or a year of annual averages; a Kreis back-calculated at a
 * later Gebietsstand). Each Kreis value records the Gebietsstand the office used, so that comparisons never mix
 * territories. Inputs are matched by reference year (with their offset). Markers propagate: a secret or missing
 * input gives a marked result, never a number made from a gap.
 */
public final class IndicatorCalculator {

    /** Stored precision of indicator values: far below any published rounding. */
    public static final int SCALE = 12;

    private final KreisRegister register;
    private final PublishedGebietsstand published;
    private final List<String> kreisCodes;

    public IndicatorCalculator(KreisRegister register) {
        this.register = register;
        this.published = new PublishedGebietsstand(register);
        this.kreisCodes = register.kreise().stream().map(Kreis::ags).distinct().toList();
    }

    /** The indicator over rows given at once: each input takes the rows of its table it selects. */
    public List<IndicatorValue> compute(
            IndicatorDefinition indicator, Function<InputSpec, List<StoredObservation>> observations) {
        Map<String, InputCells> cells = new LinkedHashMap<>();
        for (InputSpec input : indicator.inputs()) {
            cells.put(input.name(), InputCells.of(input, observations.apply(input)));
        }
        return compute(indicator, cells);
    }

    /** The indicator over its inputs' cells, summed as they were read ({@link InputCells}), by input name. */
    List<IndicatorValue> compute(IndicatorDefinition indicator, Map<String, InputCells> inputCells) {
        Map<String, Map<Key, Cell>> inputs = new LinkedHashMap<>();
        Set<String> notCounts = new HashSet<>();
        Map<Integer, Period> periodOfYear =
                inputCells.get(indicator.primaryInput().name()).periodOfYear();
        for (InputSpec input : indicator.inputs()) {
            InputCells read = inputCells.get(input.name());
            if (read.hasNonCounts()) {
                notCounts.add(input.name());
            }
            Map<Key, Cell> sums = read.sums();
            if (read.allCounts()) {
                addMissingUpperLevels(sums, read.periodOfYear());
            }
            inputs.put(input.name(), sums);
        }
        List<IndicatorValue> values = new ArrayList<>();
        for (Map.Entry<Integer, Period> entry : periodOfYear.entrySet()) {
            int year = entry.getKey();
            Period period = entry.getValue();
            List<IndicatorValue> kreisValues = new ArrayList<>();
            for (String region :
                    regions(year, inputs.get(indicator.primaryInput().name()))) {
                Map<String, Cell> cells = new HashMap<>();
                for (InputSpec input : indicator.inputs()) {
                    lookup(inputs.get(input.name()), region, year + input.offsetYears())
                            .ifPresent(c -> cells.put(input.name(), c));
                }
                if (cells.size() == indicator.inputs().size()) {
                    IndicatorValue v = value(indicator, region, period, cells, notCounts);
                    (isKreis(region) ? kreisValues : values).add(v);
                }
            }
            values.addAll(atPublishedGebietsstand(kreisValues, period));
        }
        return values;
    }

    /**
     * Germany, the Länder, and every Kreis the first input has a cell for in that year. The store keeps a Kreis's
     * cells of a period only where the office reported it for that period (a Kreis that did not exist for the
     * whole period and has no figure in its line is not reported there), so these are the Kreise the office
     * published, at whatever Gebietsstand.
     */
    private List<String> regions(int year, Map<Key, Cell> primary) {
        List<String> regions = new ArrayList<>();
        regions.add("DG");
        register.laender().stream().map(Land::code).forEach(regions::add);
        for (String ags : kreisCodes) {
            if (lookup(primary, ags, year).isPresent()) {
                regions.add(ags);
            }
        }
        return regions;
    }

    /** The Kreis values of one period, each with the Gebietsstand the office used for its Land. */
    private List<IndicatorValue> atPublishedGebietsstand(List<IndicatorValue> kreisValues, Period period) {
        Map<String, Set<String>> reportedByLand = new TreeMap<>();
        kreisValues.forEach(v -> reportedByLand
                .computeIfAbsent(v.regionCode().substring(0, 2), k -> new TreeSet<>())
                .add(v.regionCode()));
        Map<String, LocalDate> gebietsstand = new HashMap<>();
        reportedByLand.forEach(
                (land, reported) -> gebietsstand.putAll(published.of(land, period.start(), period.end(), reported)));
        return kreisValues.stream()
                .map(v -> v.withGebietsstand(gebietsstand.getOrDefault(v.regionCode(), period.end())))
                .toList();
    }

    private static boolean isKreis(String region) {
        return RegionLevel.of(region).orElse(null) == RegionLevel.KREIS;
    }

    /** A Kreis's value, or for Berlin and Hamburg the value the classic files give under the Land code. */
    private Optional<Cell> lookup(Map<Key, Cell> cells, String region, int year) {
        Optional<Cell> direct = Optional.ofNullable(cells.get(new Key(region, year)));
        if (direct.isPresent()) {
            return direct;
        }
        return register.classicAliasOf(region).map(alias -> cells.get(new Key(alias, year)));
    }

    /**
     * The indicator from its inputs. An office '-' counts as zero in counts ("nichts vorhanden"); in a rate or an
     * amount it means no figure was published (e.g. the unemployment rate of foreigners before 2009), so the
     * result is '-' without a number.
     */
    static IndicatorValue value(
            IndicatorDefinition indicator,
            String region,
            Period period,
            Map<String, Cell> cells,
            Set<String> notCounts) {
        boolean unpublishedRate = notCounts.stream()
                .map(cells::get)
                .anyMatch(c -> !c.hasNumber() && c.marker().equals(Marker.NOTHING.symbol()));
        Cell result = unpublishedRate
                ? Cell.missing(Marker.NOTHING)
                : indicator.formula().evaluate(cells);
        Optional<BigDecimal> value = result.number()
                .map(v -> v.setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros());
        Optional<BigDecimal> denominator = indicator.denominator().flatMap(d -> InputCells.countable(cells.get(d)));
        boolean smallBase = value.isPresent()
                && denominator.isPresent()
                && indicator
                        .minimumDenominator()
                        .map(min -> denominator.get().compareTo(min) < 0)
                        .orElse(false);
        return new IndicatorValue(
                indicator.id(),
                region,
                period,
                period.end(),
                value,
                result.marker(),
                InputCells.countable(cells.get(indicator.primaryInput().name())),
                denominator,
                smallBase);
    }

    /**
     * Some tables (e.g. ffcsv extracts of the Kreis level) have no rows for the Länder and Germany. For counts,
     * their values are the sums of the Kreise: a Land only when every Kreis of one Gebietsstand of it has a value
     * (never a mix of old and new Kreise, never part of them), Germany only when every Land has one.
     */
    private void addMissingUpperLevels(Map<Key, Cell> sums, Map<Integer, Period> periods) {
        Map<Integer, Map<String, Set<String>>> kreiseByYearAndLand = new HashMap<>();
        for (Key key : sums.keySet()) {
            if (isKreis(key.region())) {
                kreiseByYearAndLand
                        .computeIfAbsent(key.year(), y -> new HashMap<>())
                        .computeIfAbsent(key.region().substring(0, 2), l -> new TreeSet<>())
                        .add(key.region());
            }
        }
        for (Map.Entry<Integer, Period> year : periods.entrySet()) {
            Period period = year.getValue();
            for (Land land : register.laender()) {
                Key key = new Key(land.code(), year.getKey());
                Set<String> reported = kreiseByYearAndLand
                        .getOrDefault(year.getKey(), Map.of())
                        .getOrDefault(land.code(), Set.of());
                if (!sums.containsKey(key) && !reported.isEmpty()) {
                    landSum(land.code(), period, reported, sums, year.getKey()).ifPresent(sum -> sums.put(key, sum));
                }
            }
            Key germany = new Key("DG", year.getKey());
            if (!sums.containsKey(germany)) {
                sumOf(register.laender().stream().map(Land::code).toList(), sums, year.getKey())
                        .ifPresent(sum -> sums.put(germany, sum));
            }
        }
    }

    /** The sum of the Land's largest group of Kreise of one Gebietsstand, if that group is the whole Land. */
    private Optional<Cell> landSum(String land, Period period, Set<String> reported, Map<Key, Cell> sums, int year) {
        Map<String, LocalDate> groups = published.of(land, period.start(), period.end(), reported);
        Map<LocalDate, Set<String>> members = new LinkedHashMap<>();
        groups.forEach(
                (ags, day) -> members.computeIfAbsent(day, d -> new TreeSet<>()).add(ags));
        return members.entrySet().stream()
                .findFirst()
                .filter(group -> published.complete(land, group.getKey(), group.getValue()))
                .flatMap(group -> sumOf(List.copyOf(group.getValue()), sums, year));
    }

    private Optional<Cell> sumOf(List<String> regions, Map<Key, Cell> sums, int year) {
        BigDecimal total = BigDecimal.ZERO;
        for (String region : regions) {
            Optional<BigDecimal> value = lookup(sums, region, year).flatMap(InputCells::countable);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            total = total.add(value.get());
        }
        return regions.isEmpty() ? Optional.empty() : Optional.of(Cell.of(total));
    }
}
