package de.integrationsmonitor.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.integrationsmonitor.report.map.KreisGeometry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shipped Kreis boundaries are exactly what the rebuild makes from the BKG's VG5000 in ../shared. */
@Tag("acceptance")
class KreisGeometryAcceptanceTest {

    static final Path SOURCE = Path.of("..", "shared", "data", "geo", "vg5000-2021", "kreise.geojson");
    static final Path SHIPPED = Path.of("src", "main", "resources", "geo", "kreise-vg5000-2021.wkt");

    @Test
    void theShippedFileEqualsTheRebuildFromTheBkgData() throws IOException {
        assumeTrue(Files.isRegularFile(SOURCE), "BKG geometry not present: " + SOURCE.toAbsolutePath());

        String rebuilt = KreisGeometry.rebuild(SOURCE);

        assertThat(rebuilt).isEqualTo(Files.readString(SHIPPED, StandardCharsets.UTF_8));
        assertThat(rebuilt.lines().filter(l -> !l.startsWith("#"))).hasSize(401);
        assertThat(Files.size(SHIPPED)).isLessThan(1_000_000);
        assertThat(rebuilt).contains("© GeoBasis-DE / BKG 2021 (Daten verändert)");
    }
}
