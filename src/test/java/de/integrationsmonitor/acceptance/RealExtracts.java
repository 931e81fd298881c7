package de.integrationsmonitor.acceptance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real office extracts are: {@code ../shared/data/regionalstatistik}, beside the project (or under
 * {@code -Dimon.shared=...}, for a worktree elsewhere).
 */
final class RealExtracts {

    static final Path ROOT = Path.of(System.getProperty("imon.shared", "../shared"), "data", "regionalstatistik")
            .toAbsolutePath()
            .normalize();

    private RealExtracts() {}

    static Path classic(String name) {
        return file(ROOT.resolve("classic").resolve(name));
    }

    static Path ffcsv(String name) {
        return file(ROOT.resolve("ffcsv").resolve(name));
    }

    private static Path file(Path path) {
        assumeTrue(Files.isRegularFile(path), "real extract not present: " + path);
        return path;
    }
}
