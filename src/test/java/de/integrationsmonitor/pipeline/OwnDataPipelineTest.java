package de.integrationsmonitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.testing.Imon.Run;
import de.integrationsmonitor.testing.WorkbookWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Own data through the command line on the embedded H2 default: the sample's workbooks go in through the shipped
 * source descriptions under the same promise as the offices' files (every row stored, quarantined or skipped; the
 * same bytes twice do nothing), and the catalogue computes from them. {@link PostgresOwnDataPipelineTest} runs the
 * same on PostgreSQL.
 */
class OwnDataPipelineTest extends CommandLineTest {

    static final Path INPUT = Path.of("input").toAbsolutePath();

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSampleWorkbooksAreStoredThroughTheirDescriptionsAndEveryRowIsAccountedFor() {
        Run run = imon(
                "ingest",
                INPUT.resolve("beispiel_svb-auslaender.xlsx").toString(),
                INPUT.resolve("beispiel_kita-migration.xlsx").toString(),
                INPUT.resolve("beispiel_aufenthaltsdauer.xlsx").toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "workbook eigen:svb-auslaender",
                        "15 data lines: 14 stored, 0 rejected," + " 1 skipped",
                        "workbook eigen:kita-migration",
                        "75 data lines: 70 stored, 0 rejected, 5 skipped",
                        "workbook eigen:aufenthaltsdauer",
                        "14 data lines: 14 stored, 0 rejected, 0 skipped");
        assertThat(deliveries.all()).hasSize(3).allSatisfy(d -> {
            assertThat(d.format()).isEqualTo("workbook");
            assertThat(d.rowsStored() + d.rowsRejected() + d.rowsSkipped()).isEqualTo(d.dataLines());
        });
        // the Land row is skipped with its reason and its cell
        assertThat(jdbc.queryForList(
                        "SELECT r.reason FROM rejected_line r JOIN delivery d ON d.id = r.delivery_id"
                                + " WHERE d.file_name = 'beispiel_svb-auslaender.xlsx'",
                        String.class))
                .containsExactly("'Sachsen-Anhalt' is the Land, not a Kreis (Beschäftigte!B23)");
        // the BA's secret shares of the small Kreis are kept as secret, not as numbers
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM observation o JOIN delivery d ON d.id = o.delivery_id"
                                + " WHERE d.table_code = 'eigen:svb-auslaender' AND o.region_code = '15081' AND o.marker = '.'"
                                + " AND o.figure IS NULL",
                        Long.class))
                .isEqualTo(15);

        Run again = imon("ingest", INPUT.resolve("beispiel_svb-auslaender.xlsx").toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("ingested before as delivery");
        assertThat(deliveries.all()).hasSize(3);
    }

    @Test
    void theCatalogueComputesFromOwnData() {
        assertThat(imon(
                                "ingest",
                                INPUT.resolve("beispiel_aufenthaltsdauer.xlsx").toString(),
                                INPUT.resolve("beispiel_svb-auslaender.xlsx").toString())
                        .exit())
                .isZero();

        Run run = imon("indicators", "--format", "csv", "--kreis", "15001");

        assertThat(run.exit()).as(run.err()).isZero();
        // Dessau-Roßlau: 3300 of 9900 foreigners have stayed 8 years and more (the sample's invented figures)
        assertThat(run.out())
                .contains("\n15001,\"Dessau-Roßlau, kreisfreie Stadt\",aufenthaltsdauer_8_jahre_anteil,"
                        + "2023,33.333333333333,%,");
        // 2023: 3600 employees, 1296 of them women
        assertThat(run.out()).contains(",frauenanteil_svb_auslaender,2023,36,%,");
        // each value names its provider, attribution and licence; office tables the offices and their licence
        assertThat(run.out())
                .contains(",2023-12-31,eigen:aufenthaltsdauer (Ausländerbehörde (synthetische"
                        + " Beispieldaten); Synthetische Beispieldaten in der Form einer Auswertung des"
                        + " Ausländerzentralregisters; Lizenz: frei verwendbar (erfundene Zahlen))\n");
        Run observations =
                imon("observations", "--table", "eigen:aufenthaltsdauer", "--kreis", "15001", "--format", "csv");
        assertThat(observations.out())
                .startsWith("table,ags,period,reference_date,variable,value,marker,delivery,"
                        + "period_kind,period_label,source\n")
                .contains("eigen:aufenthaltsdauer,15001,31.12.2023,2023-12-31,"
                        + "Ausländerinnen und Ausländer | nach Aufenthaltsdauer | 8 Jahre und mehr,3300,,");
    }

    @Test
    void anUnknownOrAmbiguousNameIsQuarantinedWithSheetCellAndTheNearestNames(@TempDir Path temp) throws IOException {
        Path workbook = new WorkbookWriter()
                .sheet("Aufenthaltsdauer")
                .cell("B2", "31.12.2023")
                .cell("B4", "Kreis")
                .merge("B4:B6")
                .cell("C4", "Ausländerinnen und Ausländer")
                .merge("C4:F4")
                .cell("C5", "Insgesamt")
                .merge("C5:C6")
                .cell("D5", "nach Aufenthaltsdauer")
                .merge("D5:F5")
                .row(6, "D", "unter 4 Jahre", "4 bis unter 8 Jahre", "8 Jahre und mehr")
                .row(7, "B", "Dessau-Rosslau, Stadt", 100, 50, 20, 30)
                .row(8, "B", "Halle (Saale)", 200, 100, 40, 60)
                .row(9, "B", "Landkreis Hartz", 300, 150, 60, 90)
                .xlsx(Files.createDirectories(temp).resolve("beispiel_aufenthaltsdauer-fehler.xlsx"));

        Run run = imon("ingest", workbook.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("3 data lines: 2 stored, 1 rejected, 0 skipped");
        assertThat(jdbc.queryForList("SELECT r.reason FROM rejected_line r", String.class))
                .singleElement()
                .satisfies(reason -> assertThat(reason)
                        .contains(
                                "Aufenthaltsdauer!B9",
                                "no Kreis of Land 15 on 31.12.2023 is called 'Landkreis Hartz'",
                                "15085 Harz, Landkreis"));
    }
}
