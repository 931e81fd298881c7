package de.integrationsmonitor.store;

import de.integrationsmonitor.indicator.ObservationSource;
import de.integrationsmonitor.ingest.ObservationStore;
import de.integrationsmonitor.ingest.StoreRefusedException;
import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.observation.ObservationInspection;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.observation.StoredObservation;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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
public class ObservationRepository implements ObservationStore, ObservationSource, ObservationInspection {

    /** Rows per chunk written at once (one COPY on PostgreSQL, one JDBC batch on H2). */
    private static final int BATCH = 5000;
    /** Rows per multi-row INSERT statement on H2. */
    private static final int ROWS_PER_INSERT = 100;
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
    private volatile Boolean postgres;

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
     * The current cells of one table, sorted by region, reference date and path (Java string order, which is
     * H2's): {@link #eachCurrent} for the table, collected.
     */
    @Override
    public List<StoredObservation> current(
            String tableCode, Collection<String> variablePaths, Collection<Long> deliveryIds) {
        List<StoredObservation> current = new ArrayList<>();
        eachCurrent(Map.of(tableCode, variablePaths), deliveryIds, current::add);
        current.sort(java.util.Comparator.comparing(StoredObservation::regionCode)
                .thenComparing(StoredObservation::referenceDate)
                .thenComparing(StoredObservation::variablePath)
                .thenComparing(StoredObservation::unit)
                .thenComparing(o -> o.period().kind()));
        return current;
    }

    /**
     * One pass over the observation table in storage order (a sequential scan, no index lookups), the cells of
     * other tables, paths and deliveries skipped as they come. The tables' variables, the deliveries' precedence,
     * their unpublished Kreis levels and which variables more than one of the deliveries has
     * ({@code delivery_variable}) are read first: a cell of a variable only one delivery has is current and passed
     * on at once; only the cells of variables several deliveries share (a revision) are held until the newest
     * delivery per cell is known (by the office's {@code Stand:}, then by ingestion). On PostgreSQL the rows are
     * fetched in chunks, not all at once.
     */
    @Override
    public void eachCurrent(
            Map<String, ? extends Collection<String>> pathsByTable,
            Collection<Long> deliveryIds,
            Consumer<StoredObservation> consumer) {
        if (deliveryIds.isEmpty() || pathsByTable.isEmpty()) {
            return;
        }
        Map<Long, Variable> variables = new HashMap<>();
        for (Map.Entry<String, ? extends Collection<String>> table : pathsByTable.entrySet()) {
            java.util.Set<String> wanted = new java.util.HashSet<>(table.getValue());
            jdbc.query(
                    "SELECT id, table_code, path, unit, period_kind FROM variable WHERE table_code = ?",
                    (RowCallbackHandler) rs -> {
                        String path = rs.getString("path");
                        if (wanted.isEmpty() || wanted.contains(path)) {
                            variables.put(
                                    rs.getLong("id"),
                                    new Variable(
                                            rs.getLong("id"),
                                            rs.getString("table_code"),
                                            path,
                                            rs.getString("unit"),
                                            PeriodKind.valueOf(rs.getString("period_kind"))));
                        }
                    },
                    table.getKey());
        }
        if (variables.isEmpty()) {
            return;
        }
        List<Long> deliveries = List.copyOf(new java.util.TreeSet<>(deliveryIds));
        // precedence of a delivery: the office's Stand (none last), then the later ingestion
        Map<Long, java.sql.Timestamp> stands = new HashMap<>();
        java.util.Set<String> unpublishedKreise = new java.util.HashSet<>();
        Map<Long, Integer> deliveriesOfVariable = new HashMap<>();
        for (List<Long> part : chunks(deliveries)) {
            String in = placeholders(part.size());
            jdbc.query(
                    "SELECT id, office_stand FROM delivery WHERE id IN (" + in + ")",
                    (RowCallbackHandler) rs -> stands.put(rs.getLong("id"), rs.getTimestamp("office_stand")),
                    part.toArray());
            jdbc.query(
                    "SELECT delivery_id, reference_date FROM unpublished_level WHERE region_level = 'KREIS'"
                            + " AND delivery_id IN (" + in + ")",
                    (RowCallbackHandler) rs -> unpublishedKreise.add(rs.getLong("delivery_id") + "|"
                            + rs.getDate("reference_date").toLocalDate()),
                    part.toArray());
            jdbc.query(
                    "SELECT variable_id FROM delivery_variable WHERE delivery_id IN (" + in + ")",
                    (RowCallbackHandler) rs -> deliveriesOfVariable.merge(rs.getLong("variable_id"), 1, Integer::sum),
                    part.toArray());
        }
        java.util.Set<Long> shared = new java.util.HashSet<>();
        deliveriesOfVariable.forEach((variable, count) -> {
            if (count > 1 && variables.containsKey(variable)) {
                shared.add(variable);
            }
        });
        Map<CellKey, StoredCell> newest = new HashMap<>();
        scan(rs -> {
            long delivery = rs.getLong(1);
            long variable = rs.getLong(2);
            Variable v = variables.get(variable);
            if (v == null || !stands.containsKey(delivery)) {
                return;
            }
            StoredCell row = new StoredCell(
                    delivery,
                    stands.get(delivery),
                    variable,
                    rs.getString(3),
                    rs.getDate(4).toLocalDate(),
                    rs.getString(5),
                    rs.getBigDecimal(6),
                    rs.getString(7),
                    rs.getLong(8));
            if (shared.contains(variable)) {
                newest.merge(
                        new CellKey(row.region(), row.date(), row.variable()), row, (a, b) -> precedes(a, b) ? a : b);
            } else {
                consumer.accept(observation(row, v, unpublishedKreise));
            }
        });
        newest.values()
                .forEach(row -> consumer.accept(observation(row, variables.get(row.variable()), unpublishedKreise)));
    }

    /** Every row of the observation table in storage order, fetched in chunks (PostgreSQL's cursor). */
    private void scan(RowCallbackHandler handler) {
        String sql = "SELECT delivery_id, variable_id, region_code, reference_date, period, figure, marker,"
                + " source_line FROM observation";
        boolean h2 = !postgres();
        jdbc.execute((ConnectionCallback<Void>) c -> {
            // the PostgreSQL driver fetches in chunks only inside a transaction; outside one, a read-only one
            boolean own = c.getAutoCommit();
            if (own) {
                c.setAutoCommit(false);
            }
            if (h2) {
                // H2 would first copy the whole result into a temporary one (on disk when large), then read that
                try (Statement lazy = c.createStatement()) {
                    lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
            }
            try (java.sql.PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        handler.processRow(rs);
                    }
                }
            } finally {
                if (h2) {
                    try (Statement lazy = c.createStatement()) {
                        lazy.execute("SET LAZY_QUERY_EXECUTION FALSE");
                    }
                }
                if (own) {
                    c.commit();
                    c.setAutoCommit(true);
                }
            }
            return null;
        });
    }

    /** A stored cell as a computation reads it. */
    private static StoredObservation observation(StoredCell r, Variable v, java.util.Set<String> unpublishedKreise) {
        // A Kreis cell of a date whose Kreis level the delivery left unpublished reads as "value comes later".
        boolean later = r.region().length() == 5 && unpublishedKreise.contains(r.delivery() + "|" + r.date());
        BigDecimal figure = later ? null : r.figure();
        String marker = later ? Marker.LATER.symbol() : r.marker();
        return new StoredObservation(
                r.delivery(),
                v.table(),
                r.region(),
                new Period(v.kind(), r.date(), r.period()),
                v.path(),
                v.unit(),
                new Cell(
                        Optional.ofNullable(figure).map(ObservationRepository::stripped), marker == null ? "" : marker),
                r.sourceLine());
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

    private record Variable(long id, String table, String path, String unit, PeriodKind kind) {}

    private record CellKey(String region, LocalDate date, long variable) {}

    private record StoredCell(
            long delivery,
            java.sql.Timestamp stand,
            long variable,
            String region,
            LocalDate date,
            String period,
            BigDecimal figure,
            String marker,
            long sourceLine) {}

    /** Whether {@code a} wins over {@code b}: the later Stand (a Stand before none), then the later delivery. */
    private static boolean precedes(StoredCell a, StoredCell b) {
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
    @Override
    public void every(
            String tableCode,
            Optional<String> regionCode,
            Optional<Integer> year,
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
        jdbc.query(
                "SELECT " + COLUMNS + ", o.figure, o.marker FROM observation o JOIN variable v"
                        + " ON v.id = o.variable_id WHERE o.delivery_id = ? ORDER BY o.region_code, o.reference_date,"
                        + " o.source_line, v.path",
                (RowCallbackHandler) rs -> consumer.accept(map(rs, 0)),
                deliveryId);
    }

    /** The figure as the column keeps it, exactly; a figure with more digits than the column refuses the file. */
    private static BigDecimal exact(BigDecimal figure, long line) {
        BigDecimal plain = figure.stripTrailingZeros();
        int decimals = Math.max(0, plain.scale());
        int integerDigits = Math.max(0, plain.precision() - plain.scale());
        if (decimals > MAX_DECIMALS || integerDigits > MAX_INTEGER_DIGITS) {
            throw new StoreRefusedException(
                    line,
                    "the figure " + abbreviated(figure.toPlainString(), 80) + " has "
                            + integerDigits + " integer digits and " + decimals + " decimals; the store keeps "
                            + MAX_INTEGER_DIGITS + " and " + MAX_DECIMALS + " exactly, and cuts none");
        }
        return figure;
    }

    /** Refuses a label longer than its column instead of cutting it (two cut labels could merge two variables). */
    static void fits(long line, String field, String value, int max) {
        if (value.length() > max) {
            throw new StoreRefusedException(
                    line,
                    "the " + field + " '" + abbreviated(value, 60) + "' has " + value.length()
                            + " characters; the store keeps " + max + " and cuts none");
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
        return new StoredObservation(
                rs.getLong("delivery_id"),
                rs.getString("table_code"),
                rs.getString("region_code"),
                new Period(
                        PeriodKind.valueOf(rs.getString("period_kind")),
                        rs.getDate("reference_date").toLocalDate(),
                        rs.getString("period")),
                rs.getString("path"),
                rs.getString("unit"),
                new Cell(Optional.ofNullable(value).map(BigDecimal::stripTrailingZeros), marker == null ? "" : marker),
                rs.getLong("source_line"));
    }

    /**
     * Writes one delivery's observations and quarantined lines in batches, the way each database loads fastest:
     * on PostgreSQL the driver's {@code COPY observation (...) FROM STDIN} (text format) in chunks of
     * {@value #BATCH} rows, on the connection of the caller's transaction, so that the delivery stays visible whole
     * or not at all; on H2 multi-row {@code INSERT ... VALUES (...), (...)} statements of {@value #ROWS_PER_INSERT}
     * rows in one JDBC batch per chunk (H2 executes a batch row by row; one statement of many rows saves its per
     * statement work).
     */
    private final class Writer implements ObservationStore.Writer {
        private final long deliveryId;
        private final Map<String, Map<String, Long>> variableIds = new HashMap<>();
        private final List<Row> observations = new ArrayList<>(BATCH);
        private final List<Object[]> rejected = new ArrayList<>();
        /** The variables the delivery has cells of, and those already written to {@code delivery_variable}. */
        private final java.util.Set<Long> variablesOfDelivery = new java.util.HashSet<>();

        private final java.util.Set<Long> variablesRecorded = new java.util.HashSet<>();

        private Writer(long deliveryId) {
            this.deliveryId = deliveryId;
        }

        @Override
        public void add(Observation o) {
            Optional<BigDecimal> figure = o.cell().number().map(n -> exact(n, o.sourceLine()));
            fits(o.sourceLine(), "marker", o.cell().marker(), MAX_MARKER);
            if (o.sourceLine() > Integer.MAX_VALUE) {
                throw new StoreRefusedException(
                        o.sourceLine(), "the file has more lines than the store counts (" + Integer.MAX_VALUE + ")");
            }
            long variable = variableId(o);
            variablesOfDelivery.add(variable);
            observations.add(new Row(
                    variable,
                    o.regionCode(),
                    o.referenceDate(),
                    o.period().text(),
                    figure.orElse(null),
                    o.cell().hasMarker() ? o.cell().marker() : null,
                    (int) o.sourceLine()));
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
                jdbc.query(
                        "SELECT id, path, unit, period_kind FROM variable WHERE table_code = ?",
                        (RowCallbackHandler) rs -> known.put(
                                key(rs.getString("path"), rs.getString("unit"), rs.getString("period_kind")),
                                rs.getLong("id")),
                        table);
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
                id = ownTransaction == null
                        ? GeneratedIds.insert(jdbc, insert, o.tableCode(), path, o.unit(), kind)
                        : ownTransaction.execute(
                                status -> GeneratedIds.insert(jdbc, insert, o.tableCode(), path, o.unit(), kind));
            } catch (DuplicateKeyException another) {
                id = jdbc.queryForObject(
                        "SELECT id FROM variable WHERE table_code = ? AND path = ? AND unit = ?"
                                + " AND period_kind = ?",
                        Long.class,
                        o.tableCode(),
                        path,
                        o.unit(),
                        kind);
            }
            ofTable.put(key(path, o.unit(), kind), id);
            return id;
        }

        private static String key(String path, String unit, String periodKind) {
            return path + '\u0000' + unit + '\u0000' + periodKind;
        }

        @Override
        public void reject(long line, String disposition, String reason, String content) {
            rejected.add(
                    new Object[] {deliveryId, line, disposition, abbreviated(reason, 1000), abbreviated(content, 4000)
                    });
            if (rejected.size() == BATCH) {
                flushRejected();
            }
        }

        @Override
        public void flush() {
            flushObservations();
            flushRejected();
            List<Object[]> variables = new ArrayList<>();
            for (long variable : variablesOfDelivery) {
                if (variablesRecorded.add(variable)) {
                    variables.add(new Object[] {deliveryId, variable});
                }
            }
            if (!variables.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO delivery_variable (delivery_id, variable_id) VALUES (?, ?)", variables);
            }
        }

        private void flushObservations() {
            if (observations.isEmpty()) {
                return;
            }
            if (postgres()) {
                copy(deliveryId, observations);
            } else {
                insert(deliveryId, observations);
            }
            observations.clear();
        }

        private void flushRejected() {
            if (!rejected.isEmpty()) {
                jdbc.batchUpdate(
                        "INSERT INTO rejected_line (delivery_id, source_line, disposition, reason, content)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        rejected);
                rejected.clear();
            }
        }
    }

    /** One observation row as the table keeps it. */
    private record Row(
            long variableId,
            String regionCode,
            LocalDate referenceDate,
            String period,
            BigDecimal figure,
            String marker,
            int sourceLine) {}

    private static final String INSERT_COLUMNS = "INSERT INTO observation (delivery_id, variable_id, region_code,"
            + " reference_date, period, figure, marker, source_line) VALUES ";
    private static final String ONE_ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_MANY =
            INSERT_COLUMNS + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, ONE_ROW));
    private static final String INSERT_ONE = INSERT_COLUMNS + ONE_ROW;

    /** Whether the store is PostgreSQL (the driver's COPY applies), asked of the connection once. */
    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) StoreDatabase::isPostgres);
            postgres = known;
        }
        return known;
    }

    /**
     * PostgreSQL: the rows through the driver's {@code COPY ... FROM STDIN} in text format, on the connection of
     * the transaction (unwrapped from the pool's), so they commit or roll back with the delivery row.
     */
    private void copy(long deliveryId, List<Row> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 64);
        for (Row row : rows) {
            text.append(deliveryId).append('\t').append(row.variableId()).append('\t');
            escaped(text, row.regionCode())
                    .append('\t')
                    .append(row.referenceDate())
                    .append('\t');
            escaped(text, row.period()).append('\t');
            if (row.figure() == null) {
                text.append("\\N");
            } else {
                text.append(row.figure().toPlainString());
            }
            text.append('\t');
            if (row.marker() == null) {
                text.append("\\N");
            } else {
                escaped(text, row.marker());
            }
            text.append('\t').append(row.sourceLine()).append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) c -> {
            try {
                return c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "COPY observation (delivery_id, variable_id,"
                                        + " region_code, reference_date, period, figure, marker, source_line) FROM STDIN",
                                new StringReader(text.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into observation failed: " + e.getMessage(), e);
            }
        });
    }

    /** A text value in COPY's text format: backslash, tab, newline and carriage return escaped. */
    private static StringBuilder escaped(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return text;
    }

    /** H2: the rows as multi-row inserts of {@value #ROWS_PER_INSERT} rows, the rest one by one, one batch each. */
    private void insert(long deliveryId, List<Row> rows) {
        jdbc.execute((ConnectionCallback<Void>) c -> {
            int whole = rows.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
            if (whole > 0) {
                try (PreparedStatement many = c.prepareStatement(INSERT_MANY)) {
                    for (int from = 0; from < whole; from += ROWS_PER_INSERT) {
                        int index = 1;
                        for (int i = from; i < from + ROWS_PER_INSERT; i++) {
                            index = set(many, index, deliveryId, rows.get(i));
                        }
                        many.addBatch();
                    }
                    many.executeBatch();
                }
            }
            if (whole < rows.size()) {
                try (PreparedStatement one = c.prepareStatement(INSERT_ONE)) {
                    for (int i = whole; i < rows.size(); i++) {
                        set(one, 1, deliveryId, rows.get(i));
                        one.addBatch();
                    }
                    one.executeBatch();
                }
            }
            return null;
        });
    }

    private static int set(PreparedStatement statement, int index, long deliveryId, Row row) throws SQLException {
        statement.setLong(index++, deliveryId);
        statement.setLong(index++, row.variableId());
        statement.setString(index++, row.regionCode());
        statement.setObject(index++, row.referenceDate());
        statement.setString(index++, row.period());
        if (row.figure() == null) {
            statement.setNull(index++, Types.NUMERIC);
        } else {
            statement.setBigDecimal(index++, row.figure());
        }
        if (row.marker() == null) {
            statement.setNull(index++, Types.VARCHAR);
        } else {
            statement.setString(index++, row.marker());
        }
        statement.setInt(index++, row.sourceLine());
        return index;
    }
}
