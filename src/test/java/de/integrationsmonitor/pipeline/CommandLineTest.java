package de.integrationsmonitor.pipeline;

import de.integrationsmonitor.testing.Imon;
import de.integrationsmonitor.testing.Imon.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * Drives the command line of {@code bin/imon} as a user does, in one Spring context per test class (with its own
 * IMON_HOME): every test
 * starts from an empty store and an empty output folder (Flyway drops and recreates the schema), sets up what it
 * needs itself, and can therefore run alone.
 */
@SpringBootTest
// each test class has a home of its own (a @TempDir), so it gets a context of its own rather than a cached one
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class CommandLineTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/classic").toAbsolutePath();

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> Path.of("").toAbsolutePath().toString());
        registry.add("imon.home", () -> home.toString());
        registry.add("spring.flyway.clean-disabled", () -> "false");
    }

    @Autowired
    CommandLine.IFactory factory;

    @Autowired
    Flyway flyway;

    @BeforeEach
    void emptyStoreAndOutput() throws IOException {
        flyway.clean();
        flyway.migrate();
        Path output = home.resolve("output");
        if (Files.exists(output)) {
            try (Stream<Path> paths = Files.walk(output)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** Runs {@code imon ARGS}: exit code, standard output and standard error. */
    Run imon(String... args) {
        return Imon.run(factory, args);
    }

    static String fixture(String name) {
        return FIXTURES.resolve(name).toString();
    }
}
