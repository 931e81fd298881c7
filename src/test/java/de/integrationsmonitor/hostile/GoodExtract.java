package de.integrationsmonitor.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** The good classic extract (5 data lines of Dessau-Roßlau and others), as a new delivery under a name of the test's. */
final class GoodExtract {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/classic/period-column-age-groups.csv")
            .toAbsolutePath();
    private static final AtomicLong COPIES = new AtomicLong();

    private GoodExtract() {}

    /** A copy with text of its own (new bytes, so a new delivery), written as {@code folder/name}. */
    static Path copy(Path folder, String name) throws IOException {
        String text = Files.readString(FIXTURE)
                .replace(
                        "Testdatei des Integrationsmonitors",
                        "Testdatei des Integrationsmonitors, Kopie " + COPIES.incrementAndGet() + " "
                                + System.nanoTime());
        return Files.writeString(folder.resolve(name), text);
    }
}
