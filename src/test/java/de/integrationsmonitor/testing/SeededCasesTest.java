package de.integrationsmonitor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failing seeded case can be found again: its message names the seed and the case, and the seed repeats the draws. */
class SeededCasesTest {

    @Test
    void aFailingCaseNamesTheSeedAndTheCaseNumber() {
        SeededCases cases = SeededCases.of("always fails at the third", 5, 42L);
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> cases.forEach(random -> {
                    seen.add(seen.size() + 1);
                    assertThat(seen.size()).isLessThan(3);
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("case 3 of 5")
                .hasMessageContaining("-Dimon.test.seed=" + cases.seed());
        assertThat(seen).containsExactly(1, 2, 3);
    }

    @Test
    void theSameSeedDrawsTheSameCases() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        SeededCases.of("draws", 4, 7L).forEach(random -> first.add(random.nextLong()));
        SeededCases.of("draws", 4, 7L).forEach(random -> second.add(random.nextLong()));
        assertThat(first).hasSize(4).isEqualTo(second).doesNotHaveDuplicates();
    }
}
