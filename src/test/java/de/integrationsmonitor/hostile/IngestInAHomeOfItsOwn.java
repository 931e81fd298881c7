package de.integrationsmonitor.hostile;

import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.testing.Imon;
import de.integrationsmonitor.testing.Imon.Run;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * What the faulty-world tests share: {@code bin/imon} in a home of the test class's own (its embedded database and
 * output in a temporary folder), the store to look into, and a sound extract to ingest.
 */
@SpringBootTest
// each test class has a home of its own (a @TempDir), so it gets a context of its own rather than a cached one
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class IngestInAHomeOfItsOwn {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> Path.of("").toAbsolutePath().toString());
        registry.add("imon.home", () -> home.toString());
    }

    @Autowired
    CommandLine.IFactory factory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeliveryRepository deliveries;

    @TempDir
    Path temp;

    Run imon(String... args) {
        return Imon.run(factory, args);
    }

    Path goodFile(String name) throws IOException {
        return GoodExtract.copy(temp, name);
    }
}
