package de.integrationsmonitor.hostile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A PostgreSQL schema of a test's own on 127.0.0.1:5432 (database {@code test}), dropped afterwards. */
final class PostgresSchema {

    static final String URL = System.getProperty("imon.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("imon.test.postgres.user", "postgres");

    private PostgresSchema() {
    }

    static String named(String prefix) {
        return prefix + Long.toString(System.currentTimeMillis(), 36);
    }

    static void use(DynamicPropertyRegistry registry, String schema) {
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.default-schema", () -> schema);
        registry.add("spring.flyway.schemas", () -> schema);
    }

    static void drop(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** Whether PostgreSQL answers; the tests that need it are skipped, saying so, when it does not. */
    static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
