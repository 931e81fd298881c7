package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign key from {@code observation.variable_id} to {@code variable}. Its only cost-free part was the
 * lookup index it shared (dropped in V61); alone, it makes H2 keep an index on the variable of every cell, written
 * in random order for each cell stored and again at commit, while nothing reads by it, and variables are never
 * deleted (ingest writes each cell's variable id from the variable row it has just read or written). The key to
 * the delivery stays. A Java migration because the key has no name of its own in V1, and the databases named it
 * differently ({@code CONSTRAINT_..} on H2, {@code observation_variable_id_fkey} on PostgreSQL).
 */
public class V62__observation_variable_without_foreign_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> keys = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement("SELECT tc.constraint_name"
                        + " FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k"
                        + " ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema"
                        + " WHERE UPPER(tc.table_name) = 'OBSERVATION' AND UPPER(k.column_name) = 'VARIABLE_ID'"
                        + " AND tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = CURRENT_SCHEMA");
                ResultSet rs = find.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        try (Statement drop = connection.createStatement()) {
            for (String key : keys) {
                drop.execute("ALTER TABLE observation DROP CONSTRAINT \"" + key + "\"");
            }
        }
    }
}
