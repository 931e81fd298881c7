package de.integrationsmonitor.fetch;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The downloads of a fetch run kept in memory, for the tests that run without a database. */
final class MemoryFetchLog implements FetchLog {

    final List<Download> downloads = new ArrayList<>();

    @Override
    public Optional<LocalDateTime> lastDownload(Database database, String table, String language) {
        return downloads.stream()
                .filter(d -> d.database() == database
                        && d.table().equals(table)
                        && d.language().equals(language))
                .map(Download::fetchedAt)
                .max(LocalDateTime::compareTo);
    }

    @Override
    public void recordDownload(Download download) {
        downloads.add(download);
    }

    /** A download made earlier, on the given day. */
    MemoryFetchLog downloadedOn(Database database, String table, LocalDateTime when) {
        downloads.add(new Download(
                database,
                table,
                "de",
                when,
                table + "_de_flat.zip",
                "0".repeat(64),
                Optional.empty(),
                Optional.empty()));
        return this;
    }
}
