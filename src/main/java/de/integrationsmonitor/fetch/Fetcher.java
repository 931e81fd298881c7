package de.integrationsmonitor.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import de.integrationsmonitor.ingest.IngestOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fetch run: for each source, asks {@code catalogue/modifieddata} whether the table changed since its last
 * download, downloads it with {@code data/tablefile} (through a background job when the office says it is too large:
 * status 98, job created 99, {@code catalogue/results} polled until done, {@code data/resultfile}), puts it into the
 * inbox under the name the office gave and hands it to ingest under the table code it was requested as.
 */
public final class Fetcher {

    /** Takes a downloaded file in as a delivery of the table it was requested as. */
    @FunctionalInterface
    public interface Intake {
        IngestOutcome ingest(Path file, String table);
    }

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);
    private static final int OK = 0;
    private static final int ADJUSTED = 22;
    private static final int TOO_LARGE = 98;
    private static final int JOB_CREATED = 99;
    private static final int NOTHING_FOUND = 104;
    private static final int NO_SUCH_TABLE = 90;
    private static final int SERVER_ERROR = -1;

    private final FetchSettings settings;
    private final Function<Database, Optional<Credentials>> credentials;
    private final FetchLog log;
    private final Intake intake;
    private final Clock clock;
    private final Map<Database, Lock> locks;
    private final HttpClient http;
    /** Databases found unreachable in this run, with the reason: their other tables are not tried. */
    private final Map<Database, String> unreachable = new HashMap<>();

    /**
     * @param locks one lock per database, shared by every run in the process: one request at a time per database
     *              (a configured database gets its lock when first asked; the map must be safe for that)
     */
    public Fetcher(
            FetchSettings settings,
            Function<Database, Optional<Credentials>> credentials,
            FetchLog log,
            Intake intake,
            Clock clock,
            Map<Database, Lock> locks) {
        this.settings = settings;
        this.credentials = credentials;
        this.log = log;
        this.intake = intake;
        this.clock = clock;
        this.locks = locks;
        this.http = GenesisClient.httpClient(settings);
    }

    /** Fetches the sources one after the other; every source gets an outcome, whatever happens to the others. */
    public List<FetchOutcome> fetch(List<Source> sources, FetchOptions options, FetchListener listener) {
        List<FetchOutcome> outcomes = new ArrayList<>();
        for (Source source : sources) {
            FetchOutcome outcome = fetch(source, options, listener);
            listener.outcome(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    FetchOutcome fetch(Source source, FetchOptions options, FetchListener listener) {
        Database database = source.database();
        if (unreachable.containsKey(database)) {
            return FetchOutcome.of(source, FetchOutcome.Result.FAILED, "not tried: " + unreachable.get(database));
        }
        Optional<Credentials> account;
        try {
            account = credentials.apply(database);
        } catch (FetchConfigurationException e) {
            return FetchOutcome.of(source, FetchOutcome.Result.REFUSED, e.getMessage());
        }
        if (account.isEmpty()) {
            String suffix = database.variableSuffix();
            return FetchOutcome.of(
                    source,
                    FetchOutcome.Result.REFUSED,
                    "no credentials for the "
                            + database.label() + ": set " + Credentials.TOKEN + "_" + suffix + " or "
                            + Credentials.TOKEN
                            + " (or the user name and password, or a credentials file; see docs/betrieb.md)");
        }
        Path inbox = options.inbox().orElse(settings.inbox());
        GenesisClient client = new GenesisClient(
                database,
                account.get(),
                settings,
                http,
                locks.computeIfAbsent(database, d -> new java.util.concurrent.locks.ReentrantLock(true)),
                inbox);
        try {
            return download(client, source, options, inbox, listener);
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.UNREACHABLE) {
                unreachable.put(database, e.getMessage());
            }
            return FetchOutcome.of(
                    source,
                    e.kind() == FetchException.Kind.REFUSED ? FetchOutcome.Result.REFUSED : FetchOutcome.Result.FAILED,
                    e.getMessage());
        }
    }

    private FetchOutcome download(
            GenesisClient client, Source source, FetchOptions options, Path inbox, FetchListener listener) {
        Optional<LocalDateTime> last = log.lastDownload(source.database(), source.table(), source.language());
        if (last.isPresent() && !options.force()) {
            String since = GERMAN_DATE.format(last.get());
            if (source.statistic().isEmpty()) {
                listener.progress(source.label() + ": no statistic code to ask for changes; downloading");
            } else if (!changedSince(client, source, since, listener)) {
                return FetchOutcome.of(source, FetchOutcome.Result.UNCHANGED, "unchanged since " + since);
            }
        }
        Answer answer = client.call("data/tablefile", source.tablefileForm(false));
        if (answer instanceof Answer.Status status && status.code() == TOO_LARGE) {
            listener.progress(source.label() + ": too large for a direct download (" + status.describe()
                    + "); asking for a background job");
            answer = client.call("data/tablefile", source.tablefileForm(true));
        }
        if (answer instanceof Answer.Status status && status.code() == JOB_CREATED) {
            String job = jobName(source, status);
            listener.progress(source.label() + ": job " + job + " created; asking every "
                    + GenesisClient.seconds(settings.pollInterval()) + " whether it is done (at most "
                    + GenesisClient.seconds(settings.jobTimeout()) + ")");
            int polls = awaitJob(client, source, job);
            listener.progress(source.label() + ": job " + job + " done after " + polls + " polls");
            answer = client.call("data/resultfile", source.resultfileForm(job));
        }
        return delivered(source, answer, options, inbox);
    }

    /** Whether {@code catalogue/modifieddata} lists the statistic as changed since the date; when unsure, yes. */
    private boolean changedSince(GenesisClient client, Source source, String since, FetchListener listener) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("selection", source.statistic().orElseThrow());
        form.put("type", "all");
        form.put("date", since);
        form.put("pagelength", "500");
        form.put("area", "all");
        form.put("language", source.language());
        Answer.Status status = client.status("catalogue/modifieddata", form);
        if (status.code() == NOTHING_FOUND) {
            return false;
        }
        if (status.code() == OK) {
            JsonNode first = status.body().path("List").path(0);
            listener.progress(
                    source.label() + ": statistic " + source.statistic().get() + " changed since " + since
                            + (first.hasNonNull("Date")
                                    ? " (office date "
                                            + client.outside(first.get("Date").asText()) + ")"
                                    : ""));
        } else {
            listener.progress(
                    source.label() + ": cannot tell whether it changed (" + status.describe() + "); downloading");
        }
        return true;
    }

    private static String jobName(Source source, Answer.Status status) {
        Matcher named = Pattern.compile(Pattern.quote(source.table()) + "_\\d+").matcher(status.content());
        if (named.find()) {
            return named.group();
        }
        Matcher any = Pattern.compile("[0-9A-Za-z-]+_\\d+").matcher(status.content());
        String found = null;
        while (any.find()) {
            found = any.group();
        }
        if (found == null) {
            throw new FetchException(
                    FetchException.Kind.FAILED,
                    "the office created a job (" + status.describe() + ") but its answer names none");
        }
        return found;
    }

    /** Polls {@code catalogue/results} until the job's result is listed; returns the number of polls. */
    private int awaitJob(GenesisClient client, Source source, String job) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("selection", job);
        form.put("area", "user");
        form.put("pagelength", "1");
        form.put("language", source.language());
        long start = System.nanoTime();
        for (int polls = 1; ; polls++) {
            Answer.Status status = client.status("catalogue/results", form);
            if (status.code() == OK && listed(status.body(), job)) {
                return polls;
            }
            if (status.code() != OK && status.code() != NOTHING_FOUND) {
                throw new FetchException(
                        FetchException.Kind.FAILED, "asking whether job " + job + " is done: " + status.describe());
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (waited.plus(settings.pollInterval()).compareTo(settings.jobTimeout()) > 0) {
                throw new FetchException(
                        FetchException.Kind.FAILED,
                        "job " + job + " was not done after "
                                + GenesisClient.seconds(settings.jobTimeout()) + " (" + polls
                                + " polls of catalogue/results);"
                                + " the office may still be preparing it: fetch again later, or allow more time with "
                                + FetchSettings.JOB_TIMEOUT);
            }
            GenesisClient.sleep(settings.pollInterval());
        }
    }

    private static boolean listed(JsonNode body, String job) {
        for (JsonNode entry : body.path("List")) {
            if (job.equals(entry.path("Code").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Turns the final answer into the table in the inbox, or says why there is none. */
    private FetchOutcome delivered(Source source, Answer answer, FetchOptions options, Path inbox) {
        if (answer instanceof Answer.File file) {
            String name = file.officeFileName().orElse(source.table() + "_" + source.language() + "_flat.zip");
            return store(source, file.file(), name, Optional.empty(), options, inbox);
        }
        Answer.Status status = (Answer.Status) answer;
        return switch (status.code()) {
            case OK, ADJUSTED -> {
                // a table that comes as text inside the status object (with the warning of status 22)
                JsonNode content = status.body().path("Object").path("Content");
                if (!content.isTextual() || content.asText().isBlank()) {
                    throw new FetchException(
                            FetchException.Kind.FAILED,
                            "the office answered " + status.describe() + " but sent no table");
                }
                Path file = temporary(inbox, content.asText());
                yield store(
                        source,
                        file,
                        source.table() + "_" + source.language() + "_flat.csv",
                        status.code() == ADJUSTED ? Optional.of(status.content().strip()) : Optional.empty(),
                        options,
                        inbox);
            }
            case NOTHING_FOUND ->
                FetchOutcome.of(
                        source, FetchOutcome.Result.NO_DATA, "no data for this selection (" + status.describe() + ")");
            case NO_SUCH_TABLE ->
                FetchOutcome.of(
                        source,
                        FetchOutcome.Result.REFUSED,
                        "the "
                                + source.database().label() + " has no table " + source.table() + " ("
                                + status.describe()
                                + "); check the table code in jobs/quellen.yml");
            case SERVER_ERROR ->
                FetchOutcome.of(
                        source, FetchOutcome.Result.FAILED, "the office reports an error: " + status.describe());
            default ->
                FetchOutcome.of(
                        source,
                        FetchOutcome.Result.FAILED,
                        "the office did not deliver the table: " + status.describe());
        };
    }

    private FetchOutcome store(
            Source source,
            Path download,
            String officeName,
            Optional<String> warning,
            FetchOptions options,
            Path inbox) {
        Path target;
        String sha256;
        try {
            sha256 = sha256(download);
            target = freeName(inbox, officeName, sha256);
            Files.move(download, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            GenesisClient.delete(download);
            throw new FetchException(
                    FetchException.Kind.FAILED, "cannot put the download into " + inbox + ": " + e.getMessage());
        }
        String name = target.getFileName().toString();
        String size = String.format(Locale.ROOT, "%,d bytes", sizeOf(target));
        LocalDateTime now = LocalDateTime.now(clock);
        if (options.downloadOnly()) {
            log.recordDownload(new FetchLog.Download(
                    source.database(),
                    source.table(),
                    source.language(),
                    now,
                    name,
                    sha256,
                    Optional.empty(),
                    warning));
            return new FetchOutcome(
                    source.table(),
                    Optional.of(source.database()),
                    FetchOutcome.Result.FETCHED,
                    "downloaded " + name + " (" + size + ") into " + inbox + "; not ingested (--download-only)",
                    Optional.of(name),
                    Optional.empty(),
                    warning);
        }
        IngestOutcome ingested = intake.ingest(target, source.table());
        if (ingested.refused()) {
            GenesisClient.delete(target);
            return new FetchOutcome(
                    source.table(),
                    Optional.of(source.database()),
                    FetchOutcome.Result.REFUSED,
                    "the download was refused by ingest and removed from the inbox: " + ingested.message(),
                    Optional.empty(),
                    Optional.of(ingested),
                    warning);
        }
        log.recordDownload(new FetchLog.Download(
                source.database(),
                source.table(),
                source.language(),
                now,
                name,
                sha256,
                ingested.deliveryId(),
                warning));
        String message = "downloaded " + name + " (" + size + ")";
        if (ingested.status() == IngestOutcome.Status.ALREADY_INGESTED) {
            // the same bytes are a delivery already; a second copy in the inbox would only be passed over again
            GenesisClient.delete(target);
            message += ", identical to delivery "
                    + ingested.deliveryId().map(String::valueOf).orElse("?")
                    + ": not stored again, not kept in the inbox";
        } else {
            message += ", stored as delivery "
                    + ingested.deliveryId().map(String::valueOf).orElse("?");
        }
        return new FetchOutcome(
                source.table(),
                Optional.of(source.database()),
                FetchOutcome.Result.FETCHED,
                message,
                Optional.of(name),
                Optional.of(ingested),
                warning);
    }

    /** The office's name, or, when another file already has it, the name with {@code _2}, {@code _3}, ... */
    private static Path freeName(Path inbox, String name, String sha256) throws IOException {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        Path candidate = inbox.resolve(name);
        for (int n = 2; Files.exists(candidate) && !sha256(candidate).equals(sha256); n++) {
            candidate = inbox.resolve(stem + "_" + n + extension);
        }
        return candidate;
    }

    private static Path temporary(Path inbox, String content) {
        Path file = GenesisClient.partFile(inbox);
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            GenesisClient.delete(file);
            throw new FetchException(
                    FetchException.Kind.FAILED, "cannot write the download into " + inbox + ": " + e.getMessage());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
