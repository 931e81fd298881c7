package de.integrationsmonitor.fetch;

import java.time.LocalDateTime;
import java.util.Optional;

/** What fetching remembers between runs: every download, so that the last one tells what changed since. */
public interface FetchLog {

    /** When the table was last downloaded from the database in the language, if ever. */
    Optional<LocalDateTime> lastDownload(Database database, String table, String language);

    void recordDownload(Download download);

    /**
     * One download that went into the inbox.
     *
     * @param deliveryId    the delivery its bytes are (new, or stored before); empty with {@code --download-only}
     * @param officeWarning what the office said when it adjusted the request (status 22), kept with the delivery
     */
    record Download(
            Database database,
            String table,
            String language,
            LocalDateTime fetchedAt,
            String fileName,
            String sha256,
            Optional<Long> deliveryId,
            Optional<String> officeWarning) {}
}
