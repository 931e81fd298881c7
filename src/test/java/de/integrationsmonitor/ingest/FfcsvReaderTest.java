package de.integrationsmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FfcsvReaderTest {

    private static final String POPULATION = "12411-01-01-4_population-by-sex_de_flat.csv";
    private static final String ENGLISH = "12411-01-01-4_totals-english-labels_en_flat.csv";
    private static final String OLD_GERMAN = "12411-01-01-4_old-german-header_flat.csv";
    private static final String OLD_GERMAN_QUALITY = "11111-0001_old-german-quality-column_flat.csv";
    private static final String NOT_PUBLISHED = "13111-01-03-4_kreis-level-not-published_de_flat.csv";
    private static final String SYMBOLS = "12531-0043_special-symbols_de_flat.csv";
    private static final String REJECTED = "12531-0043_rejected-lines_de_flat.csv";

    @TempDir
    Path temp;

    private record Read(LineAccount account, RecordingListener recorded) {}

    private static Path fixture(String name) {
        try {
            return Path.of(
                    FfcsvReaderTest.class.getResource("/fixtures/ffcsv/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Read read(Path file) throws IOException {
        RecordingListener recorded = new RecordingListener();
        LineAccount account = new FfcsvReader().read(ExtractSource.scan(file), recorded);
        return new Read(account, recorded);
    }

    private static BigDecimal number(Observation o) {
        return o.cell().number().orElseThrow(() -> new AssertionError("no number in " + o));
    }

    private Path zip(String zipName, Map<String, byte[]> entries) throws IOException {
        Path zip = temp.resolve(zipName);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    private Path zip(String zipName, String entryName, byte[] content) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(entryName, content);
        return zip(zipName, entries);
    }

    private static byte[] bytes(String fixture) {
        try {
            return Files.readAllBytes(fixture(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("the current form with English column names")
    class CurrentForm {

        @Test
        @DisplayName("Dessau-Roßlau's population on 31.12.2024 by sex, the total as Insgesamt, from its Kreis code")
        void populationBySex() throws IOException {
            Read read = read(fixture(POPULATION));
            RecordingListener r = read.recorded();

            assertThat(number(r.value("15001", "Bevölkerungsstand | männlich"))).isEqualByComparingTo("36058");
            assertThat(number(r.value("15001", "Bevölkerungsstand | weiblich"))).isEqualByComparingTo("39344");
            Observation total = r.value("15001", "Bevölkerungsstand | Insgesamt");
            assertThat(number(total)).isEqualByComparingTo("75402");
            assertThat(total.referenceDate()).isEqualTo(LocalDate.of(2024, 12, 31));
            assertThat(total.period())
                    .isEqualTo(new Period(PeriodKind.STICHTAG, LocalDate.of(2024, 12, 31), "31.12.2024"));
            assertThat(total.unit()).isEqualTo("Anzahl");
            assertThat(total.tableCode()).isEqualTo("12411-01-01-4");
            assertThat(total.sourceLine())
                    .as("header is line 1, the total is the third data line")
                    .isEqualTo(4);
            assertThat(total.cell().hasMarker()).isFalse();
            assertThat(number(r.value("15002", "Bevölkerungsstand | Insgesamt")))
                    .isEqualByComparingTo("226767");
        }

        @Test
        @DisplayName("the header names the table (from the file name), the statistic's label and the encoding")
        void header() throws IOException {
            RecordingListener r = read(fixture(POPULATION)).recorded();

            assertThat(r.header.tableCode()).isEqualTo("12411-01-01-4");
            assertThat(r.header.format()).isEqualTo(ExtractFormat.FFCSV);
            assertThat(r.header.title()).isEqualTo("Fortschreibung des Bevölkerungsstandes");
            assertThat(r.header.encoding()).isEqualTo("UTF-8 (BOM)");
            assertThat(r.header.fileName()).isEqualTo(POPULATION);
            assertThat(r.footer).as("ffcsv has no footer: no Stand, no notes").isEqualTo(ExtractFooter.none());
        }

        @Test
        @DisplayName("a Berlin Bezirk (8-digit code) is skipped with the reason; every line is accounted for")
        void gemeindeSkippedAndAccountAddsUp() throws IOException {
            Read read = read(fixture(POPULATION));

            assertThat(read.recorded().skipped).singleElement().satisfies(line -> {
                assertThat(line.number()).isEqualTo(5);
                assertThat(line.reason()).contains("Gemeinde below Kreis level");
                assertThat(line.content()).contains("11001001;Berlin-Mitte");
            });
            assertThat(read.account()).isEqualTo(new LineAccount(7, 6, 0, 1, 6));
            assertThat(read.recorded().observations).hasSize(6);
        }

        @Test
        @DisplayName("an English file: 'Total' becomes Insgesamt, other labels stay, decimals have a point")
        void englishLabels() throws IOException {
            Read read = read(fixture(ENGLISH));
            RecordingListener r = read.recorded();

            assertThat(number(r.value("15001", "Population | Insgesamt"))).isEqualByComparingTo("75402");
            assertThat(number(r.value("15001", "Population | male"))).isEqualByComparingTo("36058");
            Observation share = r.value("15001", "Share of women | Insgesamt");
            assertThat(number(share)).isEqualByComparingTo("52.2");
            assertThat(share.unit()).isEqualTo("%");
            assertThat(read.account()).isEqualTo(new LineAccount(3, 3, 0, 0, 3));
        }

        @Test
        @DisplayName("Kreis level not yet published: '-' is a marker without a number; Germany, the Land have values")
        void kreisLevelNotPublished() throws IOException {
            Read read = read(fixture(NOT_PUBLISHED));
            RecordingListener r = read.recorded();
            String path = "Sozialversicherungspfl. Beschäftigte (Arbeitsort) | ausländisch | ";

            Observation dessau = r.value("15001", path + "weiblich");
            assertThat(dessau.cell().hasNumber()).isFalse();
            assertThat(dessau.cell().marker()).isEqualTo(Marker.NOTHING.symbol());
            assertThat(r.value("15001", path + "Insgesamt").cell().hasNumber()).isFalse();
            assertThat(number(r.value("DG", path + "weiblich"))).isEqualByComparingTo("2276342");
            assertThat(number(r.value("15", path + "Insgesamt"))).isEqualByComparingTo("68416");
            assertThat(r.value("DG", path + "weiblich").referenceDate()).isEqualTo(LocalDate.of(2025, 6, 30));
        }

        @Test
        @DisplayName("a Regierungsbezirk (REGBEZ 033) and a Gemeinde (03241001) are skipped, each with its reason")
        void regionLevelsSkipped() throws IOException {
            Read read = read(fixture(NOT_PUBLISHED));

            assertThat(read.recorded().skipped)
                    .extracting(RecordingListener.Line::number, RecordingListener.Line::reason)
                    .containsExactly(
                            tuple(4L, "Regierungsbezirk aggregate: the store keeps Germany, Länder and Kreise"),
                            tuple(7L, "Gemeinde below Kreis level: the store keeps Germany, Länder and Kreise"));
            assertThat(read.account()).isEqualTo(new LineAccount(6, 4, 0, 2, 4));
        }

        @Test
        @DisplayName("special symbols: '-' . x / ... replace the number, (12) and 1234p carry one, 0 is a real zero")
        void specialSymbols() throws IOException {
            Read read = read(fixture(SYMBOLS));
            RecordingListener r = read.recorded();

            Observation zero = r.value("15001", "Schutzsuchende | männlich");
            assertThat(number(zero)).isEqualByComparingTo("0");
            assertThat(zero.cell().hasMarker())
                    .as("0 is less than half a unit, not nothing")
                    .isFalse();
            assertThat(r.value("15001", "Schutzsuchende | weiblich").cell()).isEqualTo(Cell.missing(Marker.NOTHING));
            assertThat(r.value("15002", "Schutzsuchende | männlich").cell()).isEqualTo(Cell.missing(Marker.SECRET));
            assertThat(r.value("15002", "Schutzsuchende | weiblich").cell()).isEqualTo(Cell.missing(Marker.LOCKED));
            assertThat(r.value("15003", "Schutzsuchende | männlich").cell()).isEqualTo(Cell.missing(Marker.UNRELIABLE));
            assertThat(r.value("15003", "Schutzsuchende | weiblich").cell()).isEqualTo(Cell.missing(Marker.LATER));
            Observation limited = r.value("15081", "Schutzsuchende | männlich");
            assertThat(number(limited)).isEqualByComparingTo("12");
            assertThat(limited.cell().marker()).isEqualTo("()");
            Observation provisional = r.value("15081", "Schutzsuchende | weiblich");
            assertThat(number(provisional)).isEqualByComparingTo("1234");
            assertThat(provisional.cell().marker()).isEqualTo("p");
            assertThat(number(r.value("15082", "Schutzsuchende | männlich"))).isEqualByComparingTo("-14.6");
            assertThat(read.account()).isEqualTo(new LineAccount(9, 9, 0, 0, 9));
        }

        @Test
        @DisplayName("bad lines are rejected with the column and what was expected; the rest is stored")
        void rejectedLines() throws IOException {
            Read read = read(fixture(REJECTED));
            RecordingListener r = read.recorded();

            assertThat(r.rejectedLine(3).reason())
                    .contains("column 14 (value, Schutzsuchende | weiblich)")
                    .contains("'zwölf' is neither a number nor a special symbol");
            assertThat(r.rejectedLine(4).reason())
                    .contains("unknown region code '1500'")
                    .contains("column 8 (KREISE)");
            assertThat(r.rejectedLine(5).reason()).isEqualTo("the row has 15 cells, the header declares 17");
            assertThat(r.rejectedLine(6).reason()).contains("column 5 (time)").contains("'Ende 2024'");
            assertThat(r.rejectedLine(6).content()).contains("Ende 2024;KREISE");
            assertThat(r.observations).extracting(Observation::sourceLine).containsExactly(2L, 7L);
            assertThat(read.account()).isEqualTo(new LineAccount(6, 2, 4, 0, 2));
        }

        @ParameterizedTest(name = "time_code {0} ({1}), time {2}: {3} ending {4}, printed \"{5}\"")
        @CsvSource({
            "STAG, Stichtag,      2024-12-31, STICHTAG,           2024-12-31, 31.12.2024",
            "STAG, Stichtag,      2025-06-30, STICHTAG,           2025-06-30, 30.06.2025",
            "JAHR, Jahr,          2016,       JAHR,               2016-12-31, 2016",
            "JAHR, Jahresdurchschnitt, 2016,  JAHRESDURCHSCHNITT, 2016-12-31, Jahresdurchschnitt 2016",
            "SCHJAHR, Schuljahr,  2010/11,    SCHULJAHR,          2011-07-31, Schuljahr 2010/11",
            "SCHJAHR, Schuljahr,  2011,       SCHULJAHR,          2011-07-31, Schuljahr 2010/11",
            "XYZ,  Unbekannt,     2016,       JAHR,               2016-12-31, 2016",
        })
        void theTimeCodeSaysTheKindOfPeriod(
                String code, String label, String time, PeriodKind kind, LocalDate end, String printed)
                throws IOException {
            Path file = write(
                    "12411-0010_period_de_flat.csv",
                    "statistics_code;statistics_label;time_code;"
                            + "time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;"
                            + "1_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label\n"
                            + "12411;Testtabelle;" + code + ";" + label + ";" + time
                            + ";KREISE;Kreise;15001;Dessau-Roßlau;"
                            + "82919;Anzahl;BEVSTD;Bevölkerungsstand\n");

            Period period =
                    read(file).recorded().value("15001", "Bevölkerungsstand").period();

            assertThat(period.kind()).isEqualTo(kind);
            assertThat(period.referenceDate()).isEqualTo(end);
            assertThat(period.label()).isEqualTo(printed);
        }

        @Test
        @DisplayName("value_q: e (final) is not kept, p is kept beside the number, a mark that contradicts is rejected")
        void valueQualityColumn() throws IOException {
            String header = "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;"
                    + "1_variable_label;1_variable_attribute_code;1_variable_attribute_label;value;value_unit;"
                    + "value_variable_code;value_variable_label;value_q\n";
            String row = "12411;Fortschreibung des Bevölkerungsstandes;JAHR;Jahr;2024;DLAND;Bundesländer;%s;%s;%s;"
                    + "Anzahl;BEVSTD;Bevölkerungsstand;%s\n";
            Path file = write(
                    "12411-0010_quality_de_flat.csv",
                    header
                            + row.formatted("15", "Sachsen-Anhalt", "2144749", "e")
                            + row.formatted("16", "Thüringen", "2100000", "p")
                            + row.formatted("14", "Sachsen", "-", "e")
                            + row.formatted("13", "Mecklenburg-Vorpommern", "1570000", "."));

            Read read = read(file);

            assertThat(read.recorded().value("15", "Bevölkerungsstand").cell())
                    .isEqualTo(Cell.of(new BigDecimal("2144749")));
            assertThat(read.recorded().value("15", "Bevölkerungsstand").period())
                    .isEqualTo(new Period(PeriodKind.JAHR, LocalDate.of(2024, 12, 31), "2024"));
            assertThat(read.recorded().value("16", "Bevölkerungsstand").cell())
                    .isEqualTo(Cell.of(new BigDecimal("2100000"), "p"));
            assertThat(read.recorded().value("14", "Bevölkerungsstand").cell()).isEqualTo(Cell.missing(Marker.NOTHING));
            assertThat(read.recorded().rejectedLine(5).reason())
                    .isEqualTo("column 14 (value_q): the quality mark"
                            + " '.' does not fit the value '1570000'; expected e, p, r or s beside a number, or nothing beside"
                            + " a special symbol");
            assertThat(read.account()).isEqualTo(new LineAccount(4, 3, 1, 0, 3));
        }

        @Test
        @DisplayName("a variable unknown by name is regional when its codes are region codes; GEMEIN rows are skipped")
        void regionalVariableByItsCodes() throws IOException {
            String header = "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;"
                    + "1_variable_label;1_variable_attribute_code;1_variable_attribute_label;value;value_unit;"
                    + "value_variable_code;value_variable_label\n";
            String row = "12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;2024-12-31;%s;Regionen;%s;%s;%s;"
                    + "Anzahl;BEVSTD;Bevölkerungsstand\n";
            Path file = write(
                    "12411-0015_regions_de_flat.csv",
                    header
                            + row.formatted("KRS", "15001", "Dessau-Roßlau", "75402")
                            + row.formatted("KRS", "", "Insgesamt", "2144749")
                            + row.formatted("GEMEIN", "15001000", "Dessau-Roßlau, Stadt", "75402")
                            + row.formatted("ALTER", "ALT018", "18 Jahre", "20000"));

            Read read = read(file);

            assertThat(number(read.recorded().value("15001", "Bevölkerungsstand")))
                    .isEqualByComparingTo("75402");
            assertThat(read.recorded().skipped)
                    .extracting(RecordingListener.Line::number, RecordingListener.Line::reason)
                    .containsExactly(
                            tuple(
                                    3L,
                                    "the total over all regions of KRS (empty region code, 'Insgesamt'):"
                                            + " not one region; Germany is kept where the office delivers it as DG"),
                            tuple(4L, "Gemeinde below Kreis level: the store keeps Germany, Länder and Kreise"));
            assertThat(read.recorded().rejectedLine(5).reason())
                    .startsWith("no regional variable: expected one"
                            + " variable group of DINSG, DLAND, REGBEZ, KREISE or GEMEIN");
            assertThat(read.account()).isEqualTo(new LineAccount(4, 1, 1, 2, 1));
        }

        @Test
        @DisplayName("Windows line breaks and a last line without a line break are read like any other")
        void lineBreaks() throws IOException {
            String text = new String(bytes(POPULATION), StandardCharsets.UTF_8)
                    .replace("\n", "\r\n")
                    .stripTrailing();
            Read read = read(write("12411-01-01-4_crlf_de_flat.csv", text));

            assertThat(read.account()).isEqualTo(new LineAccount(7, 6, 0, 1, 6));
            assertThat(read.recorded()
                            .value("15001", "Bevölkerungsstand | Insgesamt")
                            .sourceLine())
                    .isEqualTo(4);
            assertThat(read.recorded()
                            .value("15002", "Bevölkerungsstand | weiblich")
                            .sourceLine())
                    .isEqualTo(8);
        }
    }

    @Nested
    @DisplayName("the older form with German column names and one value column per statistic")
    class OldGermanForm {

        @Test
        @DisplayName("ISO-8859-1 without BOM: the value's label comes from BEVSTD__Bevoelkerungsstand__Anzahl")
        void oldGermanHeader() throws IOException {
            Read read = read(fixture(OLD_GERMAN));
            RecordingListener r = read.recorded();

            Observation men = r.value("15001", "Bevoelkerungsstand | männlich");
            assertThat(number(men)).isEqualByComparingTo("36058");
            assertThat(men.unit()).isEqualTo("Anzahl");
            assertThat(men.period().kind()).isEqualTo(PeriodKind.STICHTAG);
            assertThat(men.period().label()).isEqualTo("31.12.2024");
            assertThat(men.sourceLine()).isEqualTo(2);
            assertThat(number(r.value("15001", "Bevoelkerungsstand | Insgesamt")))
                    .isEqualByComparingTo("75402");
            assertThat(r.header.encoding()).isEqualTo("ISO-8859-1");
            assertThat(r.header.title()).isEqualTo("Fortschreibung des Bevölkerungsstandes");
            assertThat(read.account()).isEqualTo(new LineAccount(3, 3, 0, 0, 3));
        }

        @Test
        @DisplayName("a __q column marks a provisional value p; a total over the Länder (empty code) is skipped")
        void qualityColumn() throws IOException {
            Read read = read(fixture(OLD_GERMAN_QUALITY));
            RecordingListener r = read.recorded();

            Observation finalArea = r.value("15", "Gebietsflaeche");
            assertThat(number(finalArea)).isEqualByComparingTo("20467.20");
            assertThat(finalArea.unit()).isEqualTo("qkm");
            assertThat(finalArea.cell().hasMarker())
                    .as("e (final) is the ordinary state and not kept")
                    .isFalse();
            Observation provisional = r.value("01", "Gebietsflaeche");
            assertThat(provisional.cell().marker()).isEqualTo("p");
            assertThat(read.recorded().skipped).singleElement().satisfies(line -> {
                assertThat(line.number()).isEqualTo(4);
                assertThat(line.reason()).startsWith("the total over all regions of DLAND");
            });
            assertThat(read.account()).isEqualTo(new LineAccount(3, 2, 0, 1, 2));
        }
    }

    @Nested
    @DisplayName("files that are refused as a whole, with file, line and what was expected")
    class Refused {

        @Test
        @DisplayName("a file cut off in the middle of its last line is refused as truncated")
        void truncated() throws IOException {
            String text = new String(bytes(POPULATION), StandardCharsets.UTF_8);
            String cut = text.substring(0, text.stripTrailing().lastIndexOf(";Anzahl;"));
            Path file = write("12411-01-01-4_truncated_de_flat.csv", cut);

            assertThatThrownBy(() -> read(file))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessage("12411-01-01-4_truncated_de_flat.csv, line 8: the file ends in the middle of line 8"
                            + " (no line break after 14 of 17 cells); it looks truncated");
        }

        @Test
        @DisplayName("a header that is neither form is refused at line 1, naming both expected forms")
        void neitherHeader() throws IOException {
            Path file =
                    write("12411-01-01-4_classic_flat.csv", "GENESIS-Tabelle: 12411-01-01-4\nBevölkerungsstand;;;\n");

            assertThatThrownBy(() -> read(file))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessageStartingWith("12411-01-01-4_classic_flat.csv, line 1: expected the flat-file header"
                            + " 'statistics_code;statistics_label;time_code;")
                    .hasMessageContaining("or its older German form 'Statistik_Code;Statistik_Label;Zeit_Code;")
                    .hasMessageContaining("found 'GENESIS-Tabelle: 12411-01-01-4'");
        }

        @Test
        @DisplayName("a header naming a column twice is refused")
        void duplicateColumn() throws IOException {
            String header = new String(bytes(POPULATION), StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElseThrow()
                    .replace("2_variable_label", "1_variable_label");
            Path file = write("12411-01-01-4_duplicate_de_flat.csv", header + "\n");

            assertThatThrownBy(() -> read(file))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessage("12411-01-01-4_duplicate_de_flat.csv, line 1: the header names column"
                            + " '1_variable_label' twice (columns 7 and 11); expected each column once");
        }

        @Test
        @DisplayName("a variable group without all four columns is refused")
        void incompleteGroup() throws IOException {
            Path file = write(
                    "12411-01-01-4_incomplete_de_flat.csv",
                    "statistics_code;statistics_label;"
                            + "time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;"
                            + "value;value_unit;value_variable_code;value_variable_label\n");

            assertThatThrownBy(() -> read(file))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessageContaining("line 1: variable group 1 is incomplete; expected groups numbered 1, 2, ..."
                            + " with the four columns '1_variable_code;1_variable_label;1_variable_attribute_code;"
                            + "1_variable_attribute_label' each");
        }

        @Test
        @DisplayName("a header without data lines, and an empty file, are refused")
        void noData() throws IOException {
            String header = new String(bytes(POPULATION), StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElseThrow();
            Path headerOnly = write("12411-01-01-4_header-only_de_flat.csv", header + "\n\n");
            Path empty = write("12411-01-01-4_empty_de_flat.csv", "");

            assertThatThrownBy(() -> read(headerOnly))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessageContaining(
                            "12411-01-01-4_header-only_de_flat.csv, line 1: there is a header line but" + " no data");
            assertThatThrownBy(() -> read(empty))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessageContaining(
                            "12411-01-01-4_empty_de_flat.csv: the file is empty; expected the" + " flat-file header");
        }

        @Test
        @DisplayName("a file whose name carries no table code is refused: inside, ffcsv names only the statistic")
        void noTableCode() throws IOException {
            Path file = Files.write(temp.resolve("bevoelkerung.csv"), bytes(POPULATION));

            assertThatThrownBy(() -> read(file))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessageStartingWith("bevoelkerung.csv: cannot tell which table this is: 'bevoelkerung.csv'"
                            + " does not start with a table code")
                    .hasMessageContaining("like 12411-01-01-4_..._de_flat.csv");
        }
    }

    @Nested
    @DisplayName("the table code comes from the name GENESIS gave the file")
    class TableCode {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "12411-01-01-4_1773175772751_de_flat.csv, 12411-01-01-4",
            "12531-0043_175879554_flat.csv, 12531-0043",
            "12411-01-01-4_de_flat.zip, 12411-01-01-4",
            "1000A-0001_de_flat.csv, 1000A-0001",
            "13111-01-03-4.csv, 13111-01-03-4"
        })
        void fromFileName(String fileName, String tableCode) {
            assertThat(FfcsvReader.tableCode(fileName)).contains(tableCode);
        }

        @ParameterizedTest
        @CsvSource({"bevoelkerung_flat.csv", "12411_flat.csv", "flat.csv"})
        void notFromOtherNames(String fileName) {
            assertThat(FfcsvReader.tableCode(fileName)).isEmpty();
        }
    }

    @Nested
    @DisplayName("a table code the caller declares (a download names its table in the request)")
    class DeclaredTableCode {

        private Read read(Path file, String declared) throws IOException {
            RecordingListener recorded = new RecordingListener();
            LineAccount account = new FfcsvReader().read(ExtractSource.scan(file, Optional.of(declared)), recorded);
            return new Read(account, recorded);
        }

        @Test
        @DisplayName("a Regionalatlas table (AI-N-01-2-5_<digits>_de_flat.csv) is refused by its name alone,"
                + " and read under its code when declared")
        void regionalatlasCode() throws IOException {
            Path file = Files.write(temp.resolve("AI-N-01-2-5_1773175772751_de_flat.csv"), bytes(POPULATION));

            assertThatThrownBy(() -> FfcsvReaderTest.read(file))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessageContaining("does not start with a table code");
            Read read = read(file, "AI-N-01-2-5");

            assertThat(read.recorded().header.tableCode()).isEqualTo("AI-N-01-2-5");
            assertThat(read.recorded().observations)
                    .isNotEmpty()
                    .allSatisfy(o -> assertThat(o.tableCode()).isEqualTo("AI-N-01-2-5"));
            assertThat(read.account())
                    .isEqualTo(FfcsvReaderTest.read(fixture(POPULATION)).account());
        }

        @Test
        @DisplayName("a ZIP whose names carry no table code is read under the declared one")
        void zipWithoutCodeInItsNames() throws IOException {
            Path zip = zip("download.zip", "data_de_flat.csv", bytes(SYMBOLS));

            assertThat(read(zip, "12531-0043").recorded().header.tableCode()).isEqualTo("12531-0043");
        }

        @Test
        @DisplayName("a name that starts with another table code than the one declared is refused, naming both: the"
                + " figures would pass as another table's")
        void nameOfAnotherTableIsRefused() throws IOException {
            Path file = Files.write(temp.resolve("12411-01-01-4_de_flat.csv"), bytes(POPULATION));

            assertThatThrownBy(() -> read(file, "12411-01-01-5"))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessageContaining(
                            "the file's name is table 12411-01-01-4, but table 12411-01-01-5 was asked" + " for");
        }

        @ParameterizedTest
        @CsvSource({"'12411 01'", "AI", "'../12411-01-01-4'", "''"})
        @DisplayName("a declared code that is no table code is refused, naming it")
        void notATableCode(String declared) throws IOException {
            Path file = Files.write(temp.resolve(POPULATION), bytes(POPULATION));

            assertThatThrownBy(() -> read(file, declared))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessageContaining(
                            "the table code '" + declared.strip() + "' it was delivered as is no" + " table code");
        }
    }

    @Nested
    @DisplayName("the ZIP the web service delivers")
    class Zip {

        @Test
        @DisplayName("the single entry is read as the plain file would be, and nothing is written to disk")
        void singleEntry() throws IOException {
            Path zip = zip("12411-01-01-4_de_flat.zip", "12411-01-01-4_1773175772751_de_flat.csv", bytes(POPULATION));

            Read read = read(zip);

            assertThat(number(read.recorded().value("15001", "Bevölkerungsstand | Insgesamt")))
                    .isEqualByComparingTo("75402");
            assertThat(read.recorded().header.fileName()).isEqualTo("12411-01-01-4_de_flat.zip");
            assertThat(read.recorded().header.tableCode()).isEqualTo("12411-01-01-4");
            assertThat(read.recorded().header.encoding()).isEqualTo("UTF-8 (BOM)");
            assertThat(read.account()).isEqualTo(read(fixture(POPULATION)).account());
            try (Stream<Path> files = Files.list(temp)) {
                assertThat(files).containsExactly(zip);
            }
        }

        @Test
        @DisplayName("the table code comes from the entry's name, else from the ZIP's")
        void tableCodeFromEntryOrZip() throws IOException {
            Path byEntry = zip("download.zip", "12531-0043_175879554_flat.csv", bytes(SYMBOLS));
            Path byZip = zip("12531-0043_de_flat.zip", "data_flat.csv", bytes(SYMBOLS));

            assertThat(read(byEntry).recorded().header.tableCode()).isEqualTo("12531-0043");
            assertThat(read(byZip).recorded().header.tableCode()).isEqualTo("12531-0043");
        }

        @Test
        @DisplayName("an entry in Windows-1252 without BOM is detected like a plain file")
        void entryEncodingDetected() throws IOException {
            Path zip = zip("12411-01-01-4_de_flat.zip", OLD_GERMAN, bytes(OLD_GERMAN));

            Read read = read(zip);

            assertThat(read.recorded().header.encoding()).isEqualTo("ISO-8859-1");
            assertThat(read.recorded()
                            .value("15001", "Bevoelkerungsstand | weiblich")
                            .cell()
                            .number())
                    .contains(new BigDecimal("39344"));
        }

        @Test
        @DisplayName("an empty ZIP is refused")
        void empty() throws IOException {
            Path zip = zip("12411-01-01-4_de_flat.zip", Map.of());

            assertThatThrownBy(() -> read(zip))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessage("12411-01-01-4_de_flat.zip: the ZIP holds no file; expected exactly one flat-file CSV"
                            + " (like 12411-01-01-4_..._de_flat.csv)");
        }

        @Test
        @DisplayName("a ZIP with two entries is refused, naming them")
        void twoEntries() throws IOException {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("12411-01-01-4_1_de_flat.csv", bytes(POPULATION));
            entries.put("12411-01-01-4_2_de_flat.csv", bytes(POPULATION));
            Path zip = zip("12411-01-01-4_de_flat.zip", entries);

            assertThatThrownBy(() -> read(zip))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessageStartingWith("12411-01-01-4_de_flat.zip: the ZIP holds 2 entries"
                            + " ('12411-01-01-4_1_de_flat.csv', '12411-01-01-4_2_de_flat.csv'); expected exactly one"
                            + " flat-file CSV");
        }

        @Test
        @DisplayName("a ZIP whose only entry is a folder is refused")
        void directoryEntry() throws IOException {
            Path zip = zip("12411-01-01-4_de_flat.zip", "12411-01-01-4/", new byte[0]);

            assertThatThrownBy(() -> read(zip))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessageContaining("12411-01-01-4_de_flat.zip: the ZIP's only entry '12411-01-01-4/' is a"
                            + " folder; expected one flat-file CSV");
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "../12411-01-01-4_de_flat.csv | a '..' segment",
                    "data/../../x.csv | a '..' segment",
                    "/tmp/12411-01-01-4_de_flat.csv | an absolute path",
                    "C:/12411-01-01-4_de_flat.csv | a drive letter",
                    "data\\12411-01-01-4_de_flat.csv | a backslash"
                })
        @DisplayName("an unsafe entry name is refused without extracting anything")
        void unsafeEntryName(String entryName, String why) throws IOException {
            Path zip = zip("12411-01-01-4_de_flat.zip", entryName, bytes(POPULATION));

            assertThatThrownBy(() -> read(zip))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessage("12411-01-01-4_de_flat.zip: the ZIP entry name '" + entryName + "' is unsafe (" + why
                            + "); expected a plain file name like 12411-01-01-4_..._de_flat.csv. Nothing was"
                            + " extracted");
            try (Stream<Path> files = Files.list(temp)) {
                assertThat(files).containsExactly(zip);
            }
        }

        @Test
        @DisplayName("an entry that is no flat-file CSV is refused, naming the entry")
        void entryNotFfcsv() throws IOException {
            Path zip = zip(
                    "12411-01-01-4_de_flat.zip",
                    "12411-01-01-4.csv",
                    "GENESIS-Tabelle: 12411-01-01-4\n".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> read(zip))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessageStartingWith("12411-01-01-4_de_flat.zip, line 1: the ZIP entry '12411-01-01-4.csv' is"
                            + " not a flat-file CSV: expected the flat-file header 'statistics_code;");
        }

        @Test
        @DisplayName("a damaged archive is refused")
        void damaged() throws IOException {
            Path zip = zip("12411-01-01-4_de_flat.zip", "12411-01-01-4_1_de_flat.csv", bytes(POPULATION));
            byte[] bytes = Files.readAllBytes(zip);
            // the compressed data starts after the 30-byte local header and the entry name
            int from = 30 + "12411-01-01-4_1_de_flat.csv".length() + 20;
            Arrays.fill(bytes, from, from + 40, (byte) 0x55);
            Files.write(zip, bytes);

            assertThatThrownBy(() -> read(zip))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessageStartingWith(
                            "12411-01-01-4_de_flat.zip: the ZIP entry '12411-01-01-4_1_de_flat.csv'" + " is damaged");
        }

        @Test
        @DisplayName("a file that starts like a ZIP but is none is refused")
        void notAZip() throws IOException {
            Path fake = temp.resolve("12411-01-01-4_de_flat.zip");
            try (OutputStream out = Files.newOutputStream(fake)) {
                out.write(new byte[] {'P', 'K', 3, 4, 1, 2, 3});
            }

            assertThatThrownBy(() -> read(fake))
                    .isInstanceOf(ExtractRefusedException.class)
                    .hasMessageStartingWith(
                            "12411-01-01-4_de_flat.zip: the file starts like a ZIP but cannot be" + " opened as one");
        }
    }

    @Nested
    @DisplayName("the ingest path: format detection and the reader for ffcsv")
    class IngestPath {

        @Test
        void plainFfcsvWithBomIsDetected() throws IOException {
            assertThat(bytes(POPULATION)).startsWith(0xEF, 0xBB, 0xBF);
            assertThat(FormatDetector.detect(ExtractSource.scan(fixture(POPULATION))))
                    .isEqualTo(ExtractFormat.FFCSV);
        }

        @Test
        void oldGermanFfcsvIsDetected() throws IOException {
            assertThat(FormatDetector.detect(ExtractSource.scan(fixture(OLD_GERMAN))))
                    .isEqualTo(ExtractFormat.FFCSV);
        }

        @Test
        @DisplayName("a ZIP, even an empty one, goes to the ffcsv reader, which says what is wrong with it")
        void zipIsDetected() throws IOException {
            Path full = zip("12411-01-01-4_de_flat.zip", "12411-01-01-4_1_de_flat.csv", bytes(POPULATION));
            Path empty = zip("12531-0043_de_flat.zip", Map.of());

            assertThat(FormatDetector.detect(ExtractSource.scan(full))).isEqualTo(ExtractFormat.FFCSV);
            assertThat(FormatDetector.detect(ExtractSource.scan(empty))).isEqualTo(ExtractFormat.FFCSV);
        }

        @Test
        void ingestReadsFfcsvWithThisReader() {
            assertThat(IngestService.readerFor(ExtractFormat.FFCSV)).isInstanceOf(FfcsvReader.class);
        }
    }

    /** Reads the real downloads in ../shared when they are there; skipped elsewhere. */
    @Nested
    @DisplayName("the real downloads in ../shared (skipped when absent)")
    class RealDownloads {

        private Path download(String name) {
            Path folder = Stream.of(Path.of("/work/shared"), Path.of("..", "shared"))
                    .map(p -> p.resolve("data/regionalstatistik/ffcsv"))
                    .filter(Files::isDirectory)
                    .findFirst()
                    .orElse(null);
            Assumptions.assumeTrue(folder != null, "no ../shared/data/regionalstatistik/ffcsv here");
            Path file = folder.resolve(name);
            assumeThat(file).isRegularFile();
            return file;
        }

        /** Counts and keeps only what the assertions need, so the 116,738 rows are not held in memory. */
        private static final class Tally implements ExtractListener {
            long observations;
            long kreisCells;
            long kreisCellsWithoutNumber;
            final Map<String, BigDecimal> dessau = new LinkedHashMap<>();
            final List<String> kreisMarkers = new ArrayList<>();
            Optional<BigDecimal> germany = Optional.empty();

            @Override
            public void header(ExtractHeader header) {}

            @Override
            public void observation(Observation o) {
                observations++;
                if (o.regionCode().length() == 5) {
                    kreisCells++;
                    if (!o.cell().hasNumber()) {
                        kreisCellsWithoutNumber++;
                    }
                    if (!kreisMarkers.contains(o.cell().marker())) {
                        kreisMarkers.add(o.cell().marker());
                    }
                }
                if (o.regionCode().equals("15001")) {
                    dessau.put(o.variablePath(), o.cell().number().orElse(null));
                }
                if (o.regionCode().equals("DG") && germany.isEmpty()) {
                    germany = o.cell().number();
                }
            }

            @Override
            public void rejected(long line, String reason, String content) {}

            @Override
            public void skipped(long line, String reason, String content) {}

            @Override
            public void footer(ExtractFooter footer) {}
        }

        private static LineAccount read(Path file, Tally tally) throws IOException {
            return new FfcsvReader().read(ExtractSource.scan(file), tally);
        }

        @Test
        @DisplayName("12531-0043: all 116,738 data lines are read and accounted for")
        void protectionSeekers() throws IOException {
            Tally tally = new Tally();
            LineAccount account = read(download("12531-0043_de_flat.zip"), tally);

            assertThat(account.dataLines()).isEqualTo(116_738);
            assertThat(account.stored() + account.rejected() + account.skipped())
                    .isEqualTo(116_738);
            assertThat(account.rejected()).isZero();
            assertThat(account.observations()).isEqualTo(tally.observations).isEqualTo(account.stored());
        }

        @Test
        @DisplayName("12411-01-01-4: Dessau-Roßlau 15001 on 31.12.2024 had 36,058 men, 39,344 women, 75,402 in all")
        void dessauRosslau() throws IOException {
            Tally tally = new Tally();
            read(download("12411-01-01-4_de_flat.zip"), tally);

            assertThat(tally.dessau)
                    .containsOnly(
                            Map.entry("Bevölkerungsstand | männlich", new BigDecimal("36058")),
                            Map.entry("Bevölkerungsstand | weiblich", new BigDecimal("39344")),
                            Map.entry("Bevölkerungsstand | Insgesamt", new BigDecimal("75402")));
        }

        @Test
        @DisplayName("13111-01-03-4 on 30.06.2025: every Kreis-level cell is '-', Germany has numbers")
        void kreisLevelNotYetPublished() throws IOException {
            Tally tally = new Tally();
            LineAccount account = read(download("13111-01-03-4_de_flat.zip"), tally);

            assertThat(tally.kreisCells).isPositive();
            assertThat(tally.kreisCellsWithoutNumber).isEqualTo(tally.kreisCells);
            assertThat(tally.kreisMarkers).containsExactly("-");
            assertThat(tally.germany).isPresent();
            assertThat(account.rejected()).isZero();
        }
    }
}
