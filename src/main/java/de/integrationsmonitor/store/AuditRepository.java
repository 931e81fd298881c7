package de.integrationsmonitor.store;

import de.integrationsmonitor.audit.ArchiveStore;
import de.integrationsmonitor.audit.AuditEntry;
import de.integrationsmonitor.audit.AuditLogStore;
import de.integrationsmonitor.audit.ReportVersion;
import de.integrationsmonitor.audit.ReportVersionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Report versions with their inputs, the archive of input files by content (blobs in the database, so that a
 * restored database carries everything a re-render needs) and the chained audit log. Times are kept in UTC.
 */
@Repository
public class AuditRepository implements ReportVersionStore, ArchiveStore, AuditLogStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    /** The caller's transaction (a new one when there is none). */
    private final TransactionTemplate joined;

    public AuditRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactions);
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    // --- report versions ---

    @Override
    public Optional<ReportVersion> find(String versionId) {
        List<ReportVersion> found = versions("WHERE version_id = ?", versionId);
        return found.stream().findFirst();
    }

    @Override
    public List<ReportVersion> all() {
        return versions("");
    }

    private List<ReportVersion> versions(String where, Object... args) {
        Map<String, List<ReportVersion.Input>> inputs = new LinkedHashMap<>();
        jdbc.query(
                "SELECT version_id, role, name, sha256 FROM report_version_input" + (where.isEmpty() ? "" : " " + where)
                        + " ORDER BY version_id, role, name",
                rs -> {
                    inputs.computeIfAbsent(rs.getString("version_id"), k -> new ArrayList<>())
                            .add(new ReportVersion.Input(
                                    rs.getString("role"), rs.getString("name"), rs.getString("sha256")));
                },
                args);
        return jdbc.query(
                "SELECT version_id, edition_id, edition_title, unit, territory, file_name, computation_id,"
                        + " inputs_sha256, app_version, rendered_at, pdf_sha256 FROM report_version"
                        + (where.isEmpty() ? "" : " " + where) + " ORDER BY rendered_at, edition_id, unit, version_id",
                (rs, n) -> new ReportVersion(
                        rs.getString("version_id"),
                        rs.getString("edition_id"),
                        rs.getString("edition_title"),
                        rs.getString("unit"),
                        rs.getString("territory"),
                        rs.getString("file_name"),
                        rs.getLong("computation_id"),
                        rs.getString("inputs_sha256"),
                        rs.getString("app_version"),
                        instant(rs, "rendered_at"),
                        rs.getString("pdf_sha256"),
                        inputs.getOrDefault(rs.getString("version_id"), List.of())),
                args);
    }

    @Override
    public boolean insertIfAbsent(ReportVersion v) {
        try {
            return Boolean.TRUE.equals(own.execute(status -> {
                jdbc.update(
                        "INSERT INTO report_version (version_id, edition_id, edition_title, unit, territory,"
                                + " file_name, computation_id, inputs_sha256, app_version, rendered_at, pdf_sha256)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        v.versionId(),
                        v.edition(),
                        v.editionTitle(),
                        v.unit(),
                        v.territory(),
                        v.fileName(),
                        v.computationId(),
                        v.inputsSha256(),
                        v.appVersion(),
                        utc(v.renderedAt()),
                        v.pdfSha256());
                jdbc.batchUpdate(
                        "INSERT INTO report_version_input (version_id, role, name, sha256)" + " VALUES (?, ?, ?, ?)",
                        v.inputs().stream()
                                .map(i -> new Object[] {v.versionId(), i.role(), i.name(), i.sha256()})
                                .toList());
                return true;
            }));
        } catch (DuplicateKeyException e) {
            return false; // recorded by another run in the meantime: the first record stands
        }
    }

    @Override
    public void addFiles(String versionId, Map<String, String> sha256ByFile) {
        Map<String, String> known = files(versionId);
        sha256ByFile.forEach((file, sha) -> {
            if (known.containsKey(file)) {
                return; // recorded when the version was first published: the first record stands
            }
            try {
                own.executeWithoutResult(status -> jdbc.update(
                        "INSERT INTO report_version_file (version_id," + " file_name, sha256) VALUES (?, ?, ?)",
                        versionId,
                        file,
                        sha));
            } catch (DuplicateKeyException e) {
                // recorded by another run in the meantime
            }
        });
    }

    @Override
    public Map<String, String> files(String versionId) {
        Map<String, String> files = new java.util.TreeMap<>();
        jdbc.query(
                "SELECT file_name, sha256 FROM report_version_file WHERE version_id = ?",
                rs -> {
                    files.put(rs.getString("file_name"), rs.getString("sha256"));
                },
                versionId);
        return files;
    }

    // --- archive ---

    @Override
    public void putIfAbsent(String sha256, byte[] content) {
        Integer known =
                jdbc.queryForObject("SELECT COUNT(*) FROM archive_blob WHERE sha256 = ?", Integer.class, sha256);
        if (known != null && known > 0) {
            return;
        }
        try {
            own.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO archive_blob (sha256, byte_count, content)" + " VALUES (?, ?, ?)",
                    sha256,
                    (long) content.length,
                    content));
        } catch (DuplicateKeyException e) {
            // the same bytes archived by another run: they are the same bytes
        }
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        return jdbc
                .query("SELECT content FROM archive_blob WHERE sha256 = ?", (rs, n) -> rs.getBytes("content"), sha256)
                .stream()
                .findFirst();
    }

    // --- audit log ---

    @Override
    public AuditEntry append(BiFunction<Long, String, AuditEntry> make) {
        return own.execute(status -> appendHere(make));
    }

    @Override
    public AuditEntry appendInTransaction(BiFunction<Long, String, AuditEntry> make) {
        return joined.execute(status -> appendHere(make));
    }

    private AuditEntry appendHere(BiFunction<Long, String, AuditEntry> make) {
        {
            // the head row is locked until this transaction ends: appends of other threads and processes wait
            Head head = jdbc.queryForObject(
                    "SELECT seq, sha256 FROM audit_log_head WHERE id = 1 FOR UPDATE",
                    (rs, n) -> new Head(rs.getLong("seq"), rs.getString("sha256")));
            AuditEntry entry = make.apply(head.seq() + 1, head.sha256());
            jdbc.update(
                    "INSERT INTO audit_log (seq, at, os_user, host, action, subject, details, prev_sha256,"
                            + " sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    entry.seq(),
                    utc(entry.at()),
                    entry.osUser(),
                    entry.host(),
                    entry.action(),
                    entry.subject(),
                    entry.details(),
                    entry.prevSha256(),
                    entry.sha256());
            jdbc.update("UPDATE audit_log_head SET seq = ?, sha256 = ? WHERE id = 1", entry.seq(), entry.sha256());
            return entry;
        }
    }

    @Override
    public List<AuditEntry> entries() {
        return jdbc.query(
                "SELECT seq, at, os_user, host, action, subject, details, prev_sha256, sha256"
                        + " FROM audit_log ORDER BY seq",
                (rs, n) -> new AuditEntry(
                        rs.getLong("seq"),
                        instant(rs, "at"),
                        rs.getString("os_user"),
                        rs.getString("host"),
                        rs.getString("action"),
                        rs.getString("subject"),
                        rs.getString("details"),
                        rs.getString("prev_sha256"),
                        rs.getString("sha256")));
    }

    @Override
    public Head head() {
        return jdbc.queryForObject(
                "SELECT seq, sha256 FROM audit_log_head WHERE id = 1",
                (rs, n) -> new Head(rs.getLong("seq"), rs.getString("sha256")));
    }
}
