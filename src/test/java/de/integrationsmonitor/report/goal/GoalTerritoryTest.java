package de.integrationsmonitor.report.goal;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.region.KreisRegister;
import org.junit.jupiter.api.Test;

/**
 * Whether a goal's baseline and latest value describe the same territory, by the shipped register: a goal set for
 * Göttingen before its merger with Osterode am Harz (1.11.2016) is no longer comparable afterwards, nor is one for
 * the Main-Kinzig-Kreis across Hanau's departure (1.1.2026); Dessau-Roßlau is the same Kreis throughout.
 */
class GoalTerritoryTest {

    private static final KreisRegister REGISTER = KreisRegister.loadDefault();

    @Test
    void aGebietsstandChangeBetweenBaselineAndLatestYearMakesTheValuesIncomparable() {
        assertThat(GoalReporting.sameTerritory(REGISTER, "03159", 2015, 2017)).isFalse();
        assertThat(GoalReporting.sameTerritory(REGISTER, "06435", 2024, 2026)).isFalse();
    }

    @Test
    void aKreisWithoutChangeStaysComparable() {
        assertThat(GoalReporting.sameTerritory(REGISTER, "15001", 2011, 2023)).isTrue();
        assertThat(GoalReporting.sameTerritory(REGISTER, "03159", 2017, 2023)).isTrue();
    }
}
