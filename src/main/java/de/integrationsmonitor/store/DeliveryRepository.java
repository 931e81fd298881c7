package de.integrationsmonitor.store;

import de.integrationsmonitor.ingest.DeliveryStore;
import de.integrationsmonitor.ingest.ExtractFooter;
import de.integrationsmonitor.ingest.ExtractHeader;
import de.integrationsmonitor.ingest.LineAccount;
import de.integrationsmonitor.observation.Delivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code delivery} table and the notes of each delivery. */
@Repository
public class DeliveryRepository implements DeliveryStore {

    private final JdbcTemplate jdbc;

    public DeliveryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Delivery> findBySha256(String sha256) {
        return jdbc.query("SELECT * FROM delivery WHERE sha256 = ?", DeliveryRepository::map, sha256).stream()
                .findFirst();
    }

    @Override
    public Optional<Delivery> find(long id) {
        return jdbc.query("SELECT * FROM delivery WHERE id = ?", DeliveryRepository::map, id).stream()
                .findFirst();
    }

    @Override
    public List<Delivery> all() {
        return jdbc.query("SELECT * FROM delivery ORDER BY id", DeliveryRepository::map);
    }

    /** The width of {@code table_code}; a longer code refuses the file. */
    static final int MAX_TABLE_CODE = 40;

    @Override
    public long open(ExtractHeader header, String sha256, LocalDateTime ingestedAt) {
        ObservationRepository.fits(0, "table code", header.tableCode(), MAX_TABLE_CODE);
        ObservationRepository.fits(0, "file name", header.fileName(), 1000);
        return GeneratedIds.insert(
                jdbc,
                "INSERT INTO delivery (file_name, sha256, table_code, format, encoding, title,"
                        + " ingested_at, rows_read, rows_stored, rows_rejected, rows_skipped)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)",
                header.fileName(),
                sha256,
                header.tableCode(),
                header.format().label(),
                header.encoding(),
                ObservationRepository.abbreviated(header.title(), 1000),
                Timestamp.valueOf(ingestedAt));
    }

    @Override
    public void complete(long id, ExtractFooter footer, LineAccount account) {
        jdbc.update(
                "UPDATE delivery SET office_stand = ?, rows_read = ?, rows_stored = ?,"
                        + " rows_rejected = ?, rows_skipped = ? WHERE id = ?",
                footer.stand().map(Timestamp::valueOf).orElse(null),
                account.dataLines(),
                account.stored(),
                account.rejected(),
                account.skipped(),
                id);
        int position = 0;
        for (String note : footer.notes()) {
            jdbc.update(
                    "INSERT INTO delivery_note (delivery_id, position, text) VALUES (?, ?, ?)",
                    id,
                    position++,
                    ObservationRepository.abbreviated(note, 8000));
        }
    }

    @Override
    public List<String> notes(long deliveryId) {
        return jdbc.queryForList(
                "SELECT text FROM delivery_note WHERE delivery_id = ? ORDER BY position", String.class, deliveryId);
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        Timestamp stand = rs.getTimestamp("office_stand");
        return new Delivery(
                rs.getLong("id"),
                rs.getString("file_name"),
                rs.getString("sha256"),
                rs.getString("table_code"),
                rs.getString("format"),
                rs.getString("encoding"),
                rs.getString("title"),
                Optional.ofNullable(stand).map(Timestamp::toLocalDateTime),
                rs.getTimestamp("ingested_at").toLocalDateTime(),
                rs.getLong("rows_read"),
                rs.getLong("rows_stored"),
                rs.getLong("rows_rejected"),
                rs.getLong("rows_skipped"));
    }
}
