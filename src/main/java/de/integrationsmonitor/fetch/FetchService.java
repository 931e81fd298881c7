package de.integrationsmonitor.fetch;

import de.integrationsmonitor.ingest.IngestService;
import de.integrationsmonitor.kernel.ImonSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Fetches tables from the offices' web services into the inbox and ingests them: every source of
 * {@code jobs/quellen.yml}, or the tables named. Settings and credentials are read from the environment at each
 * call (see {@link FetchSettings} and {@link Credentials}).
 */
@Service
public class FetchService {

    /** A table code of the Regionaldatenbank's form, {@code NNNNN-NN-NN-N}: no other database writes its codes so. */
    static final java.util.regex.Pattern REGIONALDATENBANK_TABLE =
            java.util.regex.Pattern.compile("\\d{5}-\\d{2}-\\d{2}-\\d");

    private final Environment environment;
    private final ImonSettings settings;
    private final FetchLog log;
    private final IngestService ingest;
    private final Clock clock;
    /** One request at a time per database, whoever in this process asks. */
    private final Map<Database, Lock> locks = new ConcurrentHashMap<>();

    public FetchService(
            Environment environment, ImonSettings settings, FetchLog log, IngestService ingest, Clock clock) {
        this.environment = environment;
        this.settings = settings;
        this.log = log;
        this.ingest = ingest;
        this.clock = clock;
    }

    /** {@code jobs/quellen.yml}. */
    public Path sourcesFile() {
        return settings.jobs().resolve("quellen.yml");
    }

    /** Whether credentials for the web service are configured at all; a nightly run fetches only then. */
    public boolean credentialsSet() {
        return Credentials.configured(env());
    }

    /**
     * Fetches every source of {@code jobs/quellen.yml}.
     *
     * @throws FetchConfigurationException when the sources file, a setting or the credentials are wrong (before
     *                                     anything is fetched)
     */
    public List<FetchOutcome> fetchConfigured(FetchOptions options, FetchListener listener) {
        return fetchTables(List.of(), Optional.empty(), options, listener);
    }

    /**
     * Fetches the tables named (each as {@code jobs/quellen.yml} lists it, else the whole table from the database
     * given, or from the Regionaldatenbank when the code has its form {@code NNNNN-NN-NN-N}), or, with no table
     * named, every source of {@code jobs/quellen.yml} (of the database, if one is given).
     * Entries of the file that are wrong, and tables that cannot be asked for, are refused; the others are fetched.
     */
    public List<FetchOutcome> fetchTables(
            List<String> tables, Optional<Database> database, FetchOptions options, FetchListener listener) {
        Path file = sourcesFile();
        SourcesLoader.SourceList configured = tables.isEmpty() || Files.exists(file)
                ? SourcesLoader.load(file, Database.fromEnvironment(env()))
                : new SourcesLoader.SourceList(List.of(), List.of());
        List<Source> sources = new ArrayList<>();
        List<FetchOutcome> refused = new ArrayList<>();
        if (tables.isEmpty()) {
            configured.sources().stream()
                    .filter(s -> database.isEmpty() || s.database().equals(database.get()))
                    .forEach(sources::add);
            configured.refused().stream()
                    .filter(r -> database.isEmpty()
                            || r.database().isEmpty()
                            || r.database().equals(database))
                    .forEach(refused::add);
        }
        for (String table : tables) {
            List<Source> listed = configured.sources().stream()
                    .filter(s -> s.table().equals(table))
                    .filter(s -> database.isEmpty() || s.database().equals(database.get()))
                    .toList();
            List<FetchOutcome> wrong = configured.refused().stream()
                    .filter(r -> r.table().equals(table))
                    .toList();
            if (!listed.isEmpty()) {
                sources.addAll(listed);
            } else if (!wrong.isEmpty()) {
                refused.addAll(wrong);
            } else if (!Source.TABLE_CODE.matcher(table).matches()) {
                refused.add(FetchOutcome.refused(
                        table,
                        database,
                        "'" + table + "' is no table code; expected one"
                                + " like 12411-01-01-4, 12531-0043 or AI-N-01-2-5"));
            } else if (database.isPresent()) {
                sources.add(Source.of(table, database.get()));
            } else if (REGIONALDATENBANK_TABLE.matcher(table).matches()) {
                // only the Regionaldatenbank writes its codes so (12411-01-01-4); GENESIS-Online's are 12411-0001
                sources.add(Source.of(table, Database.REGIONALSTATISTIK));
            } else {
                refused.add(FetchOutcome.refused(
                        table,
                        database,
                        "not listed in " + file + "; say which database" + " publishes it with --database ("
                                + Database.ids(databases()) + ")"));
            }
        }
        refused.forEach(listener::outcome);
        List<FetchOutcome> outcomes = new ArrayList<>(refused);
        outcomes.addAll(fetch(sources, options, listener));
        return outcomes;
    }

    /**
     * Fetches the sources given.
     *
     * @throws FetchConfigurationException when no credentials are configured at all, or a setting is wrong
     */
    public List<FetchOutcome> fetch(List<Source> sources, FetchOptions options, FetchListener listener) {
        Function<String, String> env = env();
        List<Database> configured = sources.stream()
                .map(Source::database)
                .distinct()
                .filter(d -> Database.byId(d.id()).isEmpty())
                .toList();
        FetchSettings fetchSettings = FetchSettings.from(env, settings.input(), configured);
        if (!sources.isEmpty() && !Credentials.configured(env, configured)) {
            throw new FetchConfigurationException("no credentials for the GENESIS web service: set "
                    + Credentials.TOKEN + " (or " + Credentials.USER + " and " + Credentials.PASSWORD + "), or name a"
                    + " credentials file with " + Credentials.FILE + "; docs/betrieb.md says how to get an account");
        }
        Fetcher fetcher = new Fetcher(
                fetchSettings,
                database -> Credentials.resolve(database, env),
                log,
                (file, table) -> ingest.ingest(file, Optional.of(table)),
                clock,
                locks);
        return fetcher.fetch(sources, options, listener);
    }

    /**
     * Every database a table may be fetched from: the built-in ones, those of {@code IMON_GENESIS_DATABASES} and those
     * {@code jobs/quellen.yml} configures.
     *
     * @throws FetchConfigurationException when one of them is configured wrongly
     */
    public List<Database> databases() {
        List<Database> all = new ArrayList<>(List.of(Database.values()));
        List<Database> environment = Database.fromEnvironment(env());
        all.addAll(environment);
        if (Files.exists(sourcesFile())) {
            all.addAll(SourcesLoader.load(sourcesFile(), environment).databases());
        }
        return all;
    }

    /** The database of that name, if one is built in or configured. */
    public Optional<Database> database(String id) {
        return Database.byId(id, databases());
    }

    private Function<String, String> env() {
        return environment::getProperty;
    }
}
