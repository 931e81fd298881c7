package de.integrationsmonitor.store;

import de.integrationsmonitor.ingest.Cell;
import de.integrationsmonitor.ingest.Marker;
import de.integrationsmonitor.ingest.Observation;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code observation} and {@code rejected_line} tables. Reading honours supersession: among the deliveries
 * of a snapshot, the cell of the newest delivery (by the office's {@code Stand:}, then by ingestion) wins, so
 * a revised delivery replaces the older one for new computations while the older stays queryable.
 */
@Repository
public class ObservationRepository {

    private static final int BATCH = 2000;
    private final JdbcTemplate jdbc;

    public ObservationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Buffers a delivery's rows and writes them in JDBC batches, inside the caller's transaction. */
    public Writer writer(long deliveryId) {
        return new Writer(deliveryId);
    }

    /**
     * Observations of one table as of the given deliveries, newest delivery per cell; an empty list of variable
     * paths means all of them.
     */
    public List<StoredObservation> current(String tableCode, Collection<String> variablePaths,
                                           Collection<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        // A Kreis cell of a date whose Kreis level the delivery left unpublished reads as "value comes later".
        StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT o.delivery_id, o.table_code, o.region_code,"
                + " o.reference_date, o.period, o.variable_path, o.unit, o.source_line,"
                + " CASE WHEN u.delivery_id IS NULL THEN o.figure END AS figure,"
                + " CASE WHEN u.delivery_id IS NULL THEN o.marker ELSE '" + Marker.LATER.symbol() + "' END AS marker,"
                + " ROW_NUMBER() OVER (PARTITION BY"
                + " o.region_code, o.reference_date, o.variable_path ORDER BY d.office_stand DESC NULLS LAST,"
                + " d.id DESC) AS precedence FROM observation o JOIN delivery d ON d.id = o.delivery_id"
                + " LEFT JOIN unpublished_level u ON u.delivery_id = o.delivery_id"
                + " AND u.reference_date = o.reference_date AND u.region_level = 'KREIS' AND LENGTH(o.region_code) = 5"
                + " WHERE o.table_code = ?");
        args.add(tableCode);
        if (!variablePaths.isEmpty()) {
            sql.append(" AND o.variable_path IN (").append(placeholders(variablePaths.size())).append(')');
            args.addAll(variablePaths);
        }
        sql.append(" AND d.id IN (").append(placeholders(deliveryIds.size())).append(')');
        args.addAll(deliveryIds);
        sql.append(") newest WHERE precedence = 1 ORDER BY region_code, reference_date, variable_path");
        return jdbc.query(sql.toString(), ObservationRepository::map, args.toArray());
    }

    /** Every observation of a table in every delivery, streamed, for inspection ({@code imon observations}). */
    public void every(String tableCode, Optional<String> regionCode, Optional<Integer> year,
                      java.util.function.Consumer<StoredObservation> consumer) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM observation WHERE table_code = ?");
        args.add(tableCode);
        regionCode.ifPresent(r -> {
            sql.append(" AND region_code = ?");
            args.add(r);
        });
        year.ifPresent(y -> {
            sql.append(" AND reference_date BETWEEN ? AND ?");
            args.add(Date.valueOf(java.time.LocalDate.of(y, 1, 1)));
            args.add(Date.valueOf(java.time.LocalDate.of(y, 12, 31)));
        });
        sql.append(" ORDER BY delivery_id, source_line, reference_date, variable_path");
        jdbc.query(sql.toString(), (org.springframework.jdbc.core.RowCallbackHandler) rs ->
                consumer.accept(map(rs, 0)), args.toArray());
    }

    /** Streams one delivery's observations in the order region code, reference date, line. */
    public void streamDelivery(long deliveryId, java.util.function.Consumer<StoredObservation> consumer) {
        jdbc.query("SELECT * FROM observation WHERE delivery_id = ? ORDER BY region_code, reference_date,"
                + " source_line, variable_path", (org.springframework.jdbc.core.RowCallbackHandler) rs ->
                consumer.accept(map(rs, 0)), deliveryId);
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static StoredObservation map(ResultSet rs, int row) throws SQLException {
        BigDecimal value = rs.getBigDecimal("figure");
        String marker = rs.getString("marker");
        return new StoredObservation(rs.getLong("delivery_id"), rs.getString("table_code"),
                rs.getString("region_code"), rs.getDate("reference_date").toLocalDate(), rs.getString("period"),
                rs.getString("variable_path"), rs.getString("unit") == null ? "" : rs.getString("unit"),
                new Cell(Optional.ofNullable(value).map(BigDecimal::stripTrailingZeros),
                        marker == null ? "" : marker),
                rs.getLong("source_line"));
    }

    /** Writes one delivery's observations and quarantined lines in batches. */
    public final class Writer {
        private final long deliveryId;
        private final List<Object[]> observations = new ArrayList<>(BATCH);
        private final List<Object[]> rejected = new ArrayList<>();

        private Writer(long deliveryId) {
            this.deliveryId = deliveryId;
        }

        public void add(Observation o) {
            observations.add(new Object[] {deliveryId, o.tableCode(), o.regionCode(),
                    Date.valueOf(o.referenceDate()), o.period(), DeliveryRepository.truncate(o.variablePath(), 1000),
                    o.unit().isEmpty() ? null : o.unit(), o.cell().number().orElse(null),
                    o.cell().hasMarker() ? o.cell().marker() : null, o.sourceLine()});
            if (observations.size() == BATCH) {
                flushObservations();
            }
        }

        public void reject(long line, String disposition, String reason, String content) {
            rejected.add(new Object[] {deliveryId, line, disposition, DeliveryRepository.truncate(reason, 1000),
                    DeliveryRepository.truncate(content, 4000)});
            if (rejected.size() == BATCH) {
                flushRejected();
            }
        }

        public void flush() {
            flushObservations();
            flushRejected();
        }

        private void flushObservations() {
            if (!observations.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO observation (delivery_id, table_code, region_code, reference_date,"
                        + " period, variable_path, unit, figure, marker, source_line)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", observations);
                observations.clear();
            }
        }

        private void flushRejected() {
            if (!rejected.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO rejected_line (delivery_id, source_line, disposition, reason, content)"
                        + " VALUES (?, ?, ?, ?, ?)", rejected);
                rejected.clear();
            }
        }
    }
}
