package de.integrationsmonitor.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * A schema of its own on the PostgreSQL of this machine (127.0.0.1:5432, database test), for one test class: the
 * shipped {@code postgres} profile reads IMON_DB_URL, so the tests set that and nothing else of the configuration.
 */
public final class PostgresSchema {

    public static final String URL =
            System.getProperty("imon.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("imon.test.postgres.user", "postgres");
    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;

    private static final Map<Class<?>, String> BY_CLASS = new ConcurrentHashMap<>();

    private PostgresSchema() {}

    public static String fresh(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime(), 36);
    }

    /**
     * The schema of a test class annotated (directly or through a superclass) with {@link OnPostgres}: its prefix
     * and a unique suffix, made on the first call and the same for the whole run, for the Spring context, the drop
     * after the class and the test itself.
     */
    public static String of(Class<?> testClass) {
        return BY_CLASS.computeIfAbsent(testClass, c -> {
            OnPostgres on = TestContextAnnotationUtils.findMergedAnnotation(c, OnPostgres.class);
            if (on == null) {
                throw new IllegalArgumentException(c.getName() + " is not annotated with @OnPostgres");
            }
            return fresh(on.value());
        });
    }

    /** What points the shipped {@code postgres} profile, and Flyway, at SCHEMA. */
    public static Map<String, Object> properties(String schema) {
        return Map.of(
                "IMON_DB_URL",
                URL + "?currentSchema=" + schema,
                "IMON_DB_USER",
                USER,
                "spring.flyway.default-schema",
                schema,
                "spring.flyway.schemas",
                schema);
    }

    public static void drop(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    public static boolean answers() {
        return CiServices.answers("postgresql", answers(HOST, PORT), HOST + ":" + PORT);
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
