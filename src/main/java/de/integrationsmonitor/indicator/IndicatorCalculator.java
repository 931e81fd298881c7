package de.integrationsmonitor.indicator;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.Land;
import de.integrationsmonitor.observation.StoredObservation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes one indicator for Germany, every Land and every Kreis that exists at each reference date its first
 * input covers, at the Gebietsstand of that date. Inputs are matched by reference year (with their offset).
 * Markers propagate: a secret or missing input gives a marked result, never a number made from a gap.
 */
public final class IndicatorCalculator {

    /** Stored precision of indicator values: far below any published rounding. */
    public static final int SCALE = 12;

    private final KreisRegister register;

    public IndicatorCalculator(KreisRegister register) {
        this.register = register;
    }

    public List<IndicatorValue> compute(IndicatorDefinition indicator,
                                        Function<InputSpec, List<StoredObservation>> observations) {
        Map<String, Map<Key, Cell>> inputs = new LinkedHashMap<>();
        Set<String> notCounts = new java.util.HashSet<>();
        Map<Integer, StoredObservation> firstOfYear = new TreeMap<>();
        for (InputSpec input : indicator.inputs()) {
            List<StoredObservation> rows = observations.apply(input).stream()
                    .filter(o -> input.selects(o.variablePath())).toList();
            if (input == indicator.primaryInput()) {
                rows.forEach(o -> firstOfYear.putIfAbsent(o.referenceDate().getYear(), o));
            }
            if (rows.stream().anyMatch(o -> !o.unit().equals("Anzahl"))) {
                notCounts.add(input.name());
            }
            Map<Key, Cell> sums = summed(rows, input.matching().isEmpty() ? input.variables().size() : 0);
            addMissingUpperLevels(sums, rows);
            inputs.put(input.name(), sums);
        }
        List<IndicatorValue> values = new ArrayList<>();
        for (StoredObservation first : firstOfYear.values()) {
            int year = first.referenceDate().getYear();
            for (String region : regionsOn(first.referenceDate())) {
                Map<String, Cell> cells = new HashMap<>();
                for (InputSpec input : indicator.inputs()) {
                    lookup(inputs.get(input.name()), region, year + input.offsetYears())
                            .ifPresent(c -> cells.put(input.name(), c));
                }
                if (cells.size() == indicator.inputs().size()) {
                    values.add(value(indicator, region, first.referenceDate(), first.period().text(), cells, notCounts));
                }
            }
        }
        return values;
    }

    private List<String> regionsOn(LocalDate date) {
        List<String> regions = new ArrayList<>();
        regions.add("DG");
        register.laender().stream().map(Land::code).forEach(regions::add);
        register.kreiseOn(date).stream().map(Kreis::ags).forEach(regions::add);
        return regions;
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
    static IndicatorValue value(IndicatorDefinition indicator, String region, LocalDate date, String period,
                                Map<String, Cell> cells, Set<String> notCounts) {
        boolean unpublishedRate = notCounts.stream().map(cells::get).anyMatch(c -> !c.hasNumber()
                && c.marker().equals(Marker.NOTHING.symbol()));
        Cell result = unpublishedRate ? Cell.missing(Marker.NOTHING) : indicator.formula().evaluate(cells);
        Optional<BigDecimal> value = result.number().map(v -> v.setScale(SCALE, RoundingMode.HALF_EVEN)
                .stripTrailingZeros());
        Optional<BigDecimal> denominator = indicator.denominator().flatMap(d -> countable(cells.get(d)));
        boolean smallBase = value.isPresent() && denominator.isPresent() && indicator.minimumDenominator()
                .map(min -> denominator.get().compareTo(min) < 0).orElse(false);
        return new IndicatorValue(indicator.id(), region, date, period, value, result.marker(),
                countable(cells.get(indicator.primaryInput().name())), denominator, smallBase);
    }

    private static Optional<BigDecimal> countable(Cell cell) {
        if (cell.hasNumber()) {
            return cell.number();
        }
        return cell.marker().equals(Marker.NOTHING.symbol()) ? Optional.of(BigDecimal.ZERO) : Optional.empty();
    }

    /**
     * Sums an input's cells per region and year. '-' counts as zero; a secret or missing part makes the sum
     * missing with its marker; markers that accompany numbers (p, r, ...) carry over. Where the input lists its
     * variables, a region and year lacking one of them gets no sum: a total is never made from part of its parts.
     */
    private static Map<Key, Cell> summed(List<StoredObservation> rows, int requiredParts) {
        Map<Key, List<Cell>> parts = new HashMap<>();
        for (StoredObservation o : rows) {
            parts.computeIfAbsent(new Key(o.regionCode(), o.referenceDate().getYear()), k -> new ArrayList<>())
                    .add(o.cell());
        }
        Map<Key, Cell> sums = new HashMap<>();
        parts.forEach((key, cells) -> {
            if (cells.size() < requiredParts) {
                return;
            }
            if (cells.size() == 1) {
                sums.put(key, cells.get(0));
                return;
            }
            Optional<Cell> gap = cells.stream().filter(c -> countable(c).isEmpty()).findFirst();
            if (gap.isPresent()) {
                sums.put(key, gap.get());
                return;
            }
            Set<String> markers = new LinkedHashSet<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (Cell c : cells) {
                sum = sum.add(countable(c).orElseThrow());
                if (c.hasNumber() && c.hasMarker()) {
                    markers.add(c.marker());
                }
            }
            sums.put(key, new Cell(Optional.of(sum), String.join("", markers)));
        });
        return sums;
    }

    /**
     * Some tables (e.g. ffcsv extracts of the Kreis level) have no rows for the Länder and Germany. For counts,
     * their values are the sums of the Kreise: computed only when every Kreis of the Land (of Germany) at that
     * date has a value, so a gap never shrinks a total.
     */
    private void addMissingUpperLevels(Map<Key, Cell> sums, List<StoredObservation> rows) {
        Map<Integer, LocalDate> dates = new TreeMap<>();
        boolean counts = !rows.isEmpty();
        for (StoredObservation o : rows) {
            dates.putIfAbsent(o.referenceDate().getYear(), o.referenceDate());
            counts &= o.unit().equals("Anzahl");
        }
        if (!counts) {
            return;
        }
        for (Map.Entry<Integer, LocalDate> year : dates.entrySet()) {
            List<Kreis> kreise = register.kreiseOn(year.getValue());
            for (Land land : register.laender()) {
                Key key = new Key(land.code(), year.getKey());
                if (!sums.containsKey(key)) {
                    sumOf(kreise.stream().filter(k -> k.landCode().equals(land.code())).toList(), sums,
                            year.getKey()).ifPresent(sum -> sums.put(key, sum));
                }
            }
            Key germany = new Key("DG", year.getKey());
            if (!sums.containsKey(germany)) {
                sumOf(kreise, sums, year.getKey()).ifPresent(sum -> sums.put(germany, sum));
            }
        }
    }

    private Optional<Cell> sumOf(List<Kreis> kreise, Map<Key, Cell> sums, int year) {
        BigDecimal total = BigDecimal.ZERO;
        for (Kreis kreis : kreise) {
            Optional<BigDecimal> value = lookup(sums, kreis.ags(), year).flatMap(IndicatorCalculator::countable);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            total = total.add(value.get());
        }
        return kreise.isEmpty() ? Optional.empty() : Optional.of(Cell.of(total));
    }

    private record Key(String region, int year) {
    }
}
