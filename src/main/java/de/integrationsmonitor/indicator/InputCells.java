package de.integrationsmonitor.indicator;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.observation.StoredObservation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cells of one input of an indicator as they stream past, summed per region and year at once, so that a
 * computation holds per input one running sum per region and year instead of the input's cells, however many
 * variables per Kreis a table has. The result does not depend on the order in which the cells come: where the
 * rule needs an order (the marker of the first gap, the order of markers, the period a year is shown with), it is
 * the order of region, reference date and variable path.
 */
final class InputCells {

    /** A region and a reference year, the unit inputs are matched by. */
    record Key(String region, int year) {}

    private final InputSpec input;
    private final int requiredParts;
    private final Map<Key, Part> parts = new HashMap<>();
    private final Map<Integer, Placed<Period>> periodOfYear = new HashMap<>();
    private final Map<PeriodKind, Long> kinds = new EnumMap<>(PeriodKind.class);
    private final Map<MonthDay, Long> days = new HashMap<>();
    private boolean any;
    private boolean allCounts = true;

    InputCells(InputSpec input) {
        this.input = input;
        // where the input lists its variables, a sum needs every one of them: never a total from part of its parts
        this.requiredParts = input.matching().isEmpty() ? input.variables().size() : 0;
    }

    /** The cells of an input from rows given at once (the rows of its table or already selected ones). */
    static InputCells of(InputSpec input, List<StoredObservation> rows) {
        InputCells cells = new InputCells(input);
        input.selected(rows).forEach(cells::add);
        return cells;
    }

    InputSpec input() {
        return input;
    }

    /** Adds a cell the input selects. */
    void add(StoredObservation o) {
        any = true;
        allCounts &= o.unit().equals("Anzahl");
        kinds.merge(o.period().kind(), 1L, Long::sum);
        days.merge(MonthDay.from(o.referenceDate()), 1L, Long::sum);
        int year = o.referenceDate().getYear();
        Placed<Period> first = periodOfYear.get(year);
        if (first == null || first.after(o)) {
            periodOfYear.put(year, new Placed<>(o, o.period()));
        }
        parts.computeIfAbsent(new Key(o.regionCode(), year), k -> new Part()).add(o);
    }

    /** Whether the input had a cell that is not a count ("Anzahl"): a rate or an amount. */
    boolean hasNonCounts() {
        return any && !allCounts;
    }

    /** Whether the input had cells and all of them were counts, which may be summed to Länder and Germany. */
    boolean allCounts() {
        return any && allCounts;
    }

    /** The period of each year, that of the year's first cell (by region, reference date and path). */
    Map<Integer, Period> periodOfYear() {
        Map<Integer, Period> periods = new TreeMap<>();
        periodOfYear.forEach((year, first) -> periods.put(year, first.value()));
        return periods;
    }

    /**
     * The sums per region and year. '-' counts as zero; a secret or missing part makes the sum missing with its
     * marker; markers that accompany numbers (p, r, ...) carry over. A region and year lacking one of the input's
     * listed variables gets no sum.
     */
    Map<Key, Cell> sums() {
        Map<Key, Cell> sums = new HashMap<>();
        parts.forEach((key, part) -> {
            if (part.count >= requiredParts) {
                sums.put(key, part.sum());
            }
        });
        return sums;
    }

    /** The kind of period most of the input's cells had, as the methods annex prints it. */
    Optional<InputPeriod> period() {
        return InputPeriod.of(input, kinds, days);
    }

    /** A cell's value in a count: its number, zero for '-' (nothing there), empty for a gap. */
    static Optional<BigDecimal> countable(Cell cell) {
        if (cell.hasNumber()) {
            return cell.number();
        }
        return cell.marker().equals(Marker.NOTHING.symbol()) ? Optional.of(BigDecimal.ZERO) : Optional.empty();
    }

    /** The running sum of one region and year. */
    private static final class Part {
        private int count;
        private Cell only;
        private BigDecimal sum = BigDecimal.ZERO;
        private Placed<Cell> gap;
        private List<Placed<String>> markers;

        void add(StoredObservation o) {
            Cell cell = o.cell();
            count++;
            if (count == 1) {
                only = cell;
            }
            Optional<BigDecimal> value = countable(cell);
            if (value.isEmpty()) {
                if (gap == null || gap.after(o)) {
                    gap = new Placed<>(o, cell);
                }
                return;
            }
            sum = sum.add(value.get());
            if (cell.hasNumber() && cell.hasMarker()) {
                if (markers == null) {
                    markers = new ArrayList<>(2);
                }
                markers.add(new Placed<>(o, cell.marker()));
            }
        }

        Cell sum() {
            if (count == 1) {
                return only;
            }
            if (gap != null) {
                return gap.value();
            }
            Set<String> inOrder = new LinkedHashSet<>();
            if (markers != null) {
                markers.stream().sorted(Placed.ORDER).forEach(m -> inOrder.add(m.value()));
            }
            return new Cell(Optional.of(sum), String.join("", inOrder));
        }
    }

    /** A value with the place of the cell it came from: region, reference date, path. */
    private record Placed<T>(String region, LocalDate date, String path, T value) {
        static final Comparator<Placed<?>> ORDER = Comparator.<Placed<?>, String>comparing(Placed::region)
                .thenComparing(Placed::date)
                .thenComparing(Placed::path);

        Placed(StoredObservation o, T value) {
            this(o.regionCode(), o.referenceDate(), o.variablePath(), value);
        }

        /** Whether this place comes after the cell's. */
        boolean after(StoredObservation o) {
            int byRegion = region.compareTo(o.regionCode());
            if (byRegion != 0) {
                return byRegion > 0;
            }
            int byDate = date.compareTo(o.referenceDate());
            return byDate != 0 ? byDate > 0 : path.compareTo(o.variablePath()) > 0;
        }
    }
}
