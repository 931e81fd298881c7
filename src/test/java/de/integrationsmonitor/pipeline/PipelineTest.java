package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.IndicatorRepository;
import de.integrationsmonitor.testing.Imon.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The walking skeleton end to end through the command line, on the embedded H2 default: ingest the classic
 * population table, compute the Ausländeranteil, render the Kreis PDF of Dessau-Roßlau. Each test sets up its own
 * state. {@link PostgresPipelineTest} runs the same scenarios on PostgreSQL.
 */
class PipelineTest extends CommandLineTest {

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    IndicatorRepository indicators;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ingestStoresEachFileAsADeliveryAndPrintsItsAccount() {
        Run run = imon("ingest", fixture("period-column-age-groups.csv"));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("classic 12411-03-03-4", "5 data lines: 5 stored, 0 rejected, 0 skipped");
        assertThat(deliveries.all()).singleElement().satisfies(d -> {
            assertThat(d.tableCode()).isEqualTo("12411-03-03-4");
            assertThat(d.rowsStored()).isEqualTo(5);
            assertThat(d.officeStand()).isPresent();
        });
    }

    @Test
    void ingestingTheSameFilesAgainIsANoOpThatSaysSo() {
        assertThat(imon("ingest", fixture("period-column-age-groups.csv")).exit())
                .isZero();
        long observations = jdbc.queryForObject("SELECT COUNT(*) FROM observation", Long.class);

        Run run = imon("ingest", fixture("period-column-age-groups.csv"));

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains(
                        "these files were ingested before: nothing to do",
                        "period-column-age-groups.csv: ingested before as delivery 1");
        assertThat(deliveries.all()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM observation", Long.class))
                .isEqualTo(observations);
    }

    @Test
    void aRefusedFileLeavesNothingBehindWhileTheOtherFilesOfTheCallGoIn(@TempDir Path temp) throws IOException {
        String whole = Files.readString(
                FIXTURES.resolve("wide-layout-two-dates.csv"), java.nio.charset.Charset.forName("ISO-8859-1"));
        Path truncated = temp.resolve("12411-01-01-4-truncated.csv");
        Files.writeString(
                truncated,
                whole.substring(0, whole.indexOf("15001;") + 30),
                java.nio.charset.Charset.forName("ISO-8859-1"));

        Run run = imon("ingest", truncated.toString(), fixture("wide-layout-two-dates.csv"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out())
                .contains(
                        "REFUSED 12411-01-01-4-truncated.csv, line 13", "truncated", "nothing of this file was stored");
        assertThat(deliveries.all()).extracting(d -> d.fileName()).containsExactly("wide-layout-two-dates.csv");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM observation o JOIN delivery d ON d.id = o.delivery_id"
                                + " WHERE d.file_name LIKE '%truncated%'",
                        Long.class))
                .isZero();
    }

    @Test
    void indicatorsCsvGivesTheUnroundedAuslaenderanteilPerRegionBesideLandGermanyAndRank() {
        imon("ingest", fixture("period-column-age-groups.csv"));

        Run run = imon("indicators", "--format", "csv", "--indicator", "auslaenderanteil", "--period", "2015");

        assertThat(run.exit()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0])
                .isEqualTo("ags,name,indicator,period,value,unit,marker,land_value,germany_value,"
                        + "rank_in_land,kreise_in_land,change_5y,flag,cluster,gebietsstand,period_kind,period_label,"
                        + "published_gebietsstand,source");
        // 3398 / 82919 * 100, unrounded
        assertThat(run.out())
                .contains("15001,\"Dessau-Roßlau, kreisfreie Stadt\",auslaenderanteil,2015,"
                        + "4.097975132358,%,,3.914547956553,10.528610872287,2,2,,,,,STICHTAG,31.12.2015,2015-12-31,"
                        + "12411-03-03-4 (Statistische Ämter des Bundes und der Länder; Lizenz: dl-de/by-2-0)\n");
        assertThat(run.out()).contains("15,Sachsen-Anhalt,auslaenderanteil,2015,3.914547956553,%,");
        assertThat(run.out()).contains("DG,Deutschland,auslaenderanteil,2015,10.528610872287,%,");
    }

    @Test
    void theKreisPdfShowsTheFiguresInGermanFormatBesideLandAndGermany() throws IOException {
        imon("ingest", fixture("period-column-age-groups.csv"));

        Run run = imon("report", "src/test/resources/editions/auslaenderanteil-2015.yml", "--kreis", "15001");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        Path pdf = home.resolve("output/auslaenderanteil-2015/15001.pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text)
                .contains(
                        "Dessau-Roßlau",
                        "15001",
                        "Sachsen-Anhalt",
                        "31.12.2015",
                        "4,1 %",
                        "3,9 %",
                        "10,5 %",
                        "2 von 2",
                        "Statistische Ämter des Bundes und der Länder, 12411-03-03-4, eigene Berechnungen",
                        "dl-de/by-2-0",
                        "14.12.2017");
        assertThat(text).doesNotContain("synthetische Beispieldaten");
    }

    @Test
    void aRevisedDeliverySupersedesTheOldOneWhileTheOldComputationStaysAsItWas(@TempDir Path temp) throws IOException {
        imon("ingest", fixture("period-column-age-groups.csv"));
        assertThat(imon("compute").exit()).isZero();
        long before = indicators.latestComputation().orElseThrow().id();
        String original = Files.readString(FIXTURES.resolve("period-column-age-groups.csv"));
        Path revised = temp.resolve("12411-03-03-4-revised.csv");
        Files.writeString(
                revised,
                original.replace(";3398;1992;1406", ";3400;1994;1406")
                        .replace("Stand: 14.12.2017 / 15:51:18", "Stand: 02.02.2018 / 09:00:00"));

        assertThat(imon("ingest", revised.toString()).exit()).isZero();
        Run run = imon("indicators", "--format", "csv", "--kreis", "15001");

        // 3400 / 82919 * 100
        assertThat(run.out()).contains(",2015,4.100387124784,%,");
        assertThat(indicators.values(before))
                .filteredOn(
                        v -> v.regionCode().equals("15001") && v.indicatorId().equals("auslaenderanteil"))
                .singleElement()
                .satisfies(v -> assertThat(v.value().orElseThrow()).isEqualByComparingTo("4.097975132358"));
        assertThat(deliveries.all()).hasSize(2);
    }

    @Test
    void quarantinedLinesAndObservationsCanBeListedWithFileAndLine() {
        Run ingest = imon("ingest", fixture("secret-cells.csv"));
        assertThat(ingest.out()).contains("8 data lines: 6 stored, 2 rejected, 0 skipped");

        Run findings = imon("findings", "--format", "csv");
        assertThat(findings.exit()).isZero();
        assertThat(findings.out())
                .startsWith("delivery,file,line,severity,rule,ags,reference_date,message\n")
                .contains(",secret-cells.csv,13,quarantined,line,,,column 4 (Wert): 'abc' is neither a number")
                .contains(",secret-cells.csv,14,quarantined,line,,,\"the row has 6 cells, the header declares 5");

        Run observations = imon("observations", "--table", "99999-01-01-4", "--kreis", "01002", "--format", "csv");
        assertThat(observations.out())
                .startsWith("table,ags,period,reference_date,variable,value,marker,delivery,"
                        + "period_kind,period_label,source\n")
                .contains("99999-01-01-4,01002,2016,2016-12-31,Wert,,.,")
                .contains("99999-01-01-4,01002,2016,2016-12-31,Anteil,,x,")
                .containsPattern("99999-01-01-4,01002,2016,2016-12-31,Wert,,\\.,\\d+,JAHR,2016,99999-01-01-4"
                        + " \\(Statistische Ämter des Bundes und der Länder; Lizenz: dl-de/by-2-0\\)\n");
        Run negative = imon("observations", "--table", "99999-01-01-4", "--kreis", "01001");
        assertThat(negative.out()).contains("99999-01-01-4,01001,2016,2016-12-31,Anteil,-14.6,,");
    }

    @Test
    void aThousandFilesWithLongNamesGoInInOneCall(@TempDir Path temp) throws IOException {
        String original = Files.readString(FIXTURES.resolve("period-column-age-groups.csv"));
        List<String> args = new java.util.ArrayList<>(List.of("ingest"));
        for (int i = 1; i <= 1000; i++) {
            // each its own delivery: a revision of the table at its own Stand
            Path file = temp.resolve(String.format("12411-03-03-4_%s_%04d.csv", "revision-".repeat(20), i));
            Files.writeString(
                    file,
                    original.replace(
                            "Stand: 14.12.2017 / 15:51:18",
                            String.format("Stand: 14.12.2017 / %02d:%02d:%02d", i / 3600, i / 60 % 60, i % 60)));
            args.add(file.toString());
        }

        Run run = imon(args.toArray(String[]::new));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery", Long.class))
                .isEqualTo(1000);
        assertThat(run.out().lines().filter(l -> l.contains(" stored, 0 rejected")))
                .hasSize(1000);
    }

    @Test
    void aWrongOptionOfASubCommandIsAUsageErrorNotARefusedFile() {
        assertThat(imon("indicators", "--format", "xml").exit()).isEqualTo(64);
        assertThat(imon("ingest", "--bogus").exit()).isEqualTo(64);
    }
}
