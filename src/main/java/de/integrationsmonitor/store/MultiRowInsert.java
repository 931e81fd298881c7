package de.integrationsmonitor.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows inserted as {@code INSERT ... VALUES (...), (...), ...} statements of many rows each, in one JDBC batch, on
 * the caller's connection and transaction. Each column's SQL type is given for its nulls, so that a null needs no
 * question to the driver (Spring's batch update asks the parameter metadata for every null, which costs more
 * than the insert).
 */
final class MultiRowInsert {

    private static final int ROWS_PER_STATEMENT = 50;

    private final String insertColumns;
    private final int[] sqlTypes;

    /** {@code insertColumns}: "INSERT INTO t (a, b, c)"; one {@link java.sql.Types} constant per column. */
    MultiRowInsert(String insertColumns, int... sqlTypes) {
        this.insertColumns = insertColumns;
        this.sqlTypes = sqlTypes.clone();
    }

    void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) c -> {
            int whole = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
            if (whole > 0) {
                try (PreparedStatement many = c.prepareStatement(sql(ROWS_PER_STATEMENT))) {
                    for (int from = 0; from < whole; from += ROWS_PER_STATEMENT) {
                        int index = 1;
                        for (int i = from; i < from + ROWS_PER_STATEMENT; i++) {
                            index = set(many, index, rows.get(i));
                        }
                        many.addBatch();
                    }
                    many.executeBatch();
                }
            }
            if (whole < rows.size()) {
                try (PreparedStatement rest = c.prepareStatement(sql(rows.size() - whole))) {
                    int index = 1;
                    for (int i = whole; i < rows.size(); i++) {
                        index = set(rest, index, rows.get(i));
                    }
                    rest.executeUpdate();
                }
            }
            return null;
        });
    }

    private String sql(int rows) {
        String one = "(" + String.join(", ", Collections.nCopies(sqlTypes.length, "?")) + ")";
        return insertColumns + " VALUES " + String.join(", ", Collections.nCopies(rows, one));
    }

    private int set(PreparedStatement statement, int index, Object[] row) throws SQLException {
        if (row.length != sqlTypes.length) {
            throw new IllegalArgumentException(
                    "a row of " + row.length + " values for " + sqlTypes.length + " columns");
        }
        for (int column = 0; column < row.length; column++) {
            if (row[column] == null) {
                statement.setNull(index++, sqlTypes[column]);
            } else {
                statement.setObject(index++, row[column]); // by its Java type: a BigDecimal keeps its scale
            }
        }
        return index;
    }
}
