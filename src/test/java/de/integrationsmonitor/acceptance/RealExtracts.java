package de.integrationsmonitor.acceptance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.test.context.DynamicPropertyRegistry;
import java.nio.file.Path;

/** Where the real office extracts are: {@code ../shared/data/regionalstatistik}, beside the project. */
final class RealExtracts {

    static final Path ROOT = Path.of("..", "shared", "data", "regionalstatistik").toAbsolutePath().normalize();

    private RealExtracts() {
    }

    static Path classic(String name) {
        return file(ROOT.resolve("classic").resolve(name));
    }

    static Path ffcsv(String name) {
        return file(ROOT.resolve("ffcsv").resolve(name));
    }

    /** Points the application at a fresh IMON_HOME of its own (database, output) for one test class. */
    static void separateHome(DynamicPropertyRegistry registry) {
        try {
            Path home = Files.createTempDirectory("imon-acceptance-");
            registry.add("imon.project", () -> Path.of("").toAbsolutePath().toString());
            registry.add("imon.home", home::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(Path path) {
        assumeTrue(Files.isRegularFile(path), "real extract not present: " + path);
        return path;
    }
}
