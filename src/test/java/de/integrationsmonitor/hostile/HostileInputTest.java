package de.integrationsmonitor.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.integrationsmonitor.indicator.CatalogueException;
import de.integrationsmonitor.indicator.CatalogueLoader;
import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.ObservationRepository;
import de.integrationsmonitor.testing.Imon;
import de.integrationsmonitor.testing.Imon.Run;
import de.integrationsmonitor.validate.RuleCatalogue;
import de.integrationsmonitor.validate.RuleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * The hostile-input corpus ({@code fixtures/hostile/}, and bombs made here at run time) through the command line,
 * as an operator meets it: each bad file is given together with a good one in the same call. Every case checks the
 * exit code, the message, that the good file went in whole, and that the store holds no partial delivery.
 * {@link PostgresHostileInputTest} runs the same cases on PostgreSQL.
 */
@SpringBootTest
class HostileInputTest {

    static final Path HOSTILE = Path.of("src/test/resources/fixtures/hostile").toAbsolutePath();
    static final Path GOOD = Path.of("src/test/resources/fixtures/classic/period-column-age-groups.csv")
            .toAbsolutePath();
    /** The good file: 5 data lines of 9 values each. */
    static final long GOOD_OBSERVATIONS = 45;

    private static final AtomicInteger GOOD_COPIES = new AtomicInteger();

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> Path.of("").toAbsolutePath().toString());
        registry.add("imon.home", () -> home.toString());
    }

    @Autowired
    CommandLine.IFactory factory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    ObservationRepository observations;

    @TempDir
    Path temp;

    /** Runs {@code imon ARGS}: exit code, standard output and standard error. */
    Run imon(String... args) {
        return Imon.run(factory, args);
    }

    /** A good file of its own for each call (new bytes, so it is a new delivery). */
    Path goodFile() throws IOException {
        String text = Files.readString(GOOD)
                .replace(
                        "Testdatei des Integrationsmonitors",
                        "Testdatei des Integrationsmonitors, Kopie " + GOOD_COPIES.incrementAndGet() + " "
                                + System.nanoTime());
        return Files.writeString(temp.resolve("12411-03-03-4-good-" + GOOD_COPIES.get() + ".csv"), text);
    }

    /** Ingests the hostile file beside a good one and checks what must hold whatever the hostile file is. */
    Run ingestBesideAGoodFile(Path hostile) throws IOException {
        Path good = goodFile();
        Run run = imon("ingest", hostile.toString(), good.toString());
        String goodName = good.getFileName().toString();
        assertThat(run.out())
                .as(run.out() + run.err())
                .contains(goodName + ": classic 12411-03-03-4", "5 data lines: 5 stored, 0 rejected, 0 skipped");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM observation o JOIN delivery d ON d.id = o.delivery_id"
                                + " WHERE d.file_name = ?",
                        Long.class,
                        goodName))
                .isEqualTo(GOOD_OBSERVATIONS);
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ", "Exception in thread");
        assertStoreIntact();
        return run;
    }

    /** Every delivery in the store is whole: its stored lines have observations, its other lines are accounted. */
    void assertStoreIntact() {
        for (Delivery d : deliveries.all()) {
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(DISTINCT source_line) FROM observation WHERE delivery_id = ?",
                            Long.class,
                            d.id()))
                    .as("lines with observations of " + d.fileName())
                    .isEqualTo(d.rowsStored());
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM rejected_line WHERE delivery_id = ?", Long.class, d.id()))
                    .as("quarantined and skipped lines of " + d.fileName())
                    .isEqualTo(d.rowsRejected() + d.rowsSkipped());
            assertThat(d.rowsStored() + d.rowsRejected() + d.rowsSkipped()).isEqualTo(d.dataLines());
        }
    }

    void assertRefused(Run run, Path hostile, String message) {
        String name = hostile.getFileName().toString();
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out()).contains("REFUSED " + name).contains(message).contains("nothing of this file was stored");
        assertThat(deliveries.all()).extracting(Delivery::fileName).doesNotContain(name);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                // one bad file never stops the others: values and labels the store cannot keep exactly
                "value-with-36-integer-digits.csv            | line 8: the figure 123456789012345678901234567890123456 has 36 integer digits",
                "value-with-31-decimals.csv                  | line 8: the figure 0.1234567890123456789012345678901 has 0 integer digits and 31 decimals; the store keeps 35 and 30 exactly, and cuts none",
                "variable-path-longer-than-its-column.csv    | line 7: the variable path 'Bevölkerung sehr lang",
                "two-variables-alike-in-their-first-1000-characters.csv | line 7: the variable path 'xxxxxxxx",
                "table-code-longer-than-its-column.csv       | the table code '99998-01-01-4-12345-12345",
                "99997-0001_unit-longer-than-its-column_de_flat.csv | line 3: the unit 'Anzahl sehr lang",
                // data that must not pass silently
                "duplicate-cell-different-values.csv         | line 10: duplicate: the cell 15001 31.12.2015 [Insgesamt] is given in lines 8 and 10 with different values, 5 and 7",
                "duplicate-column-different-values.csv       | line 7: duplicate: the cell DG 31.12.2015 [Insgesamt] is given twice in line 7 with different values, 100 and 50",
                "99997-0001_duplicate-line-different-value_de_flat.csv | line 4: duplicate: the cell 15001 31.12.2024 [Bevölkerungsstand | weiblich] is given in lines 2 and 4 with different values, 39344 and 40000",
                "utf-16le-with-byte-order-mark.csv           | the file is UTF-16 (its byte order mark FF FE says UTF-16LE); UTF-16 is not an encoding the offices deliver; save as UTF-8",
                "utf-16be-with-byte-order-mark.csv           | the file is UTF-16 (its byte order mark FE FF says UTF-16BE); UTF-16 is not an encoding the offices deliver; save as UTF-8",
                "utf-16le-without-byte-order-mark.csv        | the file is UTF-16 (every other byte is NUL, as in UTF-16LE without a byte order mark); UTF-16 is not an encoding",
                "nul-byte-in-line-9.csv                      | line 9: the file holds binary data (a NUL byte in line 9)",
                // bounded resources in the small
                // two extracts run together: the second one's lines must not vanish into the first one's footer
                "two-extracts-run-together.csv               | line 14: a second extract begins after the footer ('GENESIS-Tabelle: 99998-01-01-4'); one file holds one extract",
                "data-lines-after-the-footer.csv             | line 11: a data line after the footer ('15001;      Dessau-Roßlau, Kreisfreie Stadt;5;2')",
                "two-stand-lines.csv                         | line 14: a second 'Stand:' line ('Stand: 01.06.2025 / 10:00:00'; line 13 says 'Stand: 01.01.2020 / 10:00:00')",
                "too-many-title-lines.csv                    | more than 100 title lines before the header rows",
                "too-many-header-rows.csv                    | more than 20 header rows (lines starting with ';')",
                "every-data-line-quarantined.csv             | nothing of this file could be read as data: all 2 data lines that were not skipped were quarantined. The first: line 7: column 3 (Insgesamt): 'fünf' is neither a number",
                "every-kreis-code-unknown.csv                | nothing of this file could be read as data: all 2 data lines that were not skipped were quarantined. The first: line 7: unknown Kreis code 15999",
                "99997-0001_every-line-quarantined_de_flat.csv | nothing of this file could be read as data: all 2 data lines that were not skipped were quarantined. The first: line 2: column 14 (value, Bevölkerungsstand | weiblich): 'viele'",
            })
    void refused(String file, String message) throws IOException {
        Path hostile = HOSTILE.resolve(file);

        Run run = ingestBesideAGoodFile(hostile);

        assertRefused(run, hostile, message);
    }

    @ParameterizedTest(name = "{0} is stored with the finding {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "duplicate-cell-same-value.csv          | duplicate            | 9  | duplicate: the cell 15001 31.12.2015 [Insgesamt] is given in lines 8 and 9, both times 5; stored once as given",
                "99997-0001_duplicate-line-same-value_de_flat.csv | duplicate  | 4  | duplicate: the cell 15001 31.12.2024 [Bevölkerungsstand | weiblich] is given in lines 2 and 4, both times 39344",
                "stand-in-the-future.csv                | stand-in-the-future  | 13 | Stand 01.01.2099 00:00:00 lies in the future",
                "stand-malformed.csv                    | stand-not-a-timestamp | 13 | 'Stand: 2099' is not a timestamp like 'Stand: 14.12.2017 / 15:51:18'",
                "stand-impossible-date.csv              | stand-not-a-timestamp | 13 | 'Stand: 31.02.2017 / 15:51:18' is no real date and time (31.02.2017 / 15:51:18 does not exist)",
            })
    void storedWithAFinding(String file, String rule, long line, String message) throws IOException {
        Path hostile = HOSTILE.resolve(file);

        Run run = ingestBesideAGoodFile(hostile);

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        long id = deliveries.all().stream()
                .filter(d -> d.fileName().equals(file))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(jdbc.queryForList(
                        "SELECT source_line || ' ' || rule_id || ' ' || message FROM finding"
                                + " WHERE delivery_id = ?",
                        String.class,
                        id))
                .anySatisfy(
                        f -> assertThat(f).startsWith(line + " " + rule + " ").contains(message));
        if (rule.startsWith("stand")) {
            assertThat(deliveries.find(id).orElseThrow().officeStand())
                    .as("no Stand to win supersession with")
                    .isEmpty();
        }
    }

    @Test
    void aDeliveryWhoseStandLiesInTheFutureNeverSupersedesOneWithARealStand() throws IOException {
        Path real = Files.writeString(
                temp.resolve("99996-01-01-4-stand-2017.csv"),
                Files.readString(HOSTILE.resolve("stand-in-the-future.csv"))
                        .replace("99998-01-01-4", "99996-01-01-4")
                        .replace("Stand: 01.01.2099 / 00:00:00", "Stand: 14.12.2017 / 15:51:18"));
        // ingested later, with other figures, but its Stand says 2099
        Path future = Files.writeString(
                temp.resolve("99996-01-01-4-stand-2099.csv"),
                Files.readString(real)
                        .replace(";5;2", ";9;2")
                        .replace("Stand: 14.12.2017 / 15:51:18", "Stand: 01.01.2099 / 00:00:00"));

        assertThat(imon("ingest", real.toString(), future.toString()).exit()).isZero();

        List<Long> both = deliveries.all().stream()
                .filter(d -> d.tableCode().equals("99996-01-01-4"))
                .map(Delivery::id)
                .toList();
        assertThat(observations.current("99996-01-01-4", List.of("Insgesamt"), both))
                .filteredOn(o -> o.regionCode().equals("15001"))
                .singleElement()
                .satisfies(o -> assertThat(o.cell().number().orElseThrow()).isEqualByComparingTo("5"));
    }

    @Test
    void aFigureWithFifteenDecimalsIsStoredWithEveryDigit() throws IOException {
        Run run = ingestBesideAGoodFile(HOSTILE.resolve("value-with-15-decimals.csv"));
        assertThat(run.exit()).isZero();

        Run listed = imon("observations", "--table", "99998-01-01-4", "--kreis", "15001");

        assertThat(listed.out()).contains(",Insgesamt,4.097975132358123,,");
    }

    @Test
    void aZipBombOfOneEndlessLineIsRefusedBeforeItIsInflated() throws IOException {
        Path bomb = Bombs.oneEndlessLine(temp, "99996-0001_bomb_de_flat.zip", 1L << 30);

        Run run = ingestBesideAGoodFile(bomb);

        assertRefused(run, bomb, "the ZIP entry '99996-0001_bomb_de_flat.csv' declares 10737");
        assertThat(run.out()).contains("bytes (limit imon.limits.max-entry-size = 536870912B)");
    }

    @Test
    void aZipBombThatLiesAboutItsSizeIsRefusedWhileItInflates() throws IOException {
        Path bomb = Bombs.lyingAboutItsSize(
                Bombs.repeatedGoodLine(temp, "99996-0001_lying-bomb_de_flat.zip", 200_000), 1000);

        Run run = ingestBesideAGoodFile(bomb);

        assertRefused(
                run,
                bomb,
                "the ZIP entry '99996-0001_lying-bomb_de_flat.csv' inflates more than 100 times its"
                        + " compressed size");
    }

    @Test
    void anEndlessLineInAZipThatLiesAboutItsSizeIsRefusedAtTheLineLimit() throws IOException {
        Path bomb =
                Bombs.lyingAboutItsSize(Bombs.oneEndlessLine(temp, "99996-0001_endless_de_flat.zip", 64L << 20), 1000);

        Run run = ingestBesideAGoodFile(bomb);

        assertRefused(
                run,
                bomb,
                "line 2: in the ZIP entry '99996-0001_endless_de_flat.csv': the line is longer than"
                        + " 65536 characters (limit imon.limits.max-line-length)");
    }

    @Test
    void aFewKilobytesOfZippedJunkLinesAreRefusedAtOnceNotStoredAsADatabase() throws IOException {
        Path bomb = Bombs.junkLines(temp, "99996-0001_junk_de_flat.zip", 1_000_000);
        assertThat(Files.size(bomb)).isLessThan(10_000);

        Run run = ingestBesideAGoodFile(bomb);

        assertRefused(run, bomb, "line 1001: 1000 of the first 1000 data lines quarantined, more than 50 %");
    }

    @Test
    void aFloodOfQuarantinedLinesIsRefusedAtTheLimit() throws IOException {
        // fewer than half of the lines, but more than 10,000
        Path flood = Bombs.plainWithJunk(temp, "99996-0001_flood_de_flat.csv", 12_000, 11_000);

        Run run = ingestBesideAGoodFile(flood);

        assertRefused(
                run,
                flood,
                "line 22002: more than 10000 lines quarantined (limit" + " imon.limits.max-quarantined-lines)");
    }

    @Test
    void aFileMostlyOfJunkIsRefusedByTheShareOfQuarantinedLines() throws IOException {
        Path mostlyJunk = Bombs.plainWithJunk(temp, "99996-0001_mostly-junk_de_flat.csv", 400, 900);

        Run run = ingestBesideAGoodFile(mostlyJunk);

        assertRefused(
                run,
                mostlyJunk,
                "line 1001: 600 of the first 1000 data lines quarantined, more than 50 %"
                        + " (limit imon.limits.max-quarantined-share)");
    }

    @Test
    void anEndlessLineIsRefusedAtTheLineLimit() throws IOException {
        Path endless = Bombs.endlessClassicLine(temp, "99996-01-01-4-endless-title.csv", 10L << 20);

        Run run = ingestBesideAGoodFile(endless);

        assertRefused(
                run,
                endless,
                "line 2: the line is longer than 65536 characters (limit" + " imon.limits.max-line-length)");
    }

    @Test
    void aLineOfTooManyCellsIsRefusedAtTheCellLimit() throws IOException {
        Path wide = Bombs.tooManyCells(temp, "99996-01-01-4-wide.csv", 5_000);

        Run run = ingestBesideAGoodFile(wide);

        assertRefused(run, wide, "line 5: the line has more than 1000 cells (limit imon.limits.max-cells-per-line)");
    }

    @Test
    void anInputOutputErrorWhileReadingRefusesThatFileOnly() throws IOException {
        // reading /proc/self/mem from its start fails with EIO, as a failing disk would
        Path failing = Path.of("/proc/self/mem");
        assumeTrue(Files.isRegularFile(failing), "no /proc/self/mem on this system");

        Run run = ingestBesideAGoodFile(failing);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("REFUSED mem: cannot be read: IOException");
    }

    @Test
    void aFailureOfTheStoreWhileStoringAFileRefusesThatFileOnly() throws IOException {
        // a constraint the store did not have when the file came: any failure of the store while storing
        jdbc.execute("ALTER TABLE observation ADD CONSTRAINT hostile_no_4711 CHECK (figure IS NULL OR figure <> 4711)");
        try {
            Path file = Files.writeString(
                    temp.resolve("99996-01-01-4-store-fails.csv"),
                    Files.readString(HOSTILE.resolve("stand-in-the-future.csv"))
                            .replace(";6;3", ";4711;3")
                            .replace("01.01.2099", "14.12.2017"));

            Run run = ingestBesideAGoodFile(file);

            assertRefused(run, file, "the store could not take this file");
        } finally {
            jdbc.execute("ALTER TABLE observation DROP CONSTRAINT hostile_no_4711");
        }
    }

    @Test
    void anUnknownTableIsNamedAsNotStored() throws IOException {
        ingestBesideAGoodFile(HOSTILE.resolve("value-with-15-decimals.csv"));

        Run run = imon("observations", "--table", "12345-67-89-0");

        assertThat(run.exit()).isEqualTo(64);
        assertThat(run.err())
                .contains("imon: no table 12345-67-89-0 is stored; the store holds ")
                .contains("12411-03-03-4");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void labelsASpreadsheetWouldRunAreNeutralisedInTheObservationsCsvNumbersAreNot() throws IOException {
        assertThat(ingestBesideAGoodFile(HOSTILE.resolve("formula-in-a-header-label.csv"))
                        .exit())
                .isZero();

        Run listed = imon("observations", "--table", "99993-01-01-4", "--kreis", "DG");

        assertThat(listed.out())
                .contains("99993-01-01-4,DG,31.12.2015,2015-12-31,\"'=HYPERLINK(\"\"http://example"
                        + ".invalid\"\")\",100,,")
                .contains(",'@SUM(1+1),-14.6,,")
                .doesNotContain(",=HYPERLINK", ",@SUM");
    }

    @Test
    void labelsStartingWithPlusOrMinusAreNeutralisedToo() throws IOException {
        assertThat(ingestBesideAGoodFile(HOSTILE.resolve("formula-in-a-title-and-labels.csv"))
                        .exit())
                .isZero();

        Run listed = imon("observations", "--table", "99992-01-01-4", "--kreis", "DG");

        assertThat(listed.out())
                .contains(",'+cmd|' /C calc'!A0,100,,", ",'-Minus voran,50,,")
                .doesNotContain(",+cmd", ",-Minus");
    }

    @Test
    void flatFileValueLabelsAreNeutralisedNegativeNumbersStayNumbers() throws IOException {
        Path file = HOSTILE.resolve("99991-0001_formula-in-a-value-label_de_flat.csv");
        Run run = ingestBesideAGoodFile(file);
        assertThat(run.exit()).isZero();

        Run listed = imon("observations", "--table", "99991-0001");

        assertThat(listed.out()).as(run.out()).contains(",'=1+2 | weiblich,39344,,", ",'@Minus voran | weiblich,-14,,");
    }

    @Test
    void aFileNameASpreadsheetWouldRunIsNeutralisedInTheFindingsCsv() throws IOException {
        Path named = Files.writeString(
                temp.resolve("=HYPERLINK(1).csv"),
                Files.readString(HOSTILE.resolve("stand-malformed.csv"))
                        .replace("Testdatei", "Testdatei mit einem Namen als Formel"));
        assertThat(ingestBesideAGoodFile(named).exit()).isZero();

        Run findings = imon("findings", "--format", "csv");

        assertThat(findings.out())
                .contains(",'=HYPERLINK(1).csv,13,error,stand-not-a-timestamp,,,")
                .doesNotContain(",=HYPERLINK(1).csv");
    }

    @Test
    void anEditionOfManyAliasesIsRefusedWithoutEchoingItsExpansion() {
        Run run = imon("report", HOSTILE.resolve("billion-laughs.yml").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains("billion-laughs.yml is not valid YAML: more than 20 aliases (*name); the file"
                        + " looks like an alias bomb")
                .hasSizeLessThan(600);
    }

    @Test
    void anEditionExpandingWithinTheAliasLimitIsRefusedInAFewLines() {
        Run run = imon(
                "report", HOSTILE.resolve("laughs-within-the-alias-limit.yml").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("imon: ").hasSizeLessThan(2500).doesNotContain("\tat ");
    }

    @Test
    void catalogueAndRulesOfManyAliasesAreRefusedInOneShortLine() {
        Path bomb = HOSTILE.resolve("billion-laughs.yml");

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> CatalogueLoader.load(bomb)))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("more than 20 aliases")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> RuleCatalogue.load(bomb)))
                .isInstanceOf(RuleException.class)
                .hasMessageContaining("more than 20 aliases")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                                () -> de.integrationsmonitor.indicator.CatalogueLoader.load(
                                        HOSTILE.resolve("laughs-within-the-alias-limit.yml")))
                        .getMessage())
                .hasSizeLessThan(500);
    }
}
