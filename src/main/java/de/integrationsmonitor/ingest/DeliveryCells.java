package de.integrationsmonitor.ingest;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.observation.StoredObservation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The cells of one delivery as the store keeps them, held in memory while the file is stored so that the
 * consistency pass need not read them back: in the order the store streams them (region code, reference date,
 * line, variable path) and with the figure as the store gives it back (trailing zeros stripped). Memory is bounded:
 * past {@link #limit} cells the copy is dropped and the caller streams the delivery from the store instead, so a
 * file of any size is checked with the same memory, and either way the checks see the same cells.
 */
final class DeliveryCells {

    /** Cells kept at most: about 150 bytes each, an eighth of the heap, never more than 1,000,000. */
    static int defaultLimit() {
        return (int) Math.min(1_000_000, Runtime.getRuntime().maxMemory() / 8 / 150);
    }

    private static final Comparator<StoredObservation> STORE_ORDER = Comparator.comparing(StoredObservation::regionCode)
            .thenComparing(StoredObservation::referenceDate)
            .thenComparingLong(StoredObservation::sourceLine)
            .thenComparing(StoredObservation::variablePath);

    private final long deliveryId;
    private final int limit;
    private List<StoredObservation> cells = new ArrayList<>();
    /** One instance of each region code, period, path and unit: the reader gives a new string per line. */
    private final Map<Object, Object> canonical = new HashMap<>();

    DeliveryCells(long deliveryId, int limit) {
        this.deliveryId = deliveryId;
        this.limit = limit;
    }

    /** A cell as it was handed to the store. */
    void add(Observation o) {
        if (cells == null) {
            return;
        }
        if (cells.size() == limit) {
            cells = null; // too many to keep: the store streams them
            canonical.clear();
            return;
        }
        Cell cell = o.cell().number().isPresent()
                ? new Cell(
                        o.cell().number().map(BigDecimal::stripTrailingZeros),
                        o.cell().marker())
                : o.cell();
        cells.add(new StoredObservation(
                deliveryId,
                one(o.tableCode()),
                one(o.regionCode()),
                one(o.period()),
                one(o.variablePath()),
                one(o.unit()),
                cell,
                o.sourceLine()));
    }

    @SuppressWarnings("unchecked")
    private <T> T one(T value) {
        return (T) canonical.computeIfAbsent(value, v -> v);
    }

    /**
     * Hands the cells to {@code consumer} in the store's order and forgets them; empty when there were too many to
     * keep (the caller streams them from the store).
     */
    boolean replay(Consumer<StoredObservation> consumer) {
        if (cells == null) {
            return false;
        }
        List<StoredObservation> sorted = cells;
        cells = null;
        canonical.clear();
        sorted.sort(STORE_ORDER);
        sorted.forEach(consumer);
        return true;
    }
}
