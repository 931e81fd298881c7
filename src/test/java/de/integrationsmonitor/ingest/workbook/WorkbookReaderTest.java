package de.integrationsmonitor.ingest.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.datenquellen.SourceDescriptions;
import de.integrationsmonitor.ingest.ExtractFormat;
import de.integrationsmonitor.ingest.ExtractRefusedException;
import de.integrationsmonitor.ingest.ExtractSource;
import de.integrationsmonitor.ingest.IngestLimits;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.region.KreisNames;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.testing.WorkbookWriter;
import de.integrationsmonitor.testing.WorkbookWriter.Formula;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Workbooks in the offices' shapes, read as their source descriptions say. */
class WorkbookReaderTest {

    static final KreisRegister REGISTER = KreisRegister.load(Path.of("jobs", "register"));
    static final KreisNames NAMES = KreisNames.load(REGISTER, Path.of("jobs", "register"));
    static final String EMPLOYEES = "Sozialversicherungspflichtig beschäftigte Ausländerinnen und Ausländer";

    @TempDir
    Path temp;

    Recorded read(String yaml, Path workbook) throws IOException {
        return read(yaml, workbook, IngestLimits.defaults());
    }

    Recorded read(String yaml, Path workbook, IngestLimits limits) throws IOException {
        Path file = temp.resolve("beschreibung.yml");
        Files.writeString(file, yaml);
        Recorded recorded = new Recorded();
        recorded.account = new WorkbookReader(SourceDescriptions.loadFile(file), NAMES, limits)
                .read(ExtractSource.scan(workbook), recorded);
        return recorded;
    }

    @Test
    void yearsAsColumnGroupsUnderAMergedHeaderGiveOnePeriodPerGroupAndEveryColumnItsPath() throws IOException {
        Recorded r = read(
                OwnDataShapes.COLUMN_GROUPS_YAML, OwnDataShapes.columnGroups().xlsx(temp.resolve("2020_5-1-3.xlsx")));

        assertThat(r.header.format()).isEqualTo(ExtractFormat.WORKBOOK);
        assertThat(r.header.tableCode()).isEqualTo("eigen:test-svb");
        // the merged year spans its group; the merged label spans its columns; the footnote marker is dropped
        Observation women2020 = r.cell("03101", EMPLOYEES + " | Frauen", 2020).orElseThrow();
        assertThat(women2020.cell().number()).contains(new BigDecimal("500"));
        assertThat(women2020.unit()).isEqualTo("Anzahl");
        assertThat(women2020.period().kind()).isEqualTo(PeriodKind.STICHTAG);
        assertThat(women2020.referenceDate()).isEqualTo(LocalDate.of(2020, 6, 30));
        assertThat(women2020.sourceLine()).isEqualTo(9);
        Observation low2019 =
                r.cell("03101", "Darunter nach Qualifikation | niedrig", 2019).orElseThrow();
        assertThat(low2019.cell().number()).contains(new BigDecimal("21"));
        assertThat(low2019.unit()).isEqualTo("Prozent");
        assertThat(low2019.referenceDate()).isEqualTo(LocalDate.of(2019, 6, 30));
        // 3-digit keys in the Land; the BA's * is declared secret, x is the offices' own
        assertThat(r.cell("03102", "Darunter nach Qualifikation | hoch", 2020)
                        .orElseThrow()
                        .cell())
                .satisfies(c -> {
                    assertThat(c.number()).isEmpty();
                    assertThat(c.marker()).isEqualTo(".");
                });
        assertThat(r.cell("03102", "Darunter nach Qualifikation | hoch", 2019)
                        .orElseThrow()
                        .cell()
                        .marker())
                .isEqualTo("x");
        assertThat(r.cell("03241", EMPLOYEES + " | Insgesamt", 2019)
                        .orElseThrow()
                        .cell()
                        .number())
                .contains(new BigDecimal("5800"));
        // 3 Kreise x 2 years x 5 columns; the Statistische Region, the part of the Region and the Land skipped
        assertThat(r.observations).hasSize(30);
        assertThat(r.skipped).extracting(Recorded.Row::number).containsExactly(11L, 13L, 14L);
        assertThat(r.skipped)
                .extracting(Recorded.Row::reason)
                .satisfiesExactly(
                        s -> assertThat(s)
                                .contains("Stat. Region Braunschweig", "aggregate", "2020_5-1-3_Download!B11"),
                        s -> assertThat(s).contains("dav. Hannover,Landeshauptstadt", "part of a Kreis"),
                        s -> assertThat(s).contains("Niedersachsen", "the Land"));
        assertThat(r.account.dataLines()).isEqualTo(6);
        assertThat(r.account.stored() + r.account.rejected() + r.account.skipped())
                .isEqualTo(6);
        assertThat(r.account.stored()).isEqualTo(3);
    }

    @Test
    void aFurtherShapeNamesOnlyUnderThreeMergedHeaderRowsNeedsOnlyItsDescription() throws IOException {
        Recorded r = read(
                OwnDataShapes.NAMES_ONLY_YAML, OwnDataShapes.namesOnly().xlsx(temp.resolve("aufenthalt-2023.xlsx")));

        assertThat(r.cell("03101", "Ausländerinnen und Ausländer | nach Aufenthaltsdauer | 8 Jahre und mehr", 2023))
                .get()
                .satisfies(o -> {
                    assertThat(o.cell().number()).contains(new BigDecimal("12000"));
                    assertThat(o.referenceDate()).isEqualTo(LocalDate.of(2023, 12, 31));
                    assertThat(o.unit()).isEqualTo("Anzahl");
                });
        assertThat(r.cell("03151", "Ausländerinnen und Ausländer | Insgesamt | Insgesamt", 2023))
                .isPresent();
        // umlaut written out, and Göttingen is 03159 since November 2016
        assertThat(r.cell("03159", "Ausländerinnen und Ausländer | Insgesamt | Insgesamt", 2023))
                .isPresent();
        assertThat(r.cell("03241", "Ausländerinnen und Ausländer | Insgesamt | Insgesamt", 2023))
                .isPresent();
        assertThat(r.rejected).extracting(Recorded.Row::number).containsExactly(10L, 11L);
        assertThat(r.rejected.get(0).reason())
                .contains(
                        "Aufenthaltsdauer!B10",
                        "'Osnabrück' is ambiguous",
                        "03404 Osnabrück, kreisfreie Stadt",
                        "03459 Osnabrück, Landkreis");
        assertThat(r.rejected.get(1).reason())
                .contains(
                        "Aufenthaltsdauer!B11",
                        "is called 'Hannober'",
                        "nearest names",
                        "03241 Region Hannover, Landkreis");
        assertThat(r.skipped)
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("the Land"));
        assertThat(r.account.dataLines()).isEqualTo(7);
        assertThat(r.account.stored()).isEqualTo(4);
        assertThat(r.account.rejected()).isEqualTo(2);
        assertThat(r.account.skipped()).isEqualTo(1);
    }

    @Test
    void keyAndNameInOneCellWithThePeriodInAColumn() throws IOException {
        Path workbook = new WorkbookWriter()
                .sheet("Kita")
                .cell("B1", "Kinder in Tageseinrichtungen (synthetische Testdaten)")
                .cell("B3", "Kreis")
                .merge("B3:B4")
                .cell("C3", "Jahr")
                .merge("C3:C4")
                .cell("D3", "Anteil der betreuten Kinder")
                .merge("D3:E3")
                .row(4, "D", "ausländische Herkunft", "Familiensprache nicht deutsch")
                .row(5, "B", "03101 Braunschweig, Stadt", 2022, 36.5, 22.25)
                .row(6, "B", "03241 Region Hannover", 2022, 38.25, 25)
                .row(7, "B", "03 Niedersachsen", 2022, 30, 20)
                .row(8, "B", "03101 Braunschweig, Stadt", 2023, 37, 23)
                .xlsx(temp.resolve("kita.xlsx"));
        Recorded r = read("""
                id: eigen:test-kita
                title: Kita (Test)
                provider: Landesamt (Test)
                attribution: "Landesamt (Test)"
                licence: "nur für Tests"
                files: "kita*.xlsx"
                sheet: Kita
                header_rows: [3, 4]
                region: {mode: key-and-name, column: B}
                period: {kind: stichtag, day: "01.03.", column: C}
                unit: Prozent
                """, workbook);

        assertThat(r.cell("03101", "Anteil der betreuten Kinder | ausländische Herkunft", 2023))
                .get()
                .satisfies(o -> {
                    assertThat(o.cell().number()).contains(new BigDecimal("37"));
                    assertThat(o.referenceDate()).isEqualTo(LocalDate.of(2023, 3, 1));
                    assertThat(o.sourceLine()).isEqualTo(8);
                });
        assertThat(r.cell("03241", "Anteil der betreuten Kinder | Familiensprache nicht deutsch", 2022))
                .isPresent();
        assertThat(r.skipped)
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("the Land"));
        assertThat(r.account.stored()).isEqualTo(3);
    }

    @Test
    void aFormulaGivesTheValueExcelStoredWithItAndIsNeverEvaluated() throws IOException {
        WorkbookWriter w = OwnDataShapes.columnGroups()
                // the cached value deliberately differs from what the formula would give: the cache is read
                .cell("D9", new Formula("E9+F9", 1234.0));
        Recorded r = read(OwnDataShapes.COLUMN_GROUPS_YAML, w.xlsx(temp.resolve("2020_5-1-3.xlsx")));

        assertThat(r.cell("03101", EMPLOYEES + " | Insgesamt", 2020)
                        .orElseThrow()
                        .cell()
                        .number())
                .contains(new BigDecimal("1234"));
    }

    @Test
    void aFormulaWithoutCachedValueRefusesTheFileNamingTheCell() throws IOException {
        Path workbook = OwnDataShapes.columnGroups()
                .cell("E10", new Formula("F10*2", null))
                .xlsx(temp.resolve("2020_5-1-3.xlsx"));

        assertThatThrownBy(() -> read(OwnDataShapes.COLUMN_GROUPS_YAML, workbook))
                .isInstanceOf(ExtractRefusedException.class)
                .hasMessageContaining(
                        "2020_5-1-3.xlsx, line 10: 2020_5-1-3_Download!E10: the formula has no cached" + " value")
                .hasMessageContaining("formulas are never evaluated");
    }

    @Test
    void anXlsOfTheSameShapeGivesTheSameCells() throws IOException {
        Recorded xlsx = read(
                OwnDataShapes.COLUMN_GROUPS_YAML, OwnDataShapes.columnGroups().xlsx(temp.resolve("2020_5-1-3.xlsx")));
        Recorded xls = read(
                OwnDataShapes.COLUMN_GROUPS_YAML.replace("*5-1-3*.xlsx", "*5-1-3*.xls"),
                OwnDataShapes.columnGroups().xls(temp.resolve("2020_5-1-3.xls")));

        assertThat(xls.header.encoding()).isEqualTo("xls");
        assertThat(xls.observations)
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("cell")
                .containsExactlyElementsOf(xlsx.observations);
        assertThat(xls.observations)
                .extracting(o -> o.cell()
                        .number()
                        .map(BigDecimal::stripTrailingZeros)
                        .map(BigDecimal::toPlainString)
                        .orElse(o.cell().marker()))
                .containsExactlyElementsOf(xlsx.observations.stream()
                        .map(o -> o.cell()
                                .number()
                                .map(BigDecimal::stripTrailingZeros)
                                .map(BigDecimal::toPlainString)
                                .orElse(o.cell().marker()))
                        .toList());
        assertThat(xls.account).isEqualTo(xlsx.account);
    }

    @Test
    void anXlsmIsReadForItsValuesAndItsMacroIsNeverRun() throws IOException {
        Path xlsm = OwnDataShapes.columnGroups().xlsm(temp.resolve("2020_5-1-3.xlsm"));
        assertThat(WorkbookWriter.entry(xlsm, "xl/vbaProject.bin")).isNotNull();

        Recorded r = read(OwnDataShapes.COLUMN_GROUPS_YAML.replace("*5-1-3*.xlsx", "*5-1-3*.xlsm"), xlsm);

        assertThat(r.observations).hasSize(30);
        assertThat(r.observations).noneMatch(o -> o.variablePath().contains("macro"));
        assertThat(r.cell("03101", EMPLOYEES + " | Insgesamt", 2020)
                        .orElseThrow()
                        .cell()
                        .number())
                .contains(new BigDecimal("1200"));
    }

    @Test
    void anXlsxBombIsRefusedWhileItInflatesNamingTheLimit() throws IOException {
        Path bomb = WorkbookWriter.bomb(temp.resolve("2020_5-1-3.xlsx"), 50);
        assertThat(Files.size(bomb)).isLessThan(200_000);

        assertThatThrownBy(() -> read(OwnDataShapes.COLUMN_GROUPS_YAML, bomb))
                .isInstanceOf(ExtractRefusedException.class)
                .hasMessageContaining("xl/worksheets/sheet1.xml inflates more than 100-fold")
                .hasMessageContaining("imon.limits.max-compression-ratio");
    }

    @Test
    void rowsCellsAndSheetsPastTheLimitsRefuseTheFile() throws IOException {
        Path workbook = OwnDataShapes.columnGroups().xlsx(temp.resolve("2020_5-1-3.xlsx"));
        IngestLimits d = IngestLimits.defaults();

        assertThatThrownBy(() -> read(
                        OwnDataShapes.COLUMN_GROUPS_YAML,
                        workbook,
                        new IngestLimits(
                                d.maxLineLength(),
                                d.maxCellsPerLine(),
                                d.maxEntrySize(),
                                d.maxCompressionRatio(),
                                d.maxQuarantinedLines(),
                                d.maxQuarantinedShare(),
                                d.maxZipEntries(),
                                d.maxInflatedSize(),
                                d.maxSheets(),
                                10,
                                d.maxCells(),
                                d.maxSharedStrings())))
                .hasMessageContaining("more than 10 rows (limit imon.limits.max-rows)");
        assertThatThrownBy(() -> read(
                        OwnDataShapes.COLUMN_GROUPS_YAML,
                        workbook,
                        new IngestLimits(
                                d.maxLineLength(),
                                d.maxCellsPerLine(),
                                d.maxEntrySize(),
                                d.maxCompressionRatio(),
                                d.maxQuarantinedLines(),
                                d.maxQuarantinedShare(),
                                d.maxZipEntries(),
                                DataSize.ofKilobytes(4),
                                d.maxSheets(),
                                d.maxRows(),
                                d.maxCells(),
                                d.maxSharedStrings())))
                .hasMessageContaining("(limit imon.limits.max-inflated-size)");
        assertThatThrownBy(() -> read(
                        OwnDataShapes.COLUMN_GROUPS_YAML,
                        workbook,
                        new IngestLimits(
                                d.maxLineLength(),
                                d.maxCellsPerLine(),
                                d.maxEntrySize(),
                                d.maxCompressionRatio(),
                                d.maxQuarantinedLines(),
                                d.maxQuarantinedShare(),
                                d.maxZipEntries(),
                                d.maxInflatedSize(),
                                d.maxSheets(),
                                d.maxRows(),
                                50,
                                d.maxSharedStrings())))
                .hasMessageContaining("more than 50 cells (limit imon.limits.max-cells)");
        assertThatThrownBy(() -> read(
                        OwnDataShapes.COLUMN_GROUPS_YAML,
                        workbook,
                        new IngestLimits(
                                d.maxLineLength(),
                                d.maxCellsPerLine(),
                                d.maxEntrySize(),
                                d.maxCompressionRatio(),
                                d.maxQuarantinedLines(),
                                d.maxQuarantinedShare(),
                                d.maxZipEntries(),
                                d.maxInflatedSize(),
                                d.maxSheets(),
                                d.maxRows(),
                                d.maxCells(),
                                5)))
                .hasMessageContaining("more than 5 shared strings (limit imon.limits.max-shared-strings)");
    }

    @Test
    void aSheetTheWorkbookDoesNotHaveIsRefusedListingItsSheets() throws IOException {
        Path workbook = OwnDataShapes.columnGroups().xlsx(temp.resolve("2020_5-1-3.xlsx"));

        assertThatThrownBy(() ->
                        read(OwnDataShapes.COLUMN_GROUPS_YAML.replace("2020_5-1-3_Download", "Tabelle1"), workbook))
                .hasMessageContaining("no sheet 'Tabelle1'", "its sheets: [2020_5-1-3_Download]");
    }

    @Test
    void aCellThatIsNeitherNumberNorSymbolQuarantinesItsRowNamingTheCell() throws IOException {
        Path workbook = OwnDataShapes.columnGroups().cell("F9", "k.A.").xlsx(temp.resolve("2020_5-1-3.xlsx"));

        Recorded r = read(OwnDataShapes.COLUMN_GROUPS_YAML, workbook);

        assertThat(r.rejected).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(9);
            assertThat(row.reason()).contains("2020_5-1-3_Download!F9: 'k.A.' is neither a number nor a symbol");
        });
        assertThat(r.account.rejected()).isEqualTo(1);
        assertThat(r.account.stored()).isEqualTo(2);
    }
}
