package de.integrationsmonitor.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.indicator.ComputationService;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.store.IndicatorRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 2 against reality: the Regionaldatenbank's population tables of 31.12.2015 give an Ausländeranteil for
 * each of the 402 Kreise of that date, equal to the table's own Ausländer(innen) / Insgesamt.
 */
class AuslaenderanteilAcceptanceTest extends RealCorpusTest {

    static final LocalDate END_2015 = LocalDate.of(2015, 12, 31);

    @Autowired
    ComputationService computation;

    @Autowired
    IndicatorRepository indicators;

    @Autowired
    KreisRegister register;

    @Autowired
    ImonSettings settings;

    Map<String, IndicatorValue> auslaenderanteil2015;

    @BeforeAll
    void compute() {
        long id = computation.compute(settings.catalogue()).computationId();
        auslaenderanteil2015 = indicators.values(id).stream()
                .filter(v -> v.indicatorId().equals("auslaenderanteil")
                        && v.referenceDate().equals(END_2015))
                .collect(Collectors.toMap(IndicatorValue::regionCode, Function.identity()));
    }

    @Test
    void everyOneOfThe402KreiseOf2015HasAValue() {
        List<Kreis> kreise = register.kreiseOn(END_2015);

        assertThat(kreise).hasSize(402);
        assertThat(kreise)
                .allSatisfy(k -> assertThat(auslaenderanteil2015.get(k.ags()))
                        .as(k.ags() + " " + k.name())
                        .isNotNull()
                        .satisfies(v -> assertThat(v.value()).isPresent()));
    }

    @Test
    void dessauRosslauIs3398Of82919() {
        IndicatorValue dessau = auslaenderanteil2015.get("15001");

        assertThat(dessau.numerator()).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("3398"));
        assertThat(dessau.denominator()).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("82919"));
        assertThat(dessau.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("4.097975132358"));
    }

    @Test
    void everyValueAgreesWithTheTablesOwnTotalsReadIndependently() throws IOException {
        // An independent reading of the file: the 'Insgesamt' age row, column 5 = all, column 11 = Ausländer(innen)
        Map<String, BigDecimal> expected = new HashMap<>();
        for (String line : Files.readAllLines(RealExtracts.classic("12411-03-03-4_00.csv"), StandardCharsets.UTF_8)) {
            String[] cells = line.split(";");
            if (cells.length == 13
                    && cells[0].equals("31.12.2015")
                    && cells[3].equals("Insgesamt")
                    && cells[4].matches("\\d+")
                    && cells[10].matches("\\d+")) {
                String code = cells[1].equals("02") ? "02000" : cells[1].equals("11") ? "11000" : cells[1];
                expected.put(
                        code,
                        new BigDecimal(cells[10])
                                .multiply(BigDecimal.valueOf(100))
                                .divide(new BigDecimal(cells[4]), MathContext.DECIMAL64));
            }
        }
        for (Kreis kreis : register.kreiseOn(END_2015)) {
            BigDecimal computed = auslaenderanteil2015.get(kreis.ags()).value().orElseThrow();
            assertThat(computed)
                    .as(kreis.ags())
                    .isCloseTo(expected.get(kreis.ags()), org.assertj.core.data.Offset.offset(new BigDecimal("1e-9")));
        }
    }

    @Test
    void theKreiseOfSachsenAnhaltAddUpToTheLand() {
        BigDecimal foreign = BigDecimal.ZERO;
        BigDecimal all = BigDecimal.ZERO;
        for (Kreis kreis : register.kreiseOfLandOn("15", END_2015)) {
            foreign = foreign.add(
                    auslaenderanteil2015.get(kreis.ags()).numerator().orElseThrow());
            all = all.add(auslaenderanteil2015.get(kreis.ags()).denominator().orElseThrow());
        }
        IndicatorValue land = auslaenderanteil2015.get("15");

        assertThat(foreign).isEqualByComparingTo(land.numerator().orElseThrow());
        assertThat(all).isEqualByComparingTo(land.denominator().orElseThrow());
    }
}
