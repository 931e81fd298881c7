package de.integrationsmonitor.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.indicator.Direction;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.report.fill.Figure;
import de.integrationsmonitor.report.map.ChoroplethMap;
import de.integrationsmonitor.report.map.LandGeometry;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two map defects of issue 26: at Gebietsstand 2015 Göttingen (03152) and Osterode am Harz (03156) share the area
 * of their successor 03159, which the map must show as what it is (two Kreise, two values, no class) and the note
 * must say with both values; and no legend line is cut at the legend's right edge.
 */
class SharedAreaMapTest {

    private static final KreisRegister REGISTER = KreisRegister.loadDefault();
    private static final LocalDate GEBIETSSTAND = LocalDate.of(2015, 12, 31);

    @Test
    void twoKreiseOnOneAreaAreCrossHatchedInNoClassAndTheNoteGivesBothValues() {
        MapMaker maker = new MapMaker(
                new ReportCore(Path.of("templates/kreisbericht.jrxml"), KreisReportRenderer.SUBREPORTS, null));
        LandGeometry geometry = LandGeometry.of(REGISTER, "03", GEBIETSSTAND).orElseThrow();
        List<MapMaker.Value> values = new ArrayList<>();
        int i = 0;
        for (Kreis kreis : REGISTER.kreiseOfLandOn("03", GEBIETSSTAND)) {
            BigDecimal value = switch (kreis.ags()) {
                case "03152" -> new BigDecimal("8.2");
                case "03156" -> new BigDecimal("5.2");
                default -> BigDecimal.valueOf(30 + i++, 1);
            };
            values.add(new MapMaker.Value(kreis.ags(), kreis.name(), Figure.of(value)));
        }
        MapMaker.Made made = maker.choropleth(
                geometry, "Niedersachsen", "Ausländeranteil 2015", values, Direction.NEUTRAL, 1, "%", "03101");

        assertThat(made.notes())
                .contains(
                        "Göttingen (03159)",
                        "umfasst 2 Kreise des Gebietsstands 31.12.2015",
                        "(03152) 8,2 %",
                        "Osterode am Harz (03156) 5,2 %",
                        "kreuzschraffiert und keiner Klasse zugeordnet")
                .doesNotContain("als Gebiet des Nachfolgers");
        assertThat(made.alt()).contains("(03152) 8,2 %", "(03156) 5,2 %");
        ChoroplethMap map = made.map();
        assertThat(map.fills()).doesNotContainKey("03159");
        assertThat(map.hatched()).doesNotContain("03159");
        assertThat(map.legend())
                .extracting(ChoroplethMap.LegendEntry::label)
                .contains("Gebiet mehrerer Kreise, keiner Klasse zugeordnet (Werte in der Anmerkung)")
                .doesNotContain("ohne Wert");
    }

    @Test
    void aLegendLineLongerThanTheLegendContinuesOnTheNextLineInsteadOfBeingCut() {
        FontMetrics metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)
                .createGraphics()
                .getFontMetrics(new Font("DejaVu Sans", Font.PLAIN, 7));
        String label = "Klassen nach Quantilen (5 Klassen, gleich viele Kreise je Klasse)";
        // the Kreis report's legend: 190 pt beside a map 515 pt wide, less the gap and the swatch
        List<String> lines = ChoroplethMap.wrapToWidth(label, metrics, 190 - 12 - 17);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join(" ", lines)).isEqualTo(label);
        assertThat(lines)
                .allSatisfy(line -> assertThat(metrics.stringWidth(line)).isLessThanOrEqualTo(161));
    }
}
