package de.integrationsmonitor.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals table and the measures file as authors write them, and every refusal with file, line, field. */
class GoalsAndMeasuresFilesTest {

    private static final Path GOALS = Path.of("jobs/bericht/ziele.csv");
    private static final Path MEASURES = Path.of("jobs/bericht/massnahmen.yml");

    private static Scope scope() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("auslaenderanteil", "Bevölkerung");
        shown.put("arbeitslosenquote_auslaender", "Arbeit");
        return new Scope(
                shown,
                Set.of("auslaenderanteil", "arbeitslosenquote_auslaender", "sgb2_quote"),
                Set.of("15001", "15002"));
    }

    private static List<Goal> goals(String csv) {
        return GoalsFile.read(GOALS, csv.getBytes(StandardCharsets.UTF_8), scope());
    }

    private static final String HEADER = "# Ziele des Kreises\nindikator;kreis;basisjahr;zielwert;zieljahr;korridor\n";

    @Test
    void a_spreadsheet_table_with_decimal_commas_gives_goals_with_their_lines() {
        List<Goal> goals = goals(HEADER + "arbeitslosenquote_auslaender;15001;2019;10,5;2027;0,5\n"
                + "auslaenderanteil;alle;2018;8;2023;\n");
        assertThat(goals).hasSize(2);
        assertThat(goals.get(0).target()).isEqualByComparingTo("10.5");
        assertThat(goals.get(0).corridor())
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.5"));
        assertThat(goals.get(0).line()).isEqualTo(3);
        assertThat(goals.get(1).ags()).isEmpty();
        assertThat(goals.get(1).corridor()).isEmpty();
    }

    @Test
    void a_windows_1252_table_as_excel_saves_it_is_read() {
        byte[] bytes = ("# Ziele für den Kreis\n" + "indikator;kreis;basisjahr;zielwert;zieljahr\n"
                        + "auslaenderanteil;15002;2018;8;2023\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(GoalsFile.read(GOALS, bytes, scope()))
                .singleElement()
                .satisfies(g -> assertThat(g.ags()).hasValue("15002"));
    }

    @Test
    void an_unknown_indicator_is_refused_with_line_field_and_the_allowed_ones() {
        assertThatThrownBy(() -> goals(HEADER + "auslaenderquote;15001;2019;10;2027;\n"))
                .isInstanceOf(GoalException.class)
                .hasMessageContaining(
                        "ziele.csv:3, field indikator: 'auslaenderquote' is not an indicator of the" + " catalogue")
                .hasMessageContaining("auslaenderanteil, arbeitslosenquote_auslaender");
    }

    @Test
    void an_indicator_the_edition_does_not_show_is_refused() {
        assertThatThrownBy(() -> goals(HEADER + "sgb2_quote;15001;2019;10;2027;\n"))
                .hasMessageContaining("ziele.csv:3, field indikator: 'sgb2_quote' is an indicator of the catalogue"
                        + " the edition does not show");
    }

    @Test
    void a_target_year_before_the_baseline_is_refused() {
        assertThatThrownBy(() -> goals(HEADER + "auslaenderanteil;15001;2019;10;2017;\n"))
                .hasMessageContaining("ziele.csv:3, field zieljahr: 2017 is not after the basisjahr 2019");
    }

    @Test
    void a_kreis_outside_the_edition_a_wrong_number_and_a_second_goal_are_refused() {
        assertThatThrownBy(() -> goals(HEADER + "auslaenderanteil;03159;2019;10;2027;\n"))
                .hasMessageContaining("ziele.csv:3, field kreis: '03159' is not a Kreis of the edition");
        assertThatThrownBy(() -> goals(HEADER + "auslaenderanteil;15001;2019;10 %;2027;\n"))
                .hasMessageContaining("ziele.csv:3, field zielwert: '10 %'; allowed: a number");
        assertThatThrownBy(() -> goals(
                        HEADER + "auslaenderanteil;15001;2019;10;2027;\n" + "auslaenderanteil;15001;2019;9;2027;\n"))
                .hasMessageContaining("ziele.csv:4: a second goal for auslaenderanteil and 15001");
        assertThatThrownBy(() -> goals("indikator;kreis;jahr\n"))
                .hasMessageContaining("ziele.csv:1: the header is 'indikator;kreis;jahr'");
    }

    private static final String MEASURE = """
            - id: M-01
              titel: Sprachkurse für Eltern
              handlungsfeld: Arbeit
              traeger: Volkshochschule
              beginn: 2021-03
              status: laufend
              indikatoren: [arbeitslosenquote_auslaender]
              kreise: ["15001"]
              text: |
                Der Kurs läuft an **drei** Schulen.
            """;

    private static List<Measure> measures(String yaml) {
        return MeasuresFile.read(MEASURES, yaml, scope());
    }

    @Test
    void a_measure_is_read_with_its_period_status_and_the_line_of_its_text() {
        Measure measure = measures(MEASURE).get(0);
        assertThat(measure.start()).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(measure.end()).isEmpty();
        assertThat(measure.status()).isEqualTo(MeasureStatus.LAUFEND);
        assertThat(measure.markdown()).isEqualTo("Der Kurs läuft an **drei** Schulen.\n");
        assertThat(measure.textLine()).isEqualTo(10);
        assertThat(measure.appliesTo("15001")).isTrue();
        assertThat(measure.appliesTo("15002")).isFalse();
    }

    @Test
    void a_status_that_is_not_one_of_the_four_is_refused_with_the_four() {
        assertThatThrownBy(() -> measures(MEASURE.replace("status: laufend", "status: begonnen")))
                .isInstanceOf(GoalException.class)
                .hasMessageContaining("massnahmen.yml:6 (Maßnahme 1, id M-01), field status: 'begonnen'; allowed:"
                        + " geplant, laufend, abgeschlossen, eingestellt");
    }

    @Test
    void an_unknown_handlungsfeld_is_refused_with_the_editions_ones() {
        assertThatThrownBy(() -> measures(MEASURE.replace("handlungsfeld: Arbeit", "handlungsfeld: Sport")))
                .hasMessageContaining("massnahmen.yml:3 (Maßnahme 1, id M-01), field handlungsfeld: 'Sport';"
                        + " allowed: Bevölkerung, Arbeit");
    }

    @Test
    void a_measure_aimed_at_an_indicator_not_in_the_edition_is_refused() {
        assertThatThrownBy(() -> measures(MEASURE.replace("[arbeitslosenquote_auslaender]", "[sgb2_quote]")))
                .hasMessageContaining("massnahmen.yml:7 (Maßnahme 1, id M-01)")
                .hasMessageContaining("field indikatoren: 'sgb2_quote' is an indicator of the catalogue the edition"
                        + " does not show; allowed: the indicators of the edition: auslaenderanteil,"
                        + " arbeitslosenquote_auslaender");
        assertThatThrownBy(() -> measures(MEASURE.replace("[arbeitslosenquote_auslaender]", "[quote]")))
                .hasMessageContaining("'quote' is not an indicator of the catalogue");
    }

    @Test
    void an_end_before_the_start_a_missing_traeger_an_unknown_field_and_a_second_id_are_refused() {
        assertThatThrownBy(() -> measures(MEASURE.replace("  status:", "  ende: 2020\n  status:")))
                .hasMessageContaining("field ende: before beginn 2021-03-01");
        assertThatThrownBy(() -> measures(MEASURE.replace("  traeger: Volkshochschule\n", "")))
                .hasMessageContaining("field traeger: missing");
        assertThatThrownBy(() -> measures(MEASURE.replace("  titel:", "  title:")))
                .hasMessageContaining("massnahmen.yml:2 (Maßnahme 1): unknown field 'title'; allowed: id, titel");
        assertThatThrownBy(() -> measures(MEASURE + MEASURE))
                .hasMessageContaining("massnahmen.yml:11 (Maßnahme 2), field id: 'M-01' a second time");
        assertThatThrownBy(() -> measures(MEASURE.replace("beginn: 2021-03", "beginn: März 2021")))
                .hasMessageContaining("field beginn: 'März 2021'; allowed: a year (2021), a month (2021-03)");
    }

    @Test
    void the_stubs_are_read_as_no_goals_and_no_measures(@TempDir Path folder) throws Exception {
        List<Path> written = GoalsAndMeasures.createStubs(
                folder,
                "Bericht",
                List.of("Bevölkerung", "Arbeit"),
                List.of("auslaenderanteil", "arbeitslosenquote_auslaender"),
                "15001");
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("ziele.csv", "massnahmen.yml");
        GoalsAndMeasures loaded = GoalsAndMeasures.load(folder, scope());
        assertThat(loaded.goals()).isEmpty();
        assertThat(loaded.measures()).isEmpty();
        assertThat(loaded.files()).containsOnlyKeys("ziele.csv", "massnahmen.yml");
        // the example lines, uncommented, are valid
        String goals =
                Files.readString(folder.resolve("ziele.csv")).replace("# auslaenderanteil;", "auslaenderanteil;");
        assertThat(GoalsFile.read(GOALS, goals.getBytes(StandardCharsets.UTF_8), scope()))
                .hasSize(1);
        String measures = Files.readString(folder.resolve("massnahmen.yml"))
                .replace("[]\n", "")
                .lines()
                .map(l -> l.startsWith("# - ") || l.startsWith("#   ") ? l.substring(2) : l)
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(MeasuresFile.read(MEASURES, measures, scope())).hasSize(1);
    }
}
