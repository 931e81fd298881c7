package de.integrationsmonitor.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.integrationsmonitor.region.gemeinde.GemeindeRegister;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shipped Gemeinde register is exactly what {@link GemeindeRegister#rebuild} makes of the BKG layer in
 * {@code ../shared/data/geo/vg5000-2021/gemeinden.geojson} (or {@code -Dimon.shared=...}). With
 * {@code -Dimon.rebuild=true} it writes the rebuilt file over {@code jobs/register/gemeinden-2021-01-01.csv}.
 */
@Tag("acceptance")
class GemeindeRegisterAcceptanceTest {

    static final Path SOURCE = Path.of(
                    System.getProperty("imon.shared", "../shared"), "data", "geo", "vg5000-2021", "gemeinden.geojson")
            .toAbsolutePath()
            .normalize();

    @Test
    void theShippedRegisterIsTheRebuiltDerivativeOfTheBkgLayer() throws Exception {
        assumeTrue(Files.isRegularFile(SOURCE), "BKG Gemeinde layer not present: " + SOURCE);
        String rebuilt = GemeindeRegister.rebuild(SOURCE);
        if (Boolean.getBoolean("imon.rebuild")) {
            Files.writeString(
                    Path.of("jobs", "register", GemeindeRegister.GEMEINDEN_FILE), rebuilt, StandardCharsets.UTF_8);
        }

        assertThat(rebuilt)
                .isEqualTo(Files.readString(
                        Path.of("jobs", "register", GemeindeRegister.GEMEINDEN_FILE), StandardCharsets.UTF_8));
        assertThat(rebuilt).contains("© GeoBasis-DE / BKG 2021 (Daten verändert)");
    }
}
