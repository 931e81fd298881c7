package de.integrationsmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassicCsvReaderTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/classic");
    static final LocalDate END_2015 = LocalDate.of(2015, 12, 31);

    @TempDir
    Path temp;

    static RecordingListener read(Path file) throws IOException {
        RecordingListener listener = new RecordingListener();
        LineAccount account = new ClassicCsvReader().read(ExtractSource.scan(file), listener);
        assertThat(account.dataLines()).isEqualTo(account.stored() + account.rejected() + account.skipped());
        assertThat(account.observations()).isEqualTo(listener.observations.size());
        return listener;
    }

    @Test
    void wideLayoutReadsOneReferenceDatePerColumnFromTheHeaderRows() throws IOException {
        RecordingListener r = read(FIXTURES.resolve("wide-layout-two-dates.csv"));

        assertThat(r.header.tableCode()).isEqualTo("12411-01-01-4");
        assertThat(r.header.encoding()).isEqualTo("ISO-8859-1");
        assertThat(r.number("15001", END_2015, "Insgesamt")).isEqualByComparingTo("82919");
        assertThat(r.number("15001", LocalDate.of(2014, 12, 31), "männlich")).isEqualByComparingTo("40339");
        assertThat(r.find("15001", END_2015, "Insgesamt").sourceLine()).isEqualTo(13);
        // no units row: the title line "Bevölkerungsstand (Anzahl)" names the unit of every column
        assertThat(r.find("15001", END_2015, "Insgesamt").unit()).isEqualTo("Anzahl");
        // Berlin is listed as Land 11 in classic files; it is stored under that code
        assertThat(r.number("11", END_2015, "Insgesamt")).isEqualByComparingTo("3520031");
    }

    @Test
    void aFileOfAnotherTableThanTheOneAskedForIsRefusedNamingBoth() {
        assertThatThrownBy(() -> new ClassicCsvReader()
                        .read(
                                ExtractSource.scan(
                                        FIXTURES.resolve("wide-layout-two-dates.csv"),
                                        java.util.Optional.of("12511-01-01-4")),
                                new RecordingListener()))
                .isInstanceOf(ExtractRefusedException.class)
                .hasMessageContaining("line 1: the file is table 12411-01-01-4 ('GENESIS-Tabelle: 12411-01-01-4'),"
                        + " but table 12511-01-01-4 was asked for");
    }

    @Test
    void aFileOfTheTableAskedForIsRead() throws IOException {
        RecordingListener r = new RecordingListener();
        new ClassicCsvReader()
                .read(
                        ExtractSource.scan(
                                FIXTURES.resolve("wide-layout-two-dates.csv"), java.util.Optional.of("12411-01-01-4")),
                        r);
        assertThat(r.header.tableCode()).isEqualTo("12411-01-01-4");
        assertThat(r.observations).isNotEmpty();
    }

    @Test
    void dissolvedKreisKeepsItsDashAsMarkerNotAsZero() throws IOException {
        RecordingListener r = read(FIXTURES.resolve("wide-layout-two-dates.csv"));

        Cell dessauOld = r.cell("15101", END_2015, "Insgesamt");
        assertThat(dessauOld.number()).isEmpty();
        assertThat(dessauOld.marker()).isEqualTo("-");
    }

    @Test
    void regierungsbezirkAggregateIsSkippedWithItsReason() throws IOException {
        RecordingListener r = read(FIXTURES.resolve("wide-layout-two-dates.csv"));

        assertThat(r.skipped).singleElement().asString().contains("12:", "Regierungsbezirk");
        assertThat(r.observations).noneMatch(o -> o.regionCode().equals("151"));
    }

    @Test
    void footerGivesTheOfficesStandAndNotes() throws IOException {
        RecordingListener r = read(FIXTURES.resolve("wide-layout-two-dates.csv"));

        assertThat(r.footer.stand()).contains(LocalDateTime.of(2017, 12, 14, 15, 51, 18));
        assertThat(r.footer.notes()).anyMatch(n -> n.contains("Datenlizenz Deutschland"));
    }

    @Test
    void periodColumnLayoutAppendsTheAgeGroupToTheHeaderPath() throws IOException {
        RecordingListener r = read(FIXTURES.resolve("period-column-age-groups.csv"));

        assertThat(r.header.encoding()).isEqualTo("UTF-8");
        assertThat(r.number("15001", END_2015, "Ausländer(innen) | Insgesamt | Insgesamt"))
                .isEqualByComparingTo("3398");
        assertThat(r.number("15001", END_2015, "Insgesamt | Insgesamt | Insgesamt"))
                .isEqualByComparingTo("82919");
        assertThat(r.number("15001", END_2015, "Ausländer(innen) | Insgesamt | unter 3 Jahre"))
                .isEqualByComparingTo("163");
        assertThat(r.find("15001", END_2015, "Deutsche | weiblich | Insgesamt").period())
                .isEqualTo(new Period(PeriodKind.STICHTAG, END_2015, "31.12.2015"));
    }

    @Test
    void periodTitleLineLayoutWithUnitsRowAndByteOrderMark() throws IOException {
        RecordingListener r = read(FIXTURES.resolve("period-title-line-label-column.csv"));

        assertThat(r.header.encoding()).isEqualTo("UTF-8 (BOM)");
        String path =
                "Zuzüge aus dem Ausland über die Gemeindegrenzen | Geschlecht | Insgesamt | 18 bis unter 25 Jahre";
        Observation zuzuege = r.find("15001", END_2015, path);
        assertThat(zuzuege.cell().number()).contains(new BigDecimal("412"));
        assertThat(zuzuege.unit()).isEqualTo("Anzahl");
        assertThat(zuzuege.period()).isEqualTo(new Period(PeriodKind.JAHRESSUMME, END_2015, "2015"));
        assertThat(zuzuege.period().label()).isEqualTo("Jahressumme 2015");
    }

    @Test
    void everySpecialSymbolBecomesAMarkerAndBadRowsAreQuarantined() throws IOException {
        RecordingListener r = read(FIXTURES.resolve("secret-cells.csv"));
        LocalDate year = LocalDate.of(2016, 12, 31);

        assertThat(r.cell("01001", year, "Wert").marker()).isEqualTo("-");
        assertThat(r.number("01001", year, "Anteil")).isEqualByComparingTo("-14.6");
        assertThat(r.cell("01002", year, "Wert").marker()).isEqualTo(".");
        assertThat(r.cell("01002", year, "Anteil").marker()).isEqualTo("x");
        assertThat(r.cell("01003", year, "Wert").marker()).isEqualTo("/");
        assertThat(r.cell("01003", year, "Anteil").marker()).isEqualTo("...");
        assertThat(r.cell("01004", year, "Wert")).isEqualTo(Cell.of(new BigDecimal("12"), "()"));
        assertThat(r.cell("01004", year, "Anteil")).isEqualTo(Cell.of(BigDecimal.ZERO));
        assertThat(r.cell("01051", year, "Wert")).isEqualTo(Cell.of(new BigDecimal("12"), "p"));
        assertThat(r.cell("01051", year, "Anteil")).isEqualTo(Cell.of(new BigDecimal("5.35"), "r"));
        assertThat(r.rejected).hasSize(2);
        assertThat(r.rejected.get(0).toString()).contains("13:", "'abc' is neither a number nor a special symbol");
        assertThat(r.rejected.get(1).toString()).contains("14:", "the row has 6 cells, the header declares 5");
        assertThat(r.observations)
                .noneMatch(o -> o.regionCode().equals("01053") || o.regionCode().equals("01054"));
    }

    @Test
    void aFileThatIsNotAGenesisExtractIsRefusedNamingFileLineAndExpectation() throws IOException {
        Path file = temp.resolve("notes.csv");
        Files.writeString(file, "Name;Wert\nA;1\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(ExtractRefusedException.class)
                .hasMessageContaining("notes.csv, line 1")
                .hasMessageContaining("expected 'GENESIS-Tabelle: <table code>'");
    }

    @Test
    void aFileCutOffBeforeItsFooterIsRefusedAsTruncated() throws IOException {
        String whole = Files.readString(FIXTURES.resolve("period-column-age-groups.csv"));
        Path file = temp.resolve("cut.csv");
        Files.writeString(file, whole.substring(0, whole.indexOf("Halle") + 20));

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(ExtractRefusedException.class)
                .hasMessageContaining("cut.csv, line 13")
                .hasMessageContaining("truncated");
    }

    /** The title lines of the real files in ../shared, as they declare the kind of their periods. */
    @ParameterizedTest(name = "''{0}'' declares {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "- Stichtag 31.12. -|STICHTAG|--12-31",
                "und Altersgruppen (21) - Stichtag 31.12. - (ab 2011)|STICHTAG|--12-31",
                "nach Geschlecht und Nationalität - Stichtag 30.06.-|STICHTAG|--06-30",
                "Regelleistungsberechtigte nach dem SGB II- Stichtag 31.12. -|STICHTAG|--12-31",
                "Geschlecht - Jahresdurchschnitt -|JAHRESDURCHSCHNITT|",
                "Arbeitslosenquoten - Jahresdurchschnitt -|JAHRESDURCHSCHNITT|",
                "- Jahr - regionale Tiefe: Kreise und krfr. Städte|JAHR|",
                "und Grenzen des Bundesgebietes) - Jahressumme -|JAHRESSUMME|",
                "- Jahressumme - regionale Tiefe: Kreise und krfr. Städte|JAHRESSUMME|",
                "nach dem Schulabschluss - Schuljahr -|SCHULJAHR|",
            })
    void theTitleBlockDeclaresTheKindOfPeriod(String titleLine, PeriodKind kind, String day) {
        Period.Declaration declared =
                ClassicCsvReader.declaredPeriodKind(titleLine).orElseThrow();
        assertThat(declared.kind()).isEqualTo(kind);
        assertThat(declared.day().map(Object::toString)).isEqualTo(java.util.Optional.ofNullable(day));
    }

    @Test
    void aTitleWithoutADeclaredKindLeavesTheYearACalendarYear() {
        assertThat(ClassicCsvReader.declaredPeriodKind("Statistik der allgemein bildenden Schulen"))
                .isEmpty();
        assertThat(ClassicCsvReader.declaredPeriodKind("Zu- und Fortzüge nach Altersgruppen (über Gemeindegrenzen"))
                .isEmpty();
    }

    @Test
    void aYearOfATableOfStichtage30JuneIsThe30JuneOfThatYear() throws IOException {
        Path file = temp.resolve("13111-01-03-4_year-column.csv");
        Files.writeString(file, """
                GENESIS-Tabelle: 13111-01-03-4
                Sozialversicherungspflichtig Beschäftigte am Arbeitsort;;;
                nach Geschlecht und Nationalität - Stichtag 30.06.-;;;
                regionale Tiefe: Kreise und krfr. Städte;;;
                ;;;Insgesamt
                ;;;Anzahl
                2015;15001;      Dessau-Roßlau, Kreisfreie Stadt;30718
                __________
                Stand: 14.12.2017 / 15:51:18
                """, StandardCharsets.UTF_8);

        Observation o = read(file).observations.get(0);

        assertThat(o.period()).isEqualTo(new Period(PeriodKind.STICHTAG, LocalDate.of(2015, 6, 30), "2015"));
        assertThat(o.period().label()).isEqualTo("30.06.2015");
    }

    @Test
    void aTableOfGemeindeDepthIsReadWholeWithEveryKeyAsTheOfficeWritesIt() throws IOException {
        RecordingListener r = read(Path.of("src/test/resources/fixtures/gemeinden/gemeinden-depth-5.csv"));
        LocalDate june2015 = LocalDate.of(2015, 6, 30);
        String all = r.observations.get(0).variablePath();

        // only the Regierungsbezirk (Stat. Region 031) is skipped; no line for being a Gemeinde or Gemeindeverband
        assertThat(r.skipped).singleElement().asString().contains("14:", "Regierungsbezirk");
        assertThat(r.rejected).isEmpty();
        assertThat(r.observations.stream().map(Observation::regionCode).distinct())
                .containsExactly(
                        "DG",
                        "03",
                        "03151",
                        "03151009",
                        "03151401",
                        "03151401002",
                        "03151401004",
                        "07",
                        "07131",
                        "0713100007",
                        "0713101",
                        "0713101001",
                        "0713101004",
                        "0713102",
                        "0713102004");
        assertThat(r.number("03151009", june2015, all)).isEqualByComparingTo("1000");
        assertThat(r.number("0713100007", june2015, all)).isEqualByComparingTo("500");
        // a Gemeinde listed under the Verbandsgemeinde it left keeps its '-' there, and its figure under the new one
        assertThat(r.cell("0713101004", june2015, all).marker()).isEqualTo("-");
        assertThat(r.number("0713102004", june2015, all)).isEqualByComparingTo("100");
        // the Samtgemeinde's '.' stays a marker; the Kreis row is read as in a Kreis table
        assertThat(r.cell("03151401", june2015, all).marker()).isEqualTo(".");
        assertThat(r.number("03151", june2015, all)).isEqualByComparingTo("1300");
    }

    @Test
    void aTableOfKreisDepthStillSkipsItsGemeindeLines() throws IOException {
        Path file = temp.resolve("12411-01-01-4_city.csv");
        Files.writeString(file, """
                GENESIS-Tabelle: 12411-01-01-4
                Bevölkerungsstand (Anzahl);;
                - Stichtag 31.12. -;;
                regionale Tiefe: Kreise und krfr. Städte;;
                ;;31.12.2015
                ;;Insgesamt
                03241;      Region Hannover, Landkreis;1144481
                03241001;        Hannover, Landeshauptstadt;532163
                __________
                Stand: 14.12.2017 / 15:51:18
                """, StandardCharsets.UTF_8);

        RecordingListener r = read(file);

        assertThat(r.observations).extracting(Observation::regionCode).containsExactly("03241");
        assertThat(r.skipped).singleElement().asString().contains("8:", "Gemeinde below Kreis level");
    }
}
