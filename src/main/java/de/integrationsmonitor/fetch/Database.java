package de.integrationsmonitor.fetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A database that answers the GENESIS web service (REST "2020" API) at its own base URL: the three built in
 * (Regionaldatenbank, GENESIS-Online, Zensusdatenbank), and any other GENESIS installation (a Land's
 * Landesdatenbank) configured by name and base URL in {@code jobs/quellen.yml} or {@code IMON_GENESIS_DATABASES}.
 *
 * @param id the name used in {@code jobs/quellen.yml}, on the command line and in the store
 */
public record Database(String id, String label, URI defaultBaseUrl) {

    public static final Database REGIONALSTATISTIK = new Database(
            "regionalstatistik",
            "Regionaldatenbank Deutschland",
            URI.create("https://www.regionalstatistik.de/genesisws/rest/2020/"));
    public static final Database GENESIS = new Database(
            "genesis", "GENESIS-Online (Destatis)", URI.create("https://www-genesis.destatis.de/genesisWS/rest/2020/"));
    public static final Database ZENSUS = new Database(
            "zensus", "Zensusdatenbank 2022", URI.create("https://ergebnisse.zensus2022.de/api/rest/2020/"));
    private static final Database[] BUILT_IN = {REGIONALSTATISTIK, GENESIS, ZENSUS};
    /** A configured database's name: lower case as the built-in ones; part of variable names; 20 characters stored. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,19}");
    /** The environment variable that configures further databases: {@code name=URL,name=URL}. */
    static final String DATABASES = "IMON_GENESIS_DATABASES";

    /** The suffix of the environment variables that concern this database only ({@code IMON_GENESIS_URL_ZENSUS}). */
    public String variableSuffix() {
        return id.toUpperCase(Locale.ROOT);
    }

    /** The three databases built in. */
    public static Database[] values() {
        return BUILT_IN.clone();
    }

    /** A built-in database by its name. */
    public static Optional<Database> byId(String id) {
        return Arrays.stream(BUILT_IN).filter(d -> d.id.equals(id)).findFirst();
    }

    /** A database among those given by its name. */
    static Optional<Database> byId(String id, List<Database> known) {
        return known.stream().filter(d -> d.id.equals(id)).findFirst();
    }

    /** The allowed names, for messages: {@code regionalstatistik, genesis, zensus}. */
    public static String ids() {
        return ids(List.of(BUILT_IN));
    }

    static String ids(List<Database> known) {
        return known.stream().map(Database::id).collect(Collectors.joining(", "));
    }

    /**
     * A database configured by name and base URL ({@code where} names the file or variable, for messages).
     *
     * @throws FetchConfigurationException when the name is no name, a built-in one, or the URL is none
     */
    static Database configured(String where, String name, String label, String url) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new FetchConfigurationException(where + ": the database name is '" + name + "'; expected a name"
                    + " of lower-case letters, digits and _ (at most 20, the width of table_download.database_name),"
                    + " like bayern or nrw");
        }
        if (byId(name).isPresent()) {
            throw new FetchConfigurationException(where + ": the database '" + name + "' is built in; give another"
                    + " name, or move it with IMON_GENESIS_URL_" + name.toUpperCase(Locale.ROOT));
        }
        URI base = FetchSettings.baseUrl(
                where + ": the URL of the database '" + name + "'", url == null ? "" : url.strip());
        return new Database(
                name,
                label == null || label.isBlank()
                        ? "GENESIS database " + name + " (" + base.getHost() + ")"
                        : label.strip(),
                base);
    }

    /** The databases of {@code IMON_GENESIS_DATABASES} ({@code bayern=https://...,nrw=https://...}). */
    static List<Database> fromEnvironment(java.util.function.Function<String, String> env) {
        String value = env.apply(DATABASES);
        List<Database> databases = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return databases;
        }
        for (String entry : value.split(",")) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new FetchConfigurationException(DATABASES + " holds '" + entry.strip() + "'; expected"
                        + " name=URL entries separated by commas, like bayern=https://host/genesisWS/rest/2020/");
            }
            Database database =
                    configured(DATABASES, entry.substring(0, equals).strip(), null, entry.substring(equals + 1));
            if (byId(database.id(), databases).isPresent()) {
                throw new FetchConfigurationException(DATABASES + " names the database '" + database.id() + "' twice");
            }
            databases.add(database);
        }
        return databases;
    }
}
