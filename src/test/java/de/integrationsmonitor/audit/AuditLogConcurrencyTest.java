package de.integrationsmonitor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit log's chain under concurrent appends (threads of one process, as a report job's partitions and an
 * ingest at the same time would): one chain without gaps or forks, every entry linked to the one before.
 * {@link PostgresAuditLogConcurrencyTest} runs it on PostgreSQL, where the head row's lock orders the appends.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditLogConcurrencyTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> Path.of("").toAbsolutePath().toString());
        registry.add("imon.home", () -> home.toString());
        registry.add("spring.flyway.clean-disabled", () -> "false");
    }

    @Autowired
    AuditLog log;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Flyway flyway;

    @BeforeEach
    void emptyStore() {
        flyway.clean();
        flyway.migrate();
    }

    @Test
    void appendsFromFourThreadsFormOneUnbrokenChain() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        log.append(AuditEntry.RENDER, "thread " + thread, "entry " + i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }

        List<AuditEntry> entries = log.entries();
        assertThat(entries).hasSize(100);
        assertThat(entries)
                .extracting(AuditEntry::seq)
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(log.verify()).isEmpty();
    }

    @Test
    void anEntryWhosePreviousHashWasRewrittenIsNamed() {
        log.append(AuditEntry.INGEST, "a.csv", "delivery 1 sha256 " + "a".repeat(64));
        log.append(AuditEntry.COMPUTE, "computation 1", "deliveries sha256 " + "b".repeat(64));
        log.append(AuditEntry.RENDER, "x/15001.pdf", "version 7KQ2-M9XD-4A pdf " + "c".repeat(64));
        // a forger who rewrites entry 2 and recomputes its own hash still breaks the link of entry 3
        AuditEntry second = log.entries().get(1);
        AuditEntry forged = AuditEntry.next(
                2,
                second.at(),
                second.osUser(),
                second.host(),
                second.action(),
                second.subject(),
                "deliveries sha256 " + "f".repeat(64),
                second.prevSha256());
        jdbc.update("UPDATE audit_log SET details = ?, sha256 = ? WHERE seq = 2", forged.details(), forged.sha256());

        assertThat(log.verify())
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("entry 3 does not follow entry 2"));
    }
}
