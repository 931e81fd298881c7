package de.integrationsmonitor.store;

import de.integrationsmonitor.fetch.Database;
import de.integrationsmonitor.fetch.FetchLog;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code table_download} table: what {@code bin/imon fetch} downloaded, and when. */
@Repository
public class TableDownloadRepository implements FetchLog {

    private final JdbcTemplate jdbc;

    public TableDownloadRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LocalDateTime> lastDownload(Database database, String table, String language) {
        Timestamp last = jdbc.queryForObject(
                "SELECT MAX(fetched_at) FROM table_download WHERE database_name = ?"
                        + " AND table_code = ? AND language = ?",
                Timestamp.class,
                database.id(),
                table,
                language);
        return Optional.ofNullable(last).map(Timestamp::toLocalDateTime);
    }

    @Override
    public void recordDownload(Download download) {
        jdbc.update(
                "INSERT INTO table_download (database_name, table_code, language, fetched_at, file_name,"
                        + " sha256, delivery_id, office_warning) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                download.database().id(),
                download.table(),
                download.language(),
                Timestamp.valueOf(download.fetchedAt()),
                ObservationRepository.abbreviated(download.fileName(), 1000),
                download.sha256(),
                download.deliveryId().orElse(null),
                download.officeWarning()
                        .map(w -> ObservationRepository.abbreviated(w, 4000))
                        .orElse(null));
    }

    /** The office's warnings kept with a delivery (status 22: the request was adjusted), oldest first. */
    public List<String> officeWarnings(long deliveryId) {
        return jdbc.queryForList(
                "SELECT office_warning FROM table_download WHERE delivery_id = ?"
                        + " AND office_warning IS NOT NULL ORDER BY fetched_at, id",
                String.class,
                deliveryId);
    }
}
