package de.integrationsmonitor.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which database the store is, where PostgreSQL needs statements of its own (COPY, advisory and table locks). */
final class StoreDatabase {

    private StoreDatabase() {}

    /** Whether the connection is PostgreSQL's (through any pool's proxy); otherwise it is the embedded H2. */
    static boolean isPostgres(Connection connection) throws SQLException {
        return connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
    }
}
