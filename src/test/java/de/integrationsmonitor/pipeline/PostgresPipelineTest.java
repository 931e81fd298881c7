package de.integrationsmonitor.pipeline;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pipeline scenario on PostgreSQL, the production database: the same Flyway schema, the same SQL. Runs when a
 * PostgreSQL answers on 127.0.0.1:5432 (database {@code test}); each run gets a schema of its own.
 */
@EnabledIf("postgresAnswers")
class PostgresPipelineTest extends PipelineTest {

    static final String SCHEMA = "imon_test_" + Long.toString(System.currentTimeMillis(), 36);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = System.getProperty("imon.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        registry.add("spring.datasource.url", () -> url + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> System.getProperty("imon.test.postgres.user", "postgres"));
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.default-schema", () -> SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        String url = System.getProperty("imon.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        try (Connection connection = DriverManager.getConnection(url,
                System.getProperty("imon.test.postgres.user", "postgres"), "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    static boolean postgresAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
