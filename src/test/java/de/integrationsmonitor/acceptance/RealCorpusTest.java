package de.integrationsmonitor.acceptance;

import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.IngestService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The acceptance tests' common ground: one application context and one embedded database for all of them, holding
 * the whole real corpus of ../shared, ingested once (ingesting the same bytes again is a no-op).
 */
@Tag("acceptance")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RealCorpusTest {

    private static final Path HOME = temporaryHome();

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> Path.of("").toAbsolutePath().toString());
        registry.add("imon.home", HOME::toString);
    }

    @Autowired
    IngestService ingest;

    List<IngestOutcome> outcomes;

    @BeforeAll
    void ingestTheRealCorpus() {
        RealExtracts.classic("12411-01-01-4.csv"); // skips the class when ../shared is absent
        outcomes = ingest.ingest(List.of(RealExtracts.ROOT), o -> {});
    }

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("imon-acceptance-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
