package de.integrationsmonitor.fetch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a fetch run treats what it downloads.
 *
 * @param downloadOnly put the files into the inbox without ingesting them
 * @param force        download even when {@code catalogue/modifieddata} reports no change
 * @param inbox        where the downloads go, instead of the configured inbox (a nightly run's {@code --inbox})
 */
public record FetchOptions(boolean downloadOnly, boolean force, Optional<Path> inbox) {

    /** Download what changed, ingest it, into the configured inbox. */
    public static FetchOptions defaults() {
        return new FetchOptions(false, false, Optional.empty());
    }
}
