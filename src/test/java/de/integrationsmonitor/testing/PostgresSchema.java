package de.integrationsmonitor.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A schema of its own on the PostgreSQL of this machine (127.0.0.1:5432, database test), for one test class: the
 * shipped {@code postgres} profile reads IMON_DB_URL, so the tests set that and nothing else of the configuration.
 */
public final class PostgresSchema {

    public static final String URL = System.getProperty("imon.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("imon.test.postgres.user", "postgres");

    private PostgresSchema() {
    }

    public static String fresh(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime(), 36);
    }

    public static void use(DynamicPropertyRegistry registry, String schema) {
        registry.add("IMON_DB_URL", () -> URL + "?currentSchema=" + schema);
        registry.add("IMON_DB_USER", () -> USER);
        registry.add("spring.flyway.default-schema", () -> schema);
        registry.add("spring.flyway.schemas", () -> schema);
    }

    public static void drop(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    public static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
