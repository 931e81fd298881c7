package de.integrationsmonitor.fetch;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The offices' databases that answer the GENESIS web service (REST "2020" API), each at its own base URL. */
public enum Database {

    REGIONALSTATISTIK("regionalstatistik", "Regionaldatenbank Deutschland",
            "https://www.regionalstatistik.de/genesisws/rest/2020/"),
    GENESIS("genesis", "GENESIS-Online (Destatis)", "https://www-genesis.destatis.de/genesisWS/rest/2020/"),
    ZENSUS("zensus", "Zensusdatenbank 2022", "https://ergebnisse.zensus2022.de/api/rest/2020/");

    private final String id;
    private final String label;
    private final URI defaultBaseUrl;

    Database(String id, String label, String defaultBaseUrl) {
        this.id = id;
        this.label = label;
        this.defaultBaseUrl = URI.create(defaultBaseUrl);
    }

    /** The name used in {@code jobs/quellen.yml}, on the command line and in the store. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public URI defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The suffix of the environment variables that concern this database only ({@code IMON_GENESIS_URL_ZENSUS}). */
    public String variableSuffix() {
        return id.toUpperCase(Locale.ROOT);
    }

    public static Optional<Database> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }

    /** The allowed names, for messages: {@code regionalstatistik, genesis, zensus}. */
    public static String ids() {
        return Arrays.stream(values()).map(Database::id).collect(Collectors.joining(", "));
    }
}
