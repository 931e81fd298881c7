package de.integrationsmonitor.indicator;

import de.integrationsmonitor.ingest.Cell;
import de.integrationsmonitor.ingest.Marker;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.Land;
import de.integrationsmonitor.store.StoredObservation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes one indicator for Germany, every Land and every Kreis that exists at each reference date the inputs
 * cover. Markers propagate: a secret or missing input gives a marked result, never a number made from a gap.
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
        List<StoredObservation> numeratorRows = observations.apply(indicator.numerator());
        Map<Key, Cell> numerator = summed(indicator.numerator(), numeratorRows);
        Map<Key, Cell> denominator = summed(indicator.denominator(), observations.apply(indicator.denominator()));
        Map<LocalDate, String> periods = new TreeMap<>();
        numeratorRows.forEach(o -> periods.put(o.referenceDate(), o.period()));
        List<IndicatorValue> values = new ArrayList<>();
        for (Map.Entry<LocalDate, String> period : periods.entrySet()) {
            for (String region : regionsOn(period.getKey())) {
                Optional<Cell> num = lookup(numerator, region, period.getKey());
                Optional<Cell> den = lookup(denominator, region, period.getKey());
                if (num.isPresent() && den.isPresent()) {
                    values.add(ratio(indicator, region, period.getKey(), period.getValue(), num.get(), den.get()));
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
    private Optional<Cell> lookup(Map<Key, Cell> cells, String region, LocalDate date) {
        Optional<Cell> direct = Optional.ofNullable(cells.get(new Key(region, date)));
        if (direct.isPresent()) {
            return direct;
        }
        return register.classicAliasOf(region).map(alias -> cells.get(new Key(alias, date)));
    }

    static IndicatorValue ratio(IndicatorDefinition indicator, String region, LocalDate date, String period,
                                Cell numerator, Cell denominator) {
        String marker = markers(numerator, denominator);
        if (numerator.number().isEmpty() || denominator.number().isEmpty()) {
            String missing = numerator.number().isEmpty() ? numerator.marker() : denominator.marker();
            return new IndicatorValue(indicator.id(), region, date, period, Optional.empty(), missing,
                    numerator.number(), denominator.number(), false);
        }
        BigDecimal den = denominator.number().get();
        if (den.signum() == 0) {
            return new IndicatorValue(indicator.id(), region, date, period, Optional.empty(),
                    Marker.LOCKED.symbol(), numerator.number(), denominator.number(), false);
        }
        BigDecimal value = numerator.number().get().multiply(indicator.scale())
                .divide(den, MathContext.DECIMAL128)
                .setScale(SCALE, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        boolean smallBase = den.compareTo(indicator.minimumDenominator()) < 0;
        return new IndicatorValue(indicator.id(), region, date, period, Optional.of(value), marker,
                numerator.number(), denominator.number(), smallBase);
    }

    /** The markers that accompany present values (provisional, limited reliability...) carry over to the result. */
    private static String markers(Cell... cells) {
        Set<String> markers = new LinkedHashSet<>();
        for (Cell c : cells) {
            if (c.hasNumber() && c.hasMarker()) {
                markers.add(c.marker());
            }
        }
        return String.join("", markers);
    }

    /** Sums the input's variables per region and date; a missing part makes the sum missing with its marker. */
    private static Map<Key, Cell> summed(InputSpec spec, List<StoredObservation> observations) {
        Map<Key, List<Cell>> parts = new TreeMap<>();
        for (StoredObservation o : observations) {
            if (spec.variables().contains(o.variablePath())) {
                parts.computeIfAbsent(new Key(o.regionCode(), o.referenceDate()), k -> new ArrayList<>())
                        .add(o.cell());
            }
        }
        Map<Key, Cell> sums = new TreeMap<>();
        parts.forEach((key, cells) -> {
            if (cells.size() != spec.variables().size()) {
                return; // not every part was delivered for this region and date: no sum
            }
            Optional<Cell> gap = cells.stream().filter(c -> !c.hasNumber()).findFirst();
            sums.put(key, gap.orElseGet(() -> new Cell(Optional.of(cells.stream()
                    .map(c -> c.number().orElseThrow()).reduce(BigDecimal.ZERO, BigDecimal::add)),
                    markers(cells.toArray(Cell[]::new)))));
        });
        return sums;
    }

    private record Key(String region, LocalDate referenceDate) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = region.compareTo(o.region);
            return c != 0 ? c : referenceDate.compareTo(o.referenceDate);
        }
    }
}
