package de.integrationsmonitor.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.region.RegionLevel;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.ObservationRepository;
import de.integrationsmonitor.validate.ConsistencyChecker;
import de.integrationsmonitor.validate.ConsistencyRule;
import de.integrationsmonitor.validate.Finding;
import de.integrationsmonitor.validate.RuleCatalogue;
import de.integrationsmonitor.validate.SumTally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 23 against reality: the two Gemeinde tables (regional depth -5) of {@code ../shared/data/gemeinden} (or
 * {@code -Dimon.shared=/path/to/shared}) are read whole. The expected counts are those of an independent count of
 * the raw files by key length (awk over the first column): each file has 14,493 data lines, of them 176 keys of 7
 * digits (Verbandsgemeinden of Rheinland-Pfalz), 10,253 of 8 (Gemeinden, and 153 Samtgemeinden of Niedersachsen),
 * 2,662 of 10 and 867 of 11 (Gemeinden with their Gemeindeverband): 13,958 lines below the Kreis.
 */
@Tag("acceptance")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GemeindeCorpusAcceptanceTest {

    static final Path ROOT = Path.of(System.getProperty("imon.shared", "../shared"), "data", "gemeinden")
            .toAbsolutePath()
            .normalize();
    private static final Path HOME = temporaryHome();

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> Path.of("").toAbsolutePath().toString());
        registry.add("imon.home", HOME::toString);
    }

    @Autowired
    IngestService ingest;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    ObservationRepository observations;

    @Autowired
    JdbcTemplate jdbc;

    static final String RULE = "gemeinden-summe-kreis";

    List<IngestOutcome> outcomes;

    @BeforeAll
    void ingestTheGemeindeTables() {
        assumeTrue(Files.isDirectory(ROOT), "Gemeinde tables not present: " + ROOT);
        outcomes = ingest.ingest(List.of(ROOT), o -> {});
    }

    @ParameterizedTest(name = "{0}: every line below the Kreis is stored")
    @ValueSource(strings = {"12411-01-01-5_00.csv", "13111-01-03-5_00.csv"})
    void everyGemeindeAndGemeindeverbandLineIsStored(String file) {
        Delivery d = deliveries.all().stream()
                .filter(x -> x.fileName().equals(file))
                .findFirst()
                .orElseThrow();
        List<String> skipReasons =
                jdbc.queryForList("SELECT reason FROM rejected_line WHERE delivery_id = ?", String.class, d.id());
        long belowKreis = jdbc.queryForObject(
                "SELECT COUNT(DISTINCT source_line) FROM observation"
                        + " WHERE delivery_id = ? AND LENGTH(region_code) IN (7, 8, 10, 11)",
                Long.class,
                d.id());
        System.out.printf(
                "%s: %d data lines, %d stored, %d rejected, %d skipped; %d lines below the Kreis stored%n",
                file, d.dataLines(), d.rowsStored(), d.rowsRejected(), d.rowsSkipped(), belowKreis);
        skipReasons.stream().distinct().limit(20).forEach(r -> System.out.println("  not stored: " + r));

        assertThat(d.dataLines()).isEqualTo(14_493);
        assertThat(d.rowsStored() + d.rowsRejected() + d.rowsSkipped()).isEqualTo(d.dataLines());
        assertThat(belowKreis).isEqualTo(13_958);
        assertThat(skipReasons).noneMatch(r -> r.contains("Gemeinde below Kreis level"));
    }

    @ParameterizedTest(name = "{0}: Kreis = sum of its Gemeinden, counted")
    @ValueSource(strings = {"12411-01-01-5_00.csv", "13111-01-03-5_00.csv"})
    void kreisEqualsTheSumOfItsGemeindenWhereNoSymbolIntervenes(String file) {
        Delivery d = deliveries.all().stream()
                .filter(x -> x.fileName().equals(file))
                .findFirst()
                .orElseThrow();
        List<ConsistencyRule> rule = RuleCatalogue.load(Path.of("jobs/catalogue/pruefregeln.yml")).rules().stream()
                .filter(r -> r.id().equals(RULE))
                .toList();
        List<Finding> failed = new ArrayList<>();
        ConsistencyChecker checker = new ConsistencyChecker(d.tableCode(), rule, failed::add, List.of());
        observations.streamDelivery(d.id(), checker::accept);
        checker.finish();
        SumTally tally = checker.tally(RULE);
        // the Kreis cells (in Anzahl) that have at least one Gemeinde cell of the same variable and date
        Set<String> kreisCells = new HashSet<>();
        Set<String> gemeindeCells = new HashSet<>();
        observations.streamDelivery(d.id(), o -> {
            RegionLevel level = RegionLevel.of(o.regionCode()).orElse(null);
            String key = o.regionCode().substring(0, Math.min(5, o.regionCode().length())) + " " + o.referenceDate()
                    + " " + o.variablePath();
            if (o.unit().equals("Anzahl") && level == RegionLevel.KREIS) {
                kreisCells.add(key);
            } else if (o.unit().equals("Anzahl") && level == RegionLevel.GEMEINDE) {
                gemeindeCells.add(key);
            }
        });
        kreisCells.retainAll(gemeindeCells);
        long kreisCellsWithGemeinden = kreisCells.size();
        System.out.printf(
                "%s: Kreis = sum of its Gemeinden holds %d, fails %d, unknowable %d times%n",
                file, tally.holds(), tally.fails(), tally.unknowable());
        failed.stream().limit(10).forEach(f -> System.out.println("  " + f.message()));

        assertThat(tally.holds() + tally.fails() + tally.unknowable()).isEqualTo(kreisCellsWithGemeinden);
        assertThat(tally.holds()).isPositive();
        assertThat(failed).hasSize((int) Math.min(tally.fails(), 100) + (tally.fails() > 100 ? 1 : 0));
    }

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("imon-acceptance-gemeinden-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
