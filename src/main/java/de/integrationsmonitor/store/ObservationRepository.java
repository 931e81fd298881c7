package de.integrationsmonitor.store;
import de.integrationsmonitor.observation.StoredObservation;

import de.integrationsmonitor.indicator.ObservationSource;
import de.integrationsmonitor.ingest.ObservationStore;
import de.integrationsmonitor.ingest.StoreRefusedException;
import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code observation}, {@code variable} and {@code rejected_line} tables. Reading honours supersession: among
 * the deliveries of a snapshot, the cell of the newest delivery (by the office's {@code Stand:}, then by
 * ingestion) wins, so a revised delivery replaces the older one for new computations while the older stays
 * queryable.
 */
@Repository
public class ObservationRepository implements ObservationStore, ObservationSource {

    private static final int BATCH = 2000;
    /** The widths of the columns (V1, V5): a value that does not fit refuses its file, it is never cut. */
    static final int MAX_PATH = 1000;
    static final int MAX_UNIT = 100;
    static final int MAX_MARKER = 8;
    static final int MAX_INTEGER_DIGITS = 35;
    static final int MAX_DECIMALS = 30;
    private static final String COLUMNS = "o.delivery_id, v.table_code, o.region_code, o.reference_date, o.period,"
            + " v.period_kind, v.path, v.unit, o.source_line";
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    @Autowired
    public ObservationRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** On a single connection (the benchmark's): new variables go in with the caller's transaction. */
    public ObservationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.ownTransaction = null;
    }

    @Override
    public Writer writer(long deliveryId) {
        return new Writer(deliveryId);
    }

    /**
     * Set-based: the table's variables, the deliveries' precedence and their unpublished Kreis levels are read
     * once, then the table's observations in one plain query; the newest delivery per cell is picked in one pass
     * and the result sorted by region, reference date and path (Java string order, which is H2's), so the work is
     * linear in the observations read (plus the sort) and the database needs no window function.
     */
    @Override
    public List<StoredObservation> current(String tableCode, Collection<String> variablePaths,
                                           Collection<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> wanted = new java.util.HashSet<>(variablePaths);
        Map<Long, Variable> variables = new HashMap<>();
        jdbc.query("SELECT id, table_code, path, unit, period_kind FROM variable WHERE table_code = ?",
                (RowCallbackHandler) rs -> {
                    String path = rs.getString("path");
                    if (wanted.isEmpty() || wanted.contains(path)) {
                        variables.put(rs.getLong("id"), new Variable(rs.getLong("id"), rs.getString("table_code"),
                                path, rs.getString("unit"), PeriodKind.valueOf(rs.getString("period_kind"))));
                    }
                }, tableCode);
        if (variables.isEmpty()) {
            return List.of();
        }
        List<Long> deliveries = List.copyOf(new java.util.TreeSet<>(deliveryIds));
        // precedence of a delivery: the office's Stand (none last), then the later ingestion
        Map<Long, java.sql.Timestamp> stands = new HashMap<>();
        java.util.Set<String> unpublishedKreise = new java.util.HashSet<>();
        for (List<Long> part : chunks(deliveries)) {
            String in = placeholders(part.size());
            jdbc.query("SELECT id, office_stand FROM delivery WHERE id IN (" + in + ")",
                    (RowCallbackHandler) rs -> stands.put(rs.getLong("id"), rs.getTimestamp("office_stand")),
                    part.toArray());
            jdbc.query("SELECT delivery_id, reference_date FROM unpublished_level WHERE region_level = 'KREIS'"
                    + " AND delivery_id IN (" + in + ")", (RowCallbackHandler) rs -> unpublishedKreise.add(
                    rs.getLong("delivery_id") + "|" + rs.getDate("reference_date").toLocalDate()), part.toArray());
        }
        Map<CellKey, Row> newest = new HashMap<>();
        List<Long> variableIds = List.copyOf(new java.util.TreeSet<>(variables.keySet()));
        // by variable only, so that the database reads the table's cells through its index on variable_id; cells
        // of deliveries outside the snapshot are skipped here
        for (List<Long> ofVariables : chunks(variableIds)) {
            jdbc.query("SELECT delivery_id, variable_id, region_code, reference_date, period, figure, marker,"
                    + " source_line FROM observation WHERE variable_id IN (" + placeholders(ofVariables.size()) + ")",
                    (RowCallbackHandler) rs -> {
                        long delivery = rs.getLong("delivery_id");
                        if (!stands.containsKey(delivery)) {
                            return;
                        }
                        Row row = new Row(delivery, stands.get(delivery), rs.getLong("variable_id"),
                                rs.getString("region_code"), rs.getDate("reference_date").toLocalDate(),
                                rs.getString("period"), rs.getBigDecimal("figure"), rs.getString("marker"),
                                rs.getLong("source_line"));
                        newest.merge(new CellKey(row.region(), row.date(), row.variable()), row,
                                (a, b) -> precedes(a, b) ? a : b);
                    }, ofVariables.toArray());
        }
        List<Row> rows = new ArrayList<>(newest.values());
        rows.sort(java.util.Comparator.comparing(Row::region).thenComparing(Row::date)
                .thenComparing((Row r) -> variables.get(r.variable()).path()).thenComparingLong(Row::variable));
        List<StoredObservation> current = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Variable v = variables.get(r.variable());
            // A Kreis cell of a date whose Kreis level the delivery left unpublished reads as "value comes later".
            boolean later = r.region().length() == 5 && unpublishedKreise.contains(r.delivery() + "|" + r.date());
            BigDecimal figure = later ? null : r.figure();
            String marker = later ? Marker.LATER.symbol() : r.marker();
            current.add(new StoredObservation(r.delivery(), v.table(), r.region(), new Period(v.kind(), r.date(),
                    r.period()), v.path(), v.unit(), new Cell(Optional.ofNullable(figure)
                    .map(ObservationRepository::stripped), marker == null ? "" : marker), r.sourceLine()));
        }
        return current;
    }

    /**
     * {@link BigDecimal#stripTrailingZeros}, the same value, made cheap for whole numbers: the column keeps 30
     * decimals, and stripping them one division by ten at a time is most of the cost of reading a count.
     */
    static BigDecimal stripped(BigDecimal figure) {
        if (figure.scale() > 0 && figure.signum() != 0) {
            BigInteger[] whole = figure.unscaledValue().divideAndRemainder(BigInteger.TEN.pow(figure.scale()));
            if (whole[1].signum() == 0) {
                return new BigDecimal(whole[0]).stripTrailingZeros();
            }
        }
        return figure.stripTrailingZeros();
    }

    private record Variable(long id, String table, String path, String unit, PeriodKind kind) {
    }

    private record CellKey(String region, LocalDate date, long variable) {
    }

    private record Row(long delivery, java.sql.Timestamp stand, long variable, String region, LocalDate date,
                       String period, BigDecimal figure, String marker, long sourceLine) {
    }

    /** Whether {@code a} wins over {@code b}: the later Stand (a Stand before none), then the later delivery. */
    private static boolean precedes(Row a, Row b) {
        if (a.stand() != null || b.stand() != null) {
            if (b.stand() == null) {
                return true;
            }
            if (a.stand() == null) {
                return false;
            }
            int byStand = a.stand().compareTo(b.stand());
            if (byStand != 0) {
                return byStand > 0;
            }
        }
        if (a.delivery() != b.delivery()) {
            return a.delivery() > b.delivery();
        }
        return a.sourceLine() <= b.sourceLine();
    }

    /** Lists of at most 1000 ids, so that no statement gets more parameters than a database takes. */
    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + 1000)));
        }
        return chunks;
    }

    /** Every observation of a table in every delivery, streamed, for inspection ({@code imon observations}). */
    public void every(String tableCode, Optional<String> regionCode, Optional<Integer> year,
                      Consumer<StoredObservation> consumer) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", o.figure, o.marker FROM observation o"
                + " JOIN variable v ON v.id = o.variable_id WHERE v.table_code = ?");
        args.add(tableCode);
        regionCode.ifPresent(r -> {
            sql.append(" AND o.region_code = ?");
            args.add(r);
        });
        year.ifPresent(y -> {
            sql.append(" AND o.reference_date BETWEEN ? AND ?");
            args.add(Date.valueOf(LocalDate.of(y, 1, 1)));
            args.add(Date.valueOf(LocalDate.of(y, 12, 31)));
        });
        sql.append(" ORDER BY o.delivery_id, o.source_line, o.reference_date, v.path");
        jdbc.query(sql.toString(), (RowCallbackHandler) rs -> consumer.accept(map(rs, 0)), args.toArray());
    }

    @Override
    public void streamDelivery(long deliveryId, Consumer<StoredObservation> consumer) {
        jdbc.query("SELECT " + COLUMNS + ", o.figure, o.marker FROM observation o JOIN variable v"
                + " ON v.id = o.variable_id WHERE o.delivery_id = ? ORDER BY o.region_code, o.reference_date,"
                + " o.source_line, v.path", (RowCallbackHandler) rs -> consumer.accept(map(rs, 0)), deliveryId);
    }

    /** The figure as the column keeps it, exactly; a figure with more digits than the column refuses the file. */
    private static BigDecimal exact(BigDecimal figure, long line) {
        BigDecimal plain = figure.stripTrailingZeros();
        int decimals = Math.max(0, plain.scale());
        int integerDigits = Math.max(0, plain.precision() - plain.scale());
        if (decimals > MAX_DECIMALS || integerDigits > MAX_INTEGER_DIGITS) {
            throw new StoreRefusedException(line, "the figure " + abbreviated(figure.toPlainString(), 80) + " has "
                    + integerDigits + " integer digits and " + decimals + " decimals; the store keeps "
                    + MAX_INTEGER_DIGITS + " and " + MAX_DECIMALS + " exactly, and cuts none");
        }
        return figure;
    }

    /** Refuses a label longer than its column instead of cutting it (two cut labels could merge two variables). */
    static void fits(long line, String field, String value, int max) {
        if (value.length() > max) {
            throw new StoreRefusedException(line, "the " + field + " '" + abbreviated(value, 60) + "' has "
                    + value.length() + " characters; the store keeps " + max + " and cuts none");
        }
    }

    /**
     * A text as a message or a copy for reading shows it, at most {@code max} characters, a cut one ending in "…".
     * Only for texts shown to people (titles, notes, reasons, copies of quarantined lines), never for values.
     */
    static String abbreviated(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static StoredObservation map(ResultSet rs, int row) throws SQLException {
        BigDecimal value = rs.getBigDecimal("figure");
        String marker = rs.getString("marker");
        return new StoredObservation(rs.getLong("delivery_id"), rs.getString("table_code"),
                rs.getString("region_code"), new Period(PeriodKind.valueOf(rs.getString("period_kind")),
                rs.getDate("reference_date").toLocalDate(), rs.getString("period")),
                rs.getString("path"), rs.getString("unit"),
                new Cell(Optional.ofNullable(value).map(BigDecimal::stripTrailingZeros),
                        marker == null ? "" : marker),
                rs.getLong("source_line"));
    }

    /** Writes one delivery's observations and quarantined lines in batches. */
    private final class Writer implements ObservationStore.Writer {
        private final long deliveryId;
        private final Map<String, Map<String, Long>> variableIds = new HashMap<>();
        private final List<Object[]> observations = new ArrayList<>(BATCH);
        private final List<Object[]> rejected = new ArrayList<>();

        private Writer(long deliveryId) {
            this.deliveryId = deliveryId;
        }

        @Override
        public void add(Observation o) {
            Optional<BigDecimal> figure = o.cell().number().map(n -> exact(n, o.sourceLine()));
            fits(o.sourceLine(), "marker", o.cell().marker(), MAX_MARKER);
            if (o.sourceLine() > Integer.MAX_VALUE) {
                throw new StoreRefusedException(o.sourceLine(), "the file has more lines than the store counts ("
                        + Integer.MAX_VALUE + ")");
            }
            observations.add(new Object[] {deliveryId, variableId(o), o.regionCode(), Date.valueOf(o.referenceDate()),
                    o.period().text(), figure.orElse(null), o.cell().hasMarker() ? o.cell().marker() : null,
                    o.sourceLine()});
            if (observations.size() == BATCH) {
                flushObservations();
            }
        }

        /**
         * The id of the observation's variable (path, unit and the kind of its periods); a table's variables are
         * loaded once, new ones added. A new variable is inserted in a short transaction of its own, so that
         * concurrent ingests of the same new table neither wait for each other's files nor deadlock: the one that
         * comes second finds the row (the unique key says so) and uses it. A variable is a name, not data: one left
         * by a file refused later names no observation.
         */
        private long variableId(Observation o) {
            Map<String, Long> ofTable = variableIds.computeIfAbsent(o.tableCode(), table -> {
                Map<String, Long> known = new HashMap<>();
                jdbc.query("SELECT id, path, unit, period_kind FROM variable WHERE table_code = ?",
                        (RowCallbackHandler) rs -> known.put(key(rs.getString("path"), rs.getString("unit"),
                                rs.getString("period_kind")), rs.getLong("id")), table);
                return known;
            });
            String path = o.variablePath();
            String kind = o.period().kind().name();
            Long known = ofTable.get(key(path, o.unit(), kind));
            if (known != null) {
                return known;
            }
            fits(o.sourceLine(), "variable path", path, MAX_PATH);
            fits(o.sourceLine(), "unit", o.unit(), MAX_UNIT);
            String insert = "INSERT INTO variable (table_code, path, unit, period_kind) VALUES (?, ?, ?, ?)";
            long id;
            try {
                id = ownTransaction == null ? GeneratedIds.insert(jdbc, insert, o.tableCode(), path, o.unit(), kind)
                        : ownTransaction.execute(status -> GeneratedIds.insert(jdbc, insert, o.tableCode(), path,
                        o.unit(), kind));
            } catch (DuplicateKeyException another) {
                id = jdbc.queryForObject("SELECT id FROM variable WHERE table_code = ? AND path = ? AND unit = ?"
                        + " AND period_kind = ?", Long.class, o.tableCode(), path, o.unit(), kind);
            }
            ofTable.put(key(path, o.unit(), kind), id);
            return id;
        }

        private static String key(String path, String unit, String periodKind) {
            return path + '\u0000' + unit + '\u0000' + periodKind;
        }

        @Override
        public void reject(long line, String disposition, String reason, String content) {
            rejected.add(new Object[] {deliveryId, line, disposition, abbreviated(reason, 1000),
                    abbreviated(content, 4000)});
            if (rejected.size() == BATCH) {
                flushRejected();
            }
        }

        @Override
        public void flush() {
            flushObservations();
            flushRejected();
        }

        private void flushObservations() {
            if (!observations.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO observation (delivery_id, variable_id, region_code, reference_date,"
                        + " period, figure, marker, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", observations);
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
