package de.integrationsmonitor.goal;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.indicator.Direction;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The assessment of a goal as a Kreistag reads it: on track, behind, reached, no longer comparable. */
class AssessmentTest {

    /** Foreigners' unemployment rate from 14,0 % (2019) to 10,0 % by 2027: half the way is 12,0 % in 2023. */
    private static final Goal UNEMPLOYMENT = new Goal(
            "arbeitslosenquote_auslaender",
            Optional.of("15001"),
            2019,
            new BigDecimal("10.0"),
            2027,
            Optional.empty(),
            2);

    private static Assessment.State assess(Goal goal, Direction direction, String baseline, String latest, int year) {
        return Assessment.of(
                        goal,
                        direction,
                        Optional.of(new BigDecimal(baseline)),
                        Optional.of(new BigDecimal(latest)),
                        year,
                        true)
                .state();
    }

    @Test
    void falling_is_better_below_the_linear_path_is_on_track() {
        Assessment assessment = Assessment.of(
                UNEMPLOYMENT,
                Direction.HIGHER_IS_WORSE,
                Optional.of(new BigDecimal("14.0")),
                Optional.of(new BigDecimal("11.8")),
                2023,
                true);
        assertThat(assessment.state()).isEqualTo(Assessment.State.ON_TRACK);
        assertThat(assessment.expected()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("12.0"));
    }

    @Test
    void falling_is_better_above_the_path_is_behind_although_it_fell() {
        assertThat(assess(UNEMPLOYMENT, Direction.HIGHER_IS_WORSE, "14.0", "12.5", 2023))
                .isEqualTo(Assessment.State.BEHIND);
    }

    @Test
    void falling_is_better_at_or_below_the_target_is_reached_before_the_target_year() {
        assertThat(assess(UNEMPLOYMENT, Direction.HIGHER_IS_WORSE, "14.0", "9.9", 2023))
                .isEqualTo(Assessment.State.REACHED);
        assertThat(assess(UNEMPLOYMENT, Direction.HIGHER_IS_WORSE, "14.0", "10.0", 2021))
                .isEqualTo(Assessment.State.REACHED);
    }

    @Test
    void rising_is_better_goal_on_track_behind_and_reached() {
        // employment rate of foreigners from 40 % (2018) to 50 % by 2028: 45 % expected in 2023
        Goal employment = new Goal(
                "beschaeftigungsquote_auslaender",
                Optional.empty(),
                2018,
                new BigDecimal("50"),
                2028,
                Optional.empty(),
                3);
        assertThat(assess(employment, Direction.HIGHER_IS_BETTER, "40", "45.0", 2023))
                .isEqualTo(Assessment.State.ON_TRACK);
        assertThat(assess(employment, Direction.HIGHER_IS_BETTER, "40", "44.9", 2023))
                .isEqualTo(Assessment.State.BEHIND);
        assertThat(assess(employment, Direction.HIGHER_IS_BETTER, "40", "50.2", 2023))
                .isEqualTo(Assessment.State.REACHED);
    }

    @Test
    void the_corridor_tolerates_a_value_slightly_on_the_worse_side_of_the_path() {
        Goal withCorridor = new Goal(
                "arbeitslosenquote_auslaender",
                Optional.of("15001"),
                2019,
                new BigDecimal("10.0"),
                2027,
                Optional.of(new BigDecimal("0.5")),
                2);
        assertThat(assess(withCorridor, Direction.HIGHER_IS_WORSE, "14.0", "12.5", 2023))
                .isEqualTo(Assessment.State.ON_TRACK);
        assertThat(assess(withCorridor, Direction.HIGHER_IS_WORSE, "14.0", "12.6", 2023))
                .isEqualTo(Assessment.State.BEHIND);
    }

    @Test
    void after_the_target_year_a_goal_not_reached_is_behind() {
        assertThat(assess(UNEMPLOYMENT, Direction.HIGHER_IS_WORSE, "14.0", "10.5", 2028))
                .isEqualTo(Assessment.State.BEHIND);
    }

    @Test
    void a_neutral_indicator_takes_the_way_from_baseline_to_target_as_better() {
        Goal share =
                new Goal("auslaenderanteil", Optional.empty(), 2019, new BigDecimal("8"), 2023, Optional.empty(), 4);
        // falling from 10 to 8: 9 is expected in 2021
        assertThat(assess(share, Direction.NEUTRAL, "10", "8.9", 2021)).isEqualTo(Assessment.State.ON_TRACK);
        assertThat(assess(share, Direction.NEUTRAL, "10", "9.5", 2021)).isEqualTo(Assessment.State.BEHIND);
    }

    @Test
    void a_gebietsstand_change_between_baseline_and_latest_is_no_longer_comparable() {
        Assessment assessment = Assessment.of(
                UNEMPLOYMENT,
                Direction.HIGHER_IS_WORSE,
                Optional.of(new BigDecimal("14.0")),
                Optional.of(new BigDecimal("9.0")),
                2023,
                false);
        assertThat(assessment.state()).isEqualTo(Assessment.State.NOT_COMPARABLE);
    }

    @Test
    void without_a_baseline_value_there_is_nothing_to_assess() {
        assertThat(Assessment.of(
                                UNEMPLOYMENT,
                                Direction.HIGHER_IS_WORSE,
                                Optional.empty(),
                                Optional.of(new BigDecimal("9.0")),
                                2023,
                                true)
                        .state())
                .isEqualTo(Assessment.State.NO_VALUE);
    }

    @Test
    void the_path_runs_linearly_and_stays_at_the_target_after_the_target_year() {
        assertThat(Assessment.onPath(UNEMPLOYMENT, new BigDecimal("14"), 2021)).isEqualByComparingTo("13");
        assertThat(Assessment.onPath(UNEMPLOYMENT, new BigDecimal("14"), 2030)).isEqualByComparingTo("10");
    }
}
