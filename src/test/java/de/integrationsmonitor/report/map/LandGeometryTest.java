package de.integrationsmonitor.report.map;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.region.KreisRegister;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The map shows the Kreise of the edition's Gebietsstand, although the geometry is of 01.01.2021. */
class LandGeometryTest {

    static final KreisRegister REGISTER = KreisRegister.loadDefault();

    @Test
    void sachsenAnhaltHasItsFourteenKreise() {
        LandGeometry land =
                LandGeometry.of(REGISTER, "15", LocalDate.of(2015, 12, 31)).orElseThrow();

        assertThat(land.areas()).extracting(LandGeometry.Area::ags).hasSize(14).contains("15001", "15091");
        assertThat(land.notes()).isEmpty();
        // taller than wide, as Sachsen-Anhalt is
        assertThat(land.height()).isGreaterThan(land.width());
    }

    @Test
    void afterJuly2021EisenachIsDrawnAsPartOfTheWartburgkreis() {
        LandGeometry before =
                LandGeometry.of(REGISTER, "16", LocalDate.of(2021, 1, 1)).orElseThrow();
        LandGeometry after =
                LandGeometry.of(REGISTER, "16", LocalDate.of(2021, 12, 31)).orElseThrow();

        assertThat(before.byAgs()).containsKeys("16056", "16063");
        assertThat(after.byAgs()).containsKey("16063").doesNotContainKey("16056");
        // the union covers Eisenach's old territory, which the Wartburgkreis of January did not
        java.awt.geom.Rectangle2D eisenach =
                before.byAgs().get("16056").outline().getBounds2D();
        assertThat(before.byAgs().get("16063").outline().contains(eisenach.getCenterX(), eisenach.getCenterY()))
                .isFalse();
        assertThat(after.byAgs().get("16063").outline().contains(eisenach.getCenterX(), eisenach.getCenterY()))
                .isTrue();
        assertThat(after.notes())
                .containsExactly(new LandGeometry.Note.Merged("16056", "Eisenach", "16063", "Wartburgkreis"));
    }

    @Test
    void before2016GoettingenAndOsterodeAreShownAsTheAreaOfTheirSuccessor() {
        LandGeometry niedersachsen =
                LandGeometry.of(REGISTER, "03", LocalDate.of(2015, 12, 31)).orElseThrow();

        assertThat(niedersachsen.byAgs().get("03159").predecessors()).containsExactly("03152", "03156");
        assertThat(niedersachsen.notes())
                .hasSize(2)
                .allSatisfy(note -> assertThat(note).isInstanceOf(LandGeometry.Note.AsSuccessor.class));
    }
}
