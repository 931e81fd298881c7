package de.integrationsmonitor.report.pdf;

import de.integrationsmonitor.report.fill.KreisReportFixtures;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Renders the Dessau-Roßlau fixture to the file named by the first argument; run in a fresh JVM by the tests. */
public final class RenderKreisReportMain {

    private RenderKreisReportMain() {}

    public static void main(String[] args) throws Exception {
        KreisReportRenderer renderer = new KreisReportRenderer(Path.of(args[1]));
        try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
            renderer.render(KreisReportFixtures.dessauRosslau(), out);
        }
    }
}
