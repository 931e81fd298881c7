package de.integrationsmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.observation.Cell;
import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.observation.StoredObservation;
import de.integrationsmonitor.testing.FixtureStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The set-based read of the observations a computation rests on ({@link ObservationRepository#current}) gives
 * exactly what the windowed query it replaced gave: the same cells, the newest delivery's where a revision
 * supersedes one (by the office's Stand, then by ingestion), "..." where a delivery left the Kreis level
 * unpublished, with the same figures, markers, lines and order. The reference is that query, kept here verbatim.
 */
class CurrentObservationsTest {

    @TempDir
    static Path home;

    static JdbcTemplate jdbc;
    static ObservationRepository observations;
    static List<Long> deliveries;

    @BeforeAll
    static void ingestEveryFixtureAndARevision() throws IOException {
        FixtureStore store = FixtureStore.withEveryFixtureAndRevisions("current-observations", home);
        jdbc = store.jdbc();
        observations = store.observations();
        deliveries = store.deliveryIds();
    }

    @Test
    void everyTableReadsAsTheWindowedQueryReadIt() {
        List<String> tables =
                jdbc.queryForList("SELECT DISTINCT table_code FROM variable ORDER BY table_code", String.class);
        assertThat(tables).hasSizeGreaterThan(5);
        for (String table : tables) {
            assertThat(observations.current(table, List.of(), deliveries))
                    .as(table)
                    .isNotEmpty()
                    .containsExactlyElementsOf(reference(table, List.of(), deliveries));
        }
    }

    @Test
    void onePassOverSeveralTablesStreamsEachCurrentCellOnce() {
        List<String> tables =
                jdbc.queryForList("SELECT DISTINCT table_code FROM variable ORDER BY table_code", String.class);
        String named = "12411-03-03-4";
        List<String> paths = jdbc.queryForList(
                "SELECT path FROM variable WHERE table_code = ? ORDER BY path" + " FETCH FIRST 2 ROWS ONLY",
                String.class,
                named);
        java.util.Map<String, List<String>> wanted = new java.util.LinkedHashMap<>();
        tables.forEach(t -> wanted.put(t, t.equals(named) ? paths : List.of()));
        List<StoredObservation> streamed = new ArrayList<>();

        observations.eachCurrent(wanted, deliveries, streamed::add);

        List<StoredObservation> expected = new ArrayList<>();
        tables.forEach(t -> expected.addAll(reference(t, wanted.get(t), deliveries)));
        assertThat(streamed).hasSizeGreaterThan(100).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void namedPathsAndPartOfTheDeliveriesReadAsBefore() {
        List<String> paths = jdbc.queryForList(
                "SELECT path FROM variable WHERE table_code = '12411-03-03-4'"
                        + " ORDER BY path FETCH FIRST 3 ROWS ONLY",
                String.class);
        List<Long> allButTheLast = deliveries.subList(0, deliveries.size() - 1);
        assertThat(observations.current("12411-03-03-4", paths, allButTheLast))
                .isNotEmpty()
                .containsExactlyElementsOf(reference("12411-03-03-4", paths, allButTheLast));
        assertThat(observations.current("12411-03-03-4", paths, List.of())).isEmpty();
        assertThat(observations.current("no-such-table", List.of(), deliveries)).isEmpty();
    }

    @Test
    void theRevisionWithTheLatestStandWinsAndAnUnpublishedKreisLevelReadsAsLater() {
        assertThat(observations.current("12411-03-03-4", List.of(), deliveries))
                .extracting(
                        o -> o.cell().number().map(BigDecimal::toPlainString).orElse(""))
                .contains("3400")
                .doesNotContain("3398", "3000");
        assertThat(observations.current("13111-01-03-4", List.of(), deliveries))
                .anySatisfy(o -> assertThat(o.cell().marker()).isEqualTo(Marker.LATER.symbol()));
    }

    @Test
    void wholeFiguresLoseTheirTrailingZerosAsStripTrailingZerosDoes() {
        for (String figure : List.of(
                "1200.000000000000000000000000000000",
                "0.000000000000000000000000000000",
                "-3.500000000000000000000000000000",
                "123456789012345678901234567890.000000000000000000000000000000",
                "0.000000000000000000000000000001",
                "7")) {
            BigDecimal value = new BigDecimal(figure);
            assertThat(ObservationRepository.stripped(value)).as(figure).isEqualTo(value.stripTrailingZeros());
        }
    }

    /** The query of ObservationRepository.current before it was made set-based. */
    static List<StoredObservation> reference(
            String tableCode, Collection<String> variablePaths, Collection<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT o.delivery_id, v.table_code, o.region_code,"
                + " o.reference_date, o.period, v.period_kind, v.path, v.unit, o.source_line,"
                + " CASE WHEN u.delivery_id IS NULL THEN o.figure END AS figure,"
                + " CASE WHEN u.delivery_id IS NULL THEN o.marker ELSE '" + Marker.LATER.symbol() + "' END AS marker,"
                + " ROW_NUMBER() OVER (PARTITION BY o.region_code, o.reference_date, o.variable_id"
                + " ORDER BY d.office_stand DESC NULLS LAST, d.id DESC) AS precedence"
                + " FROM observation o JOIN variable v ON v.id = o.variable_id JOIN delivery d ON d.id = o.delivery_id"
                + " LEFT JOIN unpublished_level u ON u.delivery_id = o.delivery_id"
                + " AND u.reference_date = o.reference_date AND u.region_level = 'KREIS' AND LENGTH(o.region_code) = 5"
                + " WHERE v.table_code = ?");
        args.add(tableCode);
        if (!variablePaths.isEmpty()) {
            sql.append(" AND v.path IN (")
                    .append(String.join(",", Collections.nCopies(variablePaths.size(), "?")))
                    .append(')');
            args.addAll(variablePaths);
        }
        sql.append(" AND d.id IN (")
                .append(String.join(",", Collections.nCopies(deliveryIds.size(), "?")))
                .append(')');
        args.addAll(deliveryIds);
        sql.append(") newest WHERE precedence = 1 ORDER BY region_code, reference_date, path");
        return jdbc.query(
                sql.toString(),
                (rs, row) -> {
                    BigDecimal value = rs.getBigDecimal("figure");
                    String marker = rs.getString("marker");
                    return new StoredObservation(
                            rs.getLong("delivery_id"),
                            rs.getString("table_code"),
                            rs.getString("region_code"),
                            new Period(
                                    PeriodKind.valueOf(rs.getString("period_kind")),
                                    rs.getDate("reference_date").toLocalDate(),
                                    rs.getString("period")),
                            rs.getString("path"),
                            rs.getString("unit"),
                            new Cell(
                                    Optional.ofNullable(value).map(BigDecimal::stripTrailingZeros),
                                    marker == null ? "" : marker),
                            rs.getLong("source_line"));
                },
                args.toArray());
    }
}
