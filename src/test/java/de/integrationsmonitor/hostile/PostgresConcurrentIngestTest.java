package de.integrationsmonitor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.ingest.DeliveryStore;
import de.integrationsmonitor.ingest.ExtractFooter;
import de.integrationsmonitor.ingest.ExtractHeader;
import de.integrationsmonitor.ingest.IngestLimits;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.ingest.LineAccount;
import de.integrationsmonitor.kernel.AuditTrail;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.FindingRepository;
import de.integrationsmonitor.store.ObservationRepository;
import de.integrationsmonitor.testing.OnPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two ingests at the same time on PostgreSQL, as two nightly jobs or two operators start them: both first find
 * nothing stored (a barrier holds each until the other has looked too), then race. The same file: one stores it,
 * the other says it was ingested before. Two new deliveries of a table new to the database: both go in, sharing
 * its variables, without a deadlock.
 */
@SpringBootTest
@OnPostgres("imon_concurrent")
class PostgresConcurrentIngestTest {

    @TempDir
    static Path home;

    @TempDir
    Path temp;

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("imon.project", () -> Path.of("").toAbsolutePath().toString());
        registry.add("imon.home", () -> home.toString());
    }

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    ObservationRepository observations;

    @Autowired
    FindingRepository findings;

    @Autowired
    KreisRegister register;

    @Autowired
    ImonSettings settings;

    @Autowired
    TransactionTemplate fileTransaction;

    @Autowired
    JdbcTemplate jdbc;

    /** Two ingests, each held after its look-up of the SHA-256 until the other has looked up its own. */
    List<IngestOutcome> race(Path first, Path second) throws Exception {
        CountDownLatch bothLooked = new CountDownLatch(2);
        IngestService ingest = new IngestService(
                new AfterLookingUp(deliveries, bothLooked),
                observations,
                findings,
                register,
                settings,
                fileTransaction,
                Clock.systemDefaultZone(),
                IngestLimits.defaults(),
                AuditTrail.NONE);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<IngestOutcome> a = threads.submit(() -> ingest.ingest(first));
            Future<IngestOutcome> b = threads.submit(() -> ingest.ingest(second));
            return List.of(a.get(), b.get());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twoIngestsOfTheSameFileStoreItOnceAndTheOtherSaysAlreadyIngested() throws Exception {
        Path file = manyKreise(temp, "99995-0001_same_de_flat.csv", "");

        List<IngestOutcome> outcomes = race(file, file);

        assertThat(outcomes)
                .extracting(IngestOutcome::status)
                .containsExactlyInAnyOrder(IngestOutcome.Status.STORED, IngestOutcome.Status.ALREADY_INGESTED);
        assertThat(outcomes)
                .filteredOn(o -> o.status() == IngestOutcome.Status.ALREADY_INGESTED)
                .singleElement()
                .satisfies(o -> assertThat(o.message()).contains("identical bytes were ingested before"));
        assertThat(deliveries.all())
                .filteredOn(d -> d.fileName().equals(file.getFileName().toString()))
                .hasSize(1);
    }

    @Test
    void twoNewDeliveriesOfATableNewToTheDatabaseBothGoIn() throws Exception {
        Path one = manyKreise(Files.createDirectory(temp.resolve("one")), "99994-0001_new-table_de_flat.csv", "1");
        Path two = manyKreise(Files.createDirectory(temp.resolve("two")), "99994-0001_new-table_de_flat.csv", "2");

        List<IngestOutcome> outcomes = race(one, two);

        assertThat(outcomes)
                .allSatisfy(o -> assertThat(o.status()).as(o.message()).isEqualTo(IngestOutcome.Status.STORED));
        for (IngestOutcome o : outcomes) {
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM observation WHERE delivery_id = ?",
                            Long.class,
                            o.deliveryId().orElseThrow()))
                    .isEqualTo(400);
        }
        // one variable per path, shared by both deliveries
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM variable WHERE table_code = '99994-0001'", Long.class))
                .isEqualTo(2);
    }

    /** A flat file of 200 Kreise, each with two values, the last digit of each value given. */
    static Path manyKreise(Path folder, String name, String digit) throws IOException {
        StringBuilder text = new StringBuilder("\uFEFF" + Bombs.FLAT_HEADER + "\n");
        List<String> codes = KreisRegister.loadDefault().kreiseOn(java.time.LocalDate.of(2024, 12, 31)).stream()
                .map(k -> k.ags())
                .limit(200)
                .toList();
        for (String code : codes) {
            for (String variable : List.of("Insgesamt", "weiblich")) {
                text.append("12411;Bevölkerung;STAG;Stichtag;2024-12-31;KREISE;Kreise;")
                        .append(code)
                        .append(";Kreis;10")
                        .append(digit)
                        .append(";Anzahl;BEV;")
                        .append(variable)
                        .append('\n');
            }
        }
        return Files.writeString(folder.resolve(name), text);
    }

    /** The store, with a barrier after each look-up by SHA-256. */
    private record AfterLookingUp(DeliveryStore store, CountDownLatch bothLooked) implements DeliveryStore {

        @Override
        public Optional<Delivery> findBySha256(String sha256) {
            Optional<Delivery> found = store.findBySha256(sha256);
            bothLooked.countDown();
            try {
                // a second look-up (after a failed insert) finds the latch open
                bothLooked.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return found;
        }

        @Override
        public Optional<Delivery> find(long id) {
            return store.find(id);
        }

        @Override
        public List<Delivery> all() {
            return store.all();
        }

        @Override
        public List<String> notes(long deliveryId) {
            return store.notes(deliveryId);
        }

        @Override
        public long open(ExtractHeader header, String sha256, LocalDateTime ingestedAt) {
            return store.open(header, sha256, ingestedAt);
        }

        @Override
        public void complete(long deliveryId, ExtractFooter footer, LineAccount account) {
            store.complete(deliveryId, footer, account);
        }
    }
}
