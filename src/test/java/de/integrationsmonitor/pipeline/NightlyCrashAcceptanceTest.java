package de.integrationsmonitor.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test over the real corpus of ../shared (acceptance profile): a night that ingests all 13 real extracts,
 * computes the catalogue and renders the five-yearly report for Sachsen-Anhalt, killed at random points, ends as
 * the uninterrupted night does (two kill points by default: each start over the real corpus takes a minute).
 */
@Tag("acceptance")
class NightlyCrashAcceptanceTest {

    static final Path CORPUS = Path.of("..", "shared", "data", "regionalstatistik")
            .toAbsolutePath()
            .normalize();

    @TempDir
    Path work;

    @Test
    void aNightOverTheRealCorpusKilledAtRandomPointsEndsAsIfItHadNeverBeenInterrupted() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "real extracts not present: " + CORPUS);
        Path editions = Files.createDirectories(work.resolve("editions"));
        Files.copy(
                Path.of("src/test/resources/editions/integrationsbericht-2015-st.yml"),
                editions.resolve("integrationsbericht-2015-st.yml"));
        NightlyCrashTest.run(
                new NightlyCrash(CORPUS, editions, "2026-12-01"),
                new NightlyCrash.Home(work.resolve("uninterrupted"), null),
                new NightlyCrash.Home(work.resolve("interrupted"), null),
                2);
    }
}
