package de.integrationsmonitor.datenquellen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.observation.PeriodKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A source description is checked before any file is read through it; a wrong one names file and field. */
class SourceDescriptionsTest {

    @TempDir
    Path folder;

    @Test
    void theShippedDescriptionsAreValidAndTakeTheirFiles() {
        SourceDescriptions shipped = SourceDescriptions.load(Path.of("jobs", "datenquellen"));

        assertThat(shipped.all())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.id()).startsWith("eigen:"));
        SourceDescription svb = shipped.forFile("2020_5-1-3.xlsx").orElseThrow();
        assertThat(svb.id()).isEqualTo("eigen:svb-auslaender");
        assertThat(svb.period().kind()).isEqualTo(PeriodKind.STICHTAG);
        assertThat(svb.period().day()).contains(MonthDay.of(6, 30));
        assertThat(svb.region().land()).contains("03");
        assertThat(shipped.forFile("2020_3-1-2.xlsx").orElseThrow().id()).isEqualTo("eigen:kita-migration");
        assertThat(shipped.forFile("12411-01-01-4.csv")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "id without prefix        | id: eigen:svb-auslaender     | id: 'svb' is not allowed; expected 'eigen:' followed by",
                "unknown region mode      | mode: ags-in-land            | mode: 'kreisname' is not allowed; expected one of [ags, ags-in-land, key-and-name, name]",
                "period kind              | kind: stichtag               | kind: 'monat' is not allowed; expected one of [stichtag, jahresdurchschnitt, jahressumme, jahr, schuljahr]",
                "column letter            | column: B                    | column: 'zwei' is not allowed; expected a column letter such as B or AF",
                "header rows              | header_rows: [6, 7]          | header_rows: '[7, 6]' is not allowed; expected 'derived', or a list of row numbers",
                "symbol meaning           | symbols: {'*': '.'}          | symbols: '*' means 'geheim'; allowed meanings are the offices' symbols [-, ., x, /, ...]",
                "unknown field            | unit: Anzahl                 | unknown field 'einheit'; allowed fields: [attribution, file",
            })
    void aWrongFieldIsRefusedNamingFileFieldAndTheAllowedValues(String what, String right, String message)
            throws IOException {
        String wrong = switch (what.strip()) {
            case "id without prefix" -> "id: svb";
            case "unknown region mode" -> "mode: kreisname";
            case "period kind" -> "kind: monat";
            case "column letter" -> "column: zwei";
            case "header rows" -> "header_rows: [7, 6]";
            case "symbol meaning" -> "symbols: {'*': 'geheim'}";
            default -> "einheit: Anzahl";
        };
        Path file = folder.resolve("falsch.yml");
        Files.writeString(file, valid().replace(right.strip(), wrong));

        assertThatThrownBy(() -> SourceDescriptions.load(folder))
                .isInstanceOf(SourceDescriptionException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(message.strip());
    }

    @Test
    void aLandIsNeededWhereKeysOrNamesAreGivenWithoutIt() throws IOException {
        Files.writeString(folder.resolve("ohne-land.yml"), valid().replace("land: \"03\", ", ""));

        assertThatThrownBy(() -> SourceDescriptions.load(folder))
                .hasMessageContaining("region: land: '(missing)' is not allowed; expected the two-digit Land code");
    }

    @Test
    void exactlyOneSourceOfThePeriodIsNeeded() throws IOException {
        Files.writeString(
                folder.resolve("zwei-zeitbezuege.yml"),
                valid().replace("group_row: 5", "group_row: 5," + " fixed: '2020'"));

        assertThatThrownBy(() -> SourceDescriptions.load(folder))
                .hasMessageContaining("period: exactly one of fixed")
                .hasMessageContaining("found [fixed, group_row]");
    }

    @Test
    void aFileTwoDescriptionsTakeIsRefusedNamingBoth() throws IOException {
        Files.writeString(folder.resolve("a.yml"), valid());
        Files.writeString(folder.resolve("b.yml"), valid());

        assertThatThrownBy(() -> SourceDescriptions.load(folder).forFile("2020_5-1-3.xlsx"))
                .hasMessageContaining("taken by 2 source descriptions (a.yml, b.yml)");
    }

    private static String valid() {
        return """
                id: eigen:svb-auslaender
                title: Beschäftigte
                provider: Statistik der Bundesagentur für Arbeit
                attribution: "© Statistik der Bundesagentur für Arbeit"
                licence: "Weiterverwendung mit Quellenangabe"
                files: "*5-1-3*.xlsx"
                sheet: "2020_5-1-3_Download"
                header_rows: [6, 7]
                unit: Anzahl
                region: {mode: ags-in-land, land: "03", column: B}
                period: {kind: stichtag, day: "30.06.", group_row: 5}
                symbols: {'*': '.'}
                """;
    }
}
