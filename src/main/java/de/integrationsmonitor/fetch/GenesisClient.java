package de.integrationsmonitor.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Lock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Talks to one database of the GENESIS web service: POSTs a form to a method ({@code data/tablefile}, ...) with the
 * credentials in the {@code username}/{@code password} headers only, one request at a time, and hands back the
 * answer as a file or a status object. Time-outs, HTTP 5xx and status 6 (too many parallel requests) are retried
 * with exponential back-off; an answer that is neither a ZIP nor a status object is refused with its content type
 * and first bytes. One answer may take {@code imon.limits.max-download-seconds} and have
 * {@code imon.limits.max-download-size} bytes; past either it is cut off and not asked for again. Text from the server
 * is masked and cleaned before any message carries it ({@link OfficeText}).
 */
final class GenesisClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FILE_NAME =
            Pattern.compile("filename\\*?=\"?(?:UTF-8'')?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final int TOO_MANY_REQUESTS = 6;
    /** A status object is a few kB; an answer this large that is no ZIP is not one. */
    private static final long LARGEST_STATUS = 16L * 1024 * 1024;

    private final Database database;
    private final URI baseUrl;
    private final Credentials credentials;
    private final FetchSettings settings;
    private final HttpClient http;
    private final Lock oneAtATime;
    private final Path workFolder;

    /**
     * @param oneAtATime held during each exchange: the offices allow one request at a time per account and database
     * @param workFolder where answers are downloaded to before they are looked at (beside the inbox, so that a
     *                   table moves into it whole)
     */
    GenesisClient(
            Database database,
            Credentials credentials,
            FetchSettings settings,
            HttpClient http,
            Lock oneAtATime,
            Path workFolder) {
        this.database = database;
        this.baseUrl = settings.baseUrl(database);
        this.credentials = credentials;
        this.settings = settings;
        this.http = http;
        this.oneAtATime = oneAtATime;
        this.workFolder = workFolder;
    }

    static HttpClient httpClient(FetchSettings settings) {
        // redirects are not followed: the credentials stay with the host they were configured for
        return HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code host:port} of the database, as messages name it. */
    String hostAndPort() {
        int port =
                baseUrl.getPort() >= 0 ? baseUrl.getPort() : baseUrl.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return baseUrl.getHost() + ":" + port;
    }

    /** Who was asked what, for messages: {@code Regionaldatenbank Deutschland (host:443, data/tablefile)}. */
    private String where(String method) {
        return database.label() + " (" + hostAndPort() + ", " + method + ")";
    }

    /** A method that answers a status object only ({@code catalogue/results}, {@code catalogue/modifieddata}). */
    Answer.Status status(String method, Map<String, String> form) {
        Answer answer = call(method, form);
        if (answer instanceof Answer.File file) {
            delete(file.file());
            throw new FetchException(
                    FetchException.Kind.REFUSED,
                    database.label() + " answered " + method + " with a ZIP; expected a status object");
        }
        return (Answer.Status) answer;
    }

    /**
     * Sends the form to {@code method}, again after a time-out, HTTP 5xx or status 6, waiting twice as long before
     * each new attempt. A {@link Answer.File} is the caller's to move or delete.
     */
    Answer call(String method, Map<String, String> form) {
        Duration wait = settings.backoff();
        int attempts = settings.retries() + 1;
        for (int attempt = 1; ; attempt++) {
            String problem;
            FetchException.Kind kind = FetchException.Kind.FAILED;
            try {
                Answer answer = exchange(method, form);
                if (!(answer instanceof Answer.Status status) || status.code() != TOO_MANY_REQUESTS) {
                    return answer;
                }
                problem = "too many parallel requests, " + status.describe();
            } catch (Retryable e) {
                problem = e.getMessage();
                kind = e.unreachable ? FetchException.Kind.UNREACHABLE : FetchException.Kind.FAILED;
            }
            if (attempt >= attempts) {
                throw new FetchException(
                        kind, problem + (attempts > 1 ? "; gave up after " + attempts + " attempts" : ""));
            }
            sleep(wait);
            wait = wait.multipliedBy(2);
        }
    }

    private Answer exchange(String method, Map<String, String> form) {
        URI uri = baseUrl.resolve(method);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json, application/zip, */*")
                .header("username", credentials.username())
                .header("password", credentials.password())
                .POST(HttpRequest.BodyPublishers.ofString(encode(form), StandardCharsets.UTF_8))
                .build();
        Path body = partFile(workFolder);
        boolean handedOver = false;
        oneAtATime.lock();
        try {
            HttpResponse<Long> response = send(request, body, method);
            Answer answer = classify(response, body, method);
            handedOver = answer instanceof Answer.File;
            return answer;
        } finally {
            oneAtATime.unlock();
            if (!handedOver) {
                delete(body);
            }
        }
    }

    /** Sends the request, writing the body to {@code body}; a body that stalls longer than the read time-out fails. */
    private HttpResponse<Long> send(HttpRequest request, Path body, String method) {
        String where = where(method);
        FileWriter writer;
        try {
            writer = new FileWriter(body, settings.maxDownloadSize());
        } catch (IOException e) {
            throw new FetchException(
                    FetchException.Kind.FAILED, "cannot write the download " + body + ": " + e.getMessage());
        }
        CompletableFuture<HttpResponse<Long>> future =
                http.sendAsync(request, info -> HttpResponse.BodySubscribers.fromSubscriber(writer, FileWriter::bytes));
        long tick = Math.max(
                1,
                Math.min(
                        Math.min(
                                        settings.readTimeout().toMillis(),
                                        settings.maxDownloadTime().toMillis())
                                / 4,
                        1000));
        long start = System.nanoTime();
        try {
            while (true) {
                try {
                    HttpResponse<Long> response = future.get(tick, TimeUnit.MILLISECONDS);
                    if (writer.tooLarge) {
                        throw tooLarge(where);
                    }
                    return response;
                } catch (TimeoutException e) {
                    if (writer.tooLarge) {
                        future.cancel(true);
                        throw tooLarge(where);
                    }
                    if (Duration.ofNanos(System.nanoTime() - start).compareTo(settings.maxDownloadTime()) > 0) {
                        // not tried again: a server that drips would hold the run (and a nightly's lock) once more
                        future.cancel(true);
                        throw new FetchException(
                                FetchException.Kind.FAILED,
                                where + " took longer than "
                                        + seconds(settings.maxDownloadTime()) + " (limit "
                                        + FetchSettings.MAX_DOWNLOAD_SECONDS
                                        + ") and was cut off after " + writer.bytes()
                                        + " bytes; not tried again in this run");
                    }
                    if (writer.failure != null) {
                        future.cancel(true);
                        throw new FetchException(
                                FetchException.Kind.FAILED,
                                "cannot write the download " + body + ": " + writer.failure.getMessage());
                    }
                    if (writer.idle().compareTo(settings.readTimeout()) > 0) {
                        // the request's own time-out covers the wait for the answer's head; this one its body
                        future.cancel(true);
                        throw writer.bytes() == 0
                                ? readTimeout(where)
                                : new Retryable(
                                        "no data from " + where
                                                + " for " + seconds(settings.readTimeout()) + " (read time-out) after "
                                                + writer.bytes() + " bytes",
                                        false);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new FetchException(FetchException.Kind.FAILED, "interrupted while waiting for " + where);
        } catch (ExecutionException e) {
            if (writer.tooLarge) {
                throw tooLarge(where);
            }
            throw failure(e.getCause(), where);
        } finally {
            writer.close();
        }
    }

    private Retryable failure(Throwable cause, String where) {
        Throwable root = cause;
        while (root.getCause() != null
                && !(root instanceof HttpTimeoutException)
                && !(root instanceof ConnectException)
                && !(root instanceof UnresolvedAddressException)) {
            root = root.getCause();
        }
        if (root instanceof HttpConnectTimeoutException) {
            return new Retryable(
                    "cannot connect to " + where + " within " + seconds(settings.connectTimeout())
                            + " (connect time-out)",
                    true);
        }
        if (root instanceof HttpTimeoutException) {
            return readTimeout(where);
        }
        if (root instanceof ConnectException || root instanceof UnresolvedAddressException) {
            return new Retryable(
                    "cannot connect to " + where + " ("
                            + (root instanceof UnresolvedAddressException
                                    ? "unknown host"
                                    : Optional.ofNullable(root.getMessage()).orElse("connection refused"))
                            + ")",
                    true);
        }
        return new Retryable(
                "the connection to " + where + " failed (" + root.getClass().getSimpleName()
                        + Optional.ofNullable(root.getMessage())
                                .map(m -> ": " + m)
                                .orElse("") + ")",
                false);
    }

    private FetchException tooLarge(String where) {
        return new FetchException(
                FetchException.Kind.REFUSED,
                where + " answered more than "
                        + settings.maxDownloadSize() + " bytes (limit " + FetchSettings.MAX_DOWNLOAD_SIZE
                        + "); the rest was"
                        + " not downloaded and nothing was kept");
    }

    private Retryable readTimeout(String where) {
        return new Retryable(
                "no answer from " + where + " within " + seconds(settings.readTimeout()) + " (read time-out)", false);
    }

    /** What the bytes are: a ZIP, a status object, or neither (refused with its content type and first bytes). */
    private Answer classify(HttpResponse<Long> response, Path body, String method) {
        int code = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("none");
        String where = where(method);
        byte[] head = head(body);
        if (code >= 500) {
            throw new Retryable(
                    where + " answered HTTP " + code + " (content type " + outside(contentType) + ", first bytes '"
                            + printable(head) + "')",
                    false);
        }
        if (code == 200 && isZip(head)) {
            return new Answer.File(body, officeFileName(response), response.body());
        }
        Optional<Answer.Status> status = statusObject(body, response.body())
                .map(s -> new Answer.Status(s.code(), outside(s.content()), outside(s.type()), s.body()));
        if (status.isPresent()) {
            return status.get();
        }
        if (code != 200) {
            throw new FetchException(
                    FetchException.Kind.FAILED,
                    where + " answered HTTP " + code
                            + (code >= 300 && code < 400
                                    ? " (a redirect to "
                                            + outside(response.headers()
                                                    .firstValue("Location")
                                                    .orElse("?"))
                                            + ", not followed: the credentials stay with the configured host)"
                                    : "")
                            + " (content type "
                            + outside(contentType) + ", first bytes '" + printable(head) + "')");
        }
        throw new FetchException(
                FetchException.Kind.REFUSED,
                where + " answered neither a ZIP nor a status object:"
                        + " content type " + outside(contentType) + ", " + response.body() + " bytes, first bytes '"
                        + printable(head) + "'");
    }

    private static Optional<Answer.Status> statusObject(Path body, long size) {
        if (size > LARGEST_STATUS) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(body);
            JsonNode root = JSON.readTree(text(bytes));
            JsonNode status = root == null ? null : root.get("Status");
            if (status == null || !status.isObject() || !status.path("Code").canConvertToInt()) {
                return Optional.empty();
            }
            return Optional.of(new Answer.Status(
                    status.path("Code").asInt(),
                    status.path("Content").asText(""),
                    status.path("Type").asText(""),
                    root));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The answer as text: UTF-8, or ISO-8859-1 where it is not valid UTF-8. */
    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static Optional<String> officeFileName(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Content-Disposition")
                .map(FILE_NAME::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1).strip())
                .map(n -> n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1))
                .filter(n -> SAFE_FILE_NAME.matcher(n).matches() && !n.contains(".."));
    }

    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private static byte[] head(Path body) {
        try (InputStream in = Files.newInputStream(body)) {
            return in.readNBytes(120);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The first bytes for a message: the credentials masked, control characters as spaces, at most 80 characters. */
    String printable(byte[] head) {
        String text = OfficeText.clean(text(head), credentials, Integer.MAX_VALUE);
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** Text from the server (a status message, a header), as messages may carry it ({@link OfficeText}). */
    String outside(String text) {
        return OfficeText.clean(text, credentials);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String seconds(Duration duration) {
        double s = duration.toNanos() / 1e9;
        return (s == Math.rint(s)
                        ? String.valueOf((long) s)
                        : String.format(Locale.ROOT, "%.3f", s).replaceAll("0+$", ""))
                + " s";
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.FAILED, "interrupted while waiting");
        }
    }

    /**
     * A new empty file for a download in the folder: its name starts with a dot, so ingest passes over it until it
     * is whole and moved to its name; created as any new file (the umask applies), unlike a temporary file.
     */
    static Path partFile(Path folder) {
        try {
            Files.createDirectories(folder);
            return Files.createFile(folder.resolve(".imon-fetch-" + UUID.randomUUID() + ".part"));
        } catch (IOException e) {
            throw new FetchException(
                    FetchException.Kind.FAILED, "cannot write downloads to " + folder + ": " + e.getMessage());
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file starts with a dot: ingest passes over it
        }
    }

    /** A failure worth another attempt: a time-out, a broken connection, HTTP 5xx. */
    private static final class Retryable extends RuntimeException {
        private final boolean unreachable;

        Retryable(String message, boolean unreachable) {
            super(message, null, false, false);
            this.unreachable = unreachable;
        }
    }

    /** Writes a response body to a file as it arrives, and tells how long nothing came. */
    private static final class FileWriter implements Flow.Subscriber<List<ByteBuffer>> {
        private final FileChannel channel;
        private volatile long lastProgress = System.nanoTime();
        private volatile long bytes;
        private volatile IOException failure;
        /** The answer grew past the size cap: nothing more is written, the download is refused. */
        private volatile boolean tooLarge;

        private final long maxBytes;
        private Flow.Subscription subscription;

        FileWriter(Path file, long maxBytes) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            this.maxBytes = maxBytes;
        }

        long bytes() {
            return bytes;
        }

        Duration idle() {
            return Duration.ofNanos(System.nanoTime() - lastProgress);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                for (ByteBuffer buffer : buffers) {
                    if (bytes + buffer.remaining() > maxBytes) {
                        tooLarge = true;
                        subscription.cancel();
                        close();
                        return;
                    }
                    while (buffer.hasRemaining()) {
                        bytes += channel.write(buffer);
                    }
                }
                lastProgress = System.nanoTime();
                subscription.request(1);
            } catch (IOException e) {
                failure = e;
                subscription.cancel();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            close();
        }

        @Override
        public void onComplete() {
            close();
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // the download is checked as a whole afterwards
            }
        }
    }
}
