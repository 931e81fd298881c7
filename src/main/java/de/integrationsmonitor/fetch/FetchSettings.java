package de.integrationsmonitor.fetch;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.util.unit.DataSize;

/**
 * How fetching talks to the offices, from environment variables with the documented defaults: the base URL of each
 * database, the poll interval and overall time-out of a job, connect and read time-outs, retries with exponential
 * back-off, the inbox the downloads go to, and the deadline and size cap of one download
 * ({@code imon.limits.max-download-seconds}, {@code imon.limits.max-download-size}).
 *
 * @param retries how often a request is sent again after a time-out, HTTP 5xx or status 6 (too many parallel
 *                requests); the waits double from {@code backoff}
 * @param maxDownloadTime how long one answer may take from the request to its last byte, however steadily it drips
 * @param maxDownloadSize how many bytes one answer may have
 */
public record FetchSettings(
        Map<Database, URI> baseUrls,
        Duration pollInterval,
        Duration jobTimeout,
        Duration connectTimeout,
        Duration readTimeout,
        int retries,
        Duration backoff,
        Path inbox,
        Duration maxDownloadTime,
        long maxDownloadSize) {

    static final String URL = "IMON_GENESIS_URL";
    static final String POLL = "IMON_GENESIS_POLL_SECONDS";
    static final String JOB_TIMEOUT = "IMON_GENESIS_JOB_TIMEOUT_SECONDS";
    static final String CONNECT_TIMEOUT = "IMON_GENESIS_CONNECT_TIMEOUT_SECONDS";
    static final String READ_TIMEOUT = "IMON_GENESIS_READ_TIMEOUT_SECONDS";
    static final String RETRIES = "IMON_GENESIS_RETRIES";
    static final String BACKOFF = "IMON_GENESIS_BACKOFF_SECONDS";
    static final String INBOX = "IMON_INBOX";
    /** The whole download of one answer, from the request to its last byte (the read time-out bounds a pause only). */
    static final String MAX_DOWNLOAD_SECONDS = "imon.limits.max-download-seconds";
    /** The bytes of one answer. */
    static final String MAX_DOWNLOAD_SIZE = "imon.limits.max-download-size";

    static final String DEFAULT_MAX_DOWNLOAD_SECONDS = "3600";
    static final String DEFAULT_MAX_DOWNLOAD_SIZE = "512MB";

    public FetchSettings {
        baseUrls = Map.copyOf(baseUrls);
    }

    /**
     * Reads the settings; {@code IMON_GENESIS_URL} replaces every database's base URL (tests, mirrors, proxies),
     * {@code IMON_GENESIS_URL_<DATABASE>} one database's.
     *
     * @param defaultInbox where downloads go unless {@code IMON_INBOX} says otherwise: the inbox of the home
     */
    public static FetchSettings from(Function<String, String> env, Path defaultInbox) {
        return from(env, defaultInbox, List.of());
    }

    /** The settings for the built-in databases and the configured ones given. */
    public static FetchSettings from(Function<String, String> env, Path defaultInbox, List<Database> configured) {
        Map<Database, URI> urls = new HashMap<>();
        List<Database> databases = new ArrayList<>(List.of(Database.values()));
        databases.addAll(configured);
        for (Database database : databases) {
            String own = URL + "_" + database.variableSuffix();
            String value = env.apply(own);
            String name = own;
            if (blank(value)) {
                value = env.apply(URL);
                name = URL;
            }
            urls.put(database, blank(value) ? database.defaultBaseUrl() : baseUrl(name, value.strip()));
        }
        String inbox = env.apply(INBOX);
        return new FetchSettings(
                urls,
                seconds(env, POLL, "5", false),
                seconds(env, JOB_TIMEOUT, "3000", true),
                seconds(env, CONNECT_TIMEOUT, "30", true),
                seconds(env, READ_TIMEOUT, "300", true),
                count(env, RETRIES, 3),
                seconds(env, BACKOFF, "2", false),
                blank(inbox) ? defaultInbox : Path.of(inbox.strip()),
                seconds(env, MAX_DOWNLOAD_SECONDS, DEFAULT_MAX_DOWNLOAD_SECONDS, true),
                size(env, MAX_DOWNLOAD_SIZE));
    }

    public URI baseUrl(Database database) {
        return baseUrls.getOrDefault(database, database.defaultBaseUrl());
    }

    static URI baseUrl(String name, String value) {
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value : value + "/");
        } catch (IllegalArgumentException e) {
            throw new FetchConfigurationException(name + " is '" + value + "', which is no URL; expected one like "
                    + Database.GENESIS.defaultBaseUrl());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new FetchConfigurationException(name + " is '" + value + "'; expected an http(s) URL with a host,"
                    + " like " + Database.GENESIS.defaultBaseUrl());
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new FetchConfigurationException(name + " is '" + value + "': plain http to another machine would"
                    + " carry the credentials unencrypted; use https (http is accepted for this machine only)");
        }
        if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new FetchConfigurationException(name + " is '" + value + "'; expected a base URL without query or"
                    + " user name (credentials go in IMON_GENESIS_TOKEN or IMON_GENESIS_USER/IMON_GENESIS_PASSWORD)");
        }
        return uri;
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // only literal addresses are checked: a host name is never looked up here
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")
                    && InetAddress.getByName(host.replace("[", "").replace("]", ""))
                            .isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A duration in seconds, fractions allowed (tests poll every few milliseconds). */
    private static Duration seconds(Function<String, String> env, String name, String fallback, boolean positive) {
        String value = env.apply(name);
        String text = blank(value) ? fallback : value.strip();
        try {
            BigDecimal number = new BigDecimal(text);
            if (number.signum() < 0
                    || (positive && number.signum() == 0)
                    || number.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                throw new NumberFormatException(text);
            }
            return Duration.ofNanos(number.movePointRight(9).longValue());
        } catch (NumberFormatException e) {
            throw new FetchConfigurationException(name + " is '" + text + "'; expected a number of seconds"
                    + (positive ? " above 0" : "") + ", fractions allowed (e.g. 5 or 0.05)");
        }
    }

    /** A size like {@code 512MB} or {@code 300B} (a bare number is bytes). */
    private static long size(Function<String, String> env, String name) {
        String value = env.apply(name);
        String text = blank(value) ? DEFAULT_MAX_DOWNLOAD_SIZE : value.strip();
        try {
            long bytes = DataSize.parse(text).toBytes();
            if (bytes > 0) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new FetchConfigurationException(
                name + " is '" + text + "'; expected a size above 0 like 512MB, 2GB" + " or 300B");
    }

    private static int count(Function<String, String> env, String name, int fallback) {
        String value = env.apply(name);
        if (blank(value)) {
            return fallback;
        }
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 0 && count <= 20) {
                return count;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new FetchConfigurationException(
                name + " is '" + value.strip() + "'; expected a whole number from 0" + " to 20");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
