package de.integrationsmonitor.store;

import de.integrationsmonitor.validate.Finding;
import de.integrationsmonitor.validate.FindingStore;
import de.integrationsmonitor.validate.Severity;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Findings of validation and the Kreis levels a delivery leaves unpublished. */
@Repository
public class FindingRepository implements FindingStore {

    private final JdbcTemplate jdbc;

    public FindingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(long deliveryId, List<Finding> findings) {
        jdbc.batchUpdate(
                "INSERT INTO finding (delivery_id, rule_id, severity, source_line, region_code,"
                        + " reference_date, message) VALUES (?, ?, ?, ?, ?, ?, ?)",
                findings.stream()
                        .map(f -> new Object[] {
                            deliveryId,
                            f.ruleId(),
                            f.severity().label(),
                            f.line() > 0 ? f.line() : null,
                            f.regionCode().isEmpty() ? null : f.regionCode(),
                            f.referenceDate().map(Date::valueOf).orElse(null),
                            ObservationRepository.abbreviated(f.message(), 4000)
                        })
                        .toList());
    }

    @Override
    public void storeUnpublished(long deliveryId, List<LocalDate> dates, String level) {
        jdbc.batchUpdate(
                "INSERT INTO unpublished_level (delivery_id, reference_date, region_level) VALUES (?, ?, ?)",
                dates.stream()
                        .map(d -> new Object[] {deliveryId, Date.valueOf(d), level})
                        .toList());
    }

    @Override
    public List<ListedFinding> list(Optional<Long> deliveryId, boolean withSkipped) {
        String where = deliveryId.map(id -> " WHERE d.id = " + id).orElse("");
        String findings = "SELECT d.id AS delivery_id, d.file_name, f.source_line, f.severity, f.rule_id,"
                + " f.region_code, f.reference_date, f.message FROM finding f JOIN delivery d ON d.id = f.delivery_id"
                + where;
        String lines = "SELECT d.id AS delivery_id, d.file_name, r.source_line, r.disposition AS severity,"
                + " 'line' AS rule_id, NULL AS region_code, NULL AS reference_date, r.reason AS message"
                + " FROM rejected_line r JOIN delivery d ON d.id = r.delivery_id"
                + (where.isEmpty() ? " WHERE" : where + " AND")
                + (withSkipped ? " 1 = 1" : " r.disposition = 'quarantined'");
        return jdbc.query(
                "SELECT * FROM (" + findings + " UNION ALL " + lines + ") listed"
                        + " ORDER BY delivery_id, source_line NULLS FIRST, rule_id",
                (rs, row) -> {
                    long line = rs.getLong("source_line");
                    boolean noLine = rs.wasNull();
                    Date date = rs.getDate("reference_date");
                    String region = rs.getString("region_code");
                    return new ListedFinding(
                            rs.getLong("delivery_id"),
                            rs.getString("file_name"),
                            noLine ? Optional.empty() : Optional.of(line),
                            rs.getString("severity"),
                            rs.getString("rule_id"),
                            region == null ? "" : region,
                            Optional.ofNullable(date).map(Date::toLocalDate),
                            rs.getString("message"));
                });
    }

    @Override
    public long count(long deliveryId, Severity severity) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM finding WHERE delivery_id = ? AND severity = ?",
                Long.class,
                deliveryId,
                severity.label());
    }
}
