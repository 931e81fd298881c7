package de.integrationsmonitor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.ingest.IngestLimits;
import de.integrationsmonitor.ingest.IngestOutcome;
import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.ingest.LineAccount;
import de.integrationsmonitor.kernel.AuditTrail;
import de.integrationsmonitor.kernel.ImonSettings;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.FindingRepository;
import de.integrationsmonitor.store.ObservationRepository;
import de.integrationsmonitor.testing.SeededCases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real-format fixtures, mutated as transfers, editors and careless users mutate files (cut off, bytes inserted,
 * separators swapped, re-encoded, lines doubled or dropped, digits turned to letters): whatever comes of it, ingest
 * never throws, never commits part of a file, and every data line of what it stores is accounted for. Seeded random
 * cases: a failure names the seed and the case to run again ({@link SeededCases}).
 */
class HostileInputPropertiesTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();
    private static Path home;
    private static JdbcTemplate jdbc;
    private static IngestService ingest;

    @BeforeAll
    static void store() throws IOException {
        home = Files.createTempDirectory("imon-properties-");
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:properties;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        TransactionTemplate fileTransaction = new TransactionTemplate(transactions);
        fileTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ingest = new IngestService(
                new DeliveryRepository(jdbc),
                new ObservationRepository(jdbc, transactions),
                new FindingRepository(jdbc),
                KreisRegister.loadDefault(),
                new ImonSettings(Path.of("").toAbsolutePath(), home),
                fileTransaction,
                Clock.systemDefaultZone(),
                IngestLimits.defaults(),
                AuditTrail.NONE);
    }

    @AfterAll
    static void dropStore() {
        jdbc.execute("DROP ALL OBJECTS");
    }

    /** One way a file gets damaged, at a place given as a share of its length. */
    record Mutation(String kind, double where, byte[] bytes, String charset) {

        byte[] apply(byte[] file) {
            int at = (int) Math.min(file.length, Math.floor(where * file.length));
            return switch (kind) {
                case "truncate" -> Arrays.copyOf(file, at);
                case "insert bytes" ->
                    concat(Arrays.copyOf(file, at), bytes, Arrays.copyOfRange(file, at, file.length));
                case "swap separators" ->
                    replaceInLines(file, at, line -> line.replace(';', bytes.length % 2 == 0 ? ',' : '\t'));
                case "re-encode" -> {
                    Charset from = looksUtf8(file) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
                    yield new String(file, from).getBytes(Charset.forName(charset));
                }
                case "duplicate line" -> replaceInLines(file, at, line -> line + "\n" + line);
                case "drop line" -> replaceInLines(file, at, line -> "");
                case "digit to letter" -> {
                    byte[] copy = file.clone();
                    for (int i = at; i < copy.length; i++) {
                        if (copy[i] >= '0' && copy[i] <= '9') {
                            copy[i] = 'O';
                            break;
                        }
                    }
                    yield copy;
                }
                default -> throw new IllegalStateException(kind);
            };
        }

        @Override
        public String toString() {
            return kind + " at " + Math.round(where * 100) + " %"
                    + (kind.equals("insert bytes") ? " " + Arrays.toString(bytes) : "")
                    + (kind.equals("re-encode") ? " to " + charset : "");
        }
    }

    private static final List<String> KINDS = List.of(
            "truncate",
            "insert bytes",
            "swap separators",
            "re-encode",
            "duplicate line",
            "drop line",
            "digit to letter");
    private static final List<String> CHARSETS = List.of("UTF-8", "ISO-8859-1", "UTF-16LE", "UTF-16");

    static List<Path> fixtures() {
        try (Stream<Path> files =
                Stream.concat(Files.list(FIXTURES.resolve("classic")), Files.list(FIXTURES.resolve("ffcsv")))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Mutation mutation(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(6)];
        random.nextBytes(bytes);
        return new Mutation(
                SeededCases.oneOf(random, KINDS), random.nextDouble(), bytes, SeededCases.oneOf(random, CHARSETS));
    }

    @Test
    void ingestNeverThrowsNeverCommitsPartOfAFileAndAccountsForEveryLine() {
        List<Path> fixtures = fixtures();
        SeededCases.of("mutated extract", 150).forEach(random -> {
            Path fixture = SeededCases.oneOf(random, fixtures);
            Mutation mutation = mutation(random);
            try {
                ingestsAsPromised(fixture, mutation);
            } catch (AssertionError failure) {
                throw new AssertionError(
                        fixture.getFileName() + " with " + mutation + ": " + failure.getMessage(), failure);
            }
        });
    }

    private void ingestsAsPromised(Path fixture, Mutation mutation) throws IOException {
        Path folder = Files.createTempDirectory(home, "try-");
        Path file = Files.write(folder.resolve(fixture.getFileName()), mutation.apply(Files.readAllBytes(fixture)));
        long observationsBefore = count("observation");
        long linesBefore = count("rejected_line");
        long deliveriesBefore = count("delivery");

        IngestOutcome outcome = ingest.ingest(file);

        switch (outcome.status()) {
            case STORED -> {
                LineAccount account = outcome.account().orElseThrow();
                long id = outcome.deliveryId().orElseThrow();
                assertThat(count("delivery")).isEqualTo(deliveriesBefore + 1);
                assertThat(count("observation") - observationsBefore).isEqualTo(account.observations());
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(DISTINCT source_line) FROM observation" + " WHERE delivery_id = ?",
                                Long.class,
                                id))
                        .isEqualTo(account.stored());
                assertThat(count("rejected_line") - linesBefore).isEqualTo(account.rejected() + account.skipped());
                assertThat(account.stored() + account.rejected() + account.skipped())
                        .isEqualTo(account.dataLines());
            }
            case REFUSED, ALREADY_INGESTED -> {
                assertThat(outcome.message())
                        .isNotBlank()
                        .doesNotContain("\tat ")
                        .hasSizeLessThan(3000);
                assertThat(count("delivery")).isEqualTo(deliveriesBefore);
                assertThat(count("observation")).isEqualTo(observationsBefore);
                assertThat(count("rejected_line")).isEqualTo(linesBefore);
            }
        }
    }

    private static long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** The file with the line that holds byte {@code at} replaced (bytes kept as ISO-8859-1, one char each). */
    private static byte[] replaceInLines(byte[] file, int at, java.util.function.UnaryOperator<String> change) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = text.indexOf('\n', at);
        end = end < 0 ? text.length() : end;
        if (start > end) {
            return file;
        }
        List<String> parts = new ArrayList<>(
                List.of(text.substring(0, start), change.apply(text.substring(start, end)), text.substring(end)));
        return String.join("", parts).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean looksUtf8(byte[] file) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(file));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
