package de.integrationsmonitor.region.gemeinde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.region.RegisterException;
import de.integrationsmonitor.validate.Finding;
import de.integrationsmonitor.validate.GemeindeRegisterCheck;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Gemeinde register of 01.01.2021 and the Gemeinde crosswalk shipped in jobs/register. */
class GemeindeRegisterTest {

    static final GemeindeRegister REGISTER = GemeindeRegister.loadDefault();
    static final String HEADER = "ags;ars;name;kind;kreis;verband_ars";
    static final String CROSSWALK = "old_ags;new_ags;effective;share;note";

    @Test
    void theRegisterHasEveryGemeindeOfTheBkgLayerWithItsKreisAndGemeindeverband() {
        assertThat(REGISTER.size()).isEqualTo(10_997);
        assertThat(REGISTER.gemeindenOf("12073")).hasSize(33); // Uckermark on 01.01.2021 (the issue says 34)
        assertThat(REGISTER.gemeinde("03151002")).hasValueSatisfying(g -> {
            assertThat(g.name()).isEqualTo("Barwedel");
            assertThat(g.kreis()).isEqualTo("03151");
            assertThat(g.verbandArs()).isEqualTo("031515401"); // Samtgemeinde Boldecker Land
        });
        assertThat(REGISTER.gemeinde("11000000"))
                .hasValueSatisfying(g -> assertThat(g.kind()).isEqualTo("Stadt"));
    }

    @Test
    void aGemeindeThatChangedItsKeyLeadsToItsSuccessor() {
        assertThat(REGISTER.successorsOf("03152012")).singleElement().satisfies(s -> {
            assertThat(s.newAgs()).isEqualTo("03159016");
            assertThat(s.effective()).isEqualTo(LocalDate.of(2016, 11, 1));
            assertThat(s.share()).isEqualByComparingTo(BigDecimal.ONE);
        });
        assertThat(REGISTER.gemeinde("03159016"))
                .hasValueSatisfying(g -> assertThat(g.name()).isEqualTo("Göttingen"));
        assertThat(REGISTER.gemeinde("03152012")).isEmpty();
    }

    @Test
    void aSplitWhoseSharesDoNotAddUpToOneIsRefusedNamingTheGemeinde() {
        List<String> gemeinden = List.of(HEADER, "12073008;120735001008;Angermünde;Stadt;12073;120735001");
        List<String> crosswalk =
                List.of(CROSSWALK, "12073999;12073008;2022-01-01;0.6;split", "12073999;12073009;2022-01-01;0.3;split");

        assertThatThrownBy(() -> GemeindeRegister.parse("gemeinden.csv", gemeinden, "nachfolge.csv", crosswalk))
                .isInstanceOf(RegisterException.class)
                .hasMessageContaining("12073999 on 2022-01-01 add up to 0.9, expected exactly 1");
    }

    @Test
    void aKeyThatLostItsLeadingZeroIsRefusedWithFileAndLine() {
        List<String> gemeinden = List.of("# comment", HEADER, "3151002;031515401002;Barwedel;Gemeinde;03151;031515401");

        assertThatThrownBy(
                        () -> GemeindeRegister.parse("gemeinden.csv", gemeinden, "nachfolge.csv", List.of(CROSSWALK)))
                .isInstanceOf(RegisterException.class)
                .hasMessageContaining("gemeinden.csv, line 3: ags should have 8 digits", "'3151002'");
    }

    @Test
    void gemeindeKeysAreCheckedOnlyWhereTheRegisterCoversTheirGebietsstand() {
        GemeindeRegisterCheck check = new GemeindeRegisterCheck(REGISTER);
        Period covered = Period.of(PeriodKind.STICHTAG, LocalDate.of(2021, 1, 1));
        Period earlier = Period.of(PeriodKind.STICHTAG, LocalDate.of(2015, 12, 31));

        assertThat(check.check(5, "03151401002", covered)).isEmpty(); // Barwedel in its Samtgemeinde
        assertThat(check.check(6, "03152012", covered)).hasValueSatisfying((Finding f) -> {
            assertThat(f.ruleId()).isEqualTo(GemeindeRegisterCheck.RULE_UNKNOWN);
            assertThat(f.message()).contains("unknown Gemeinde 03152012", "register of 01.01.2021");
        });
        assertThat(check.check(6, "03152012", earlier)).isEmpty(); // Göttingen's key of 2015: not covered
        assertThat(check.check(7, "03151401", covered)).isEmpty(); // a Samtgemeinde is no Gemeinde
    }
}
