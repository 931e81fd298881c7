package de.integrationsmonitor.store;

import de.integrationsmonitor.indicator.ComputationStore;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.indicator.InputPeriod;
import de.integrationsmonitor.indicator.typology.ClusterProfile;
import de.integrationsmonitor.indicator.typology.TypologyResult;
import de.integrationsmonitor.observation.Period;
import de.integrationsmonitor.observation.PeriodKind;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Computations of the catalogue, the deliveries each rests on, and their indicator values. */
@Repository
public class IndicatorRepository implements ComputationStore {

    private final JdbcTemplate jdbc;

    public IndicatorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long openComputation(
            LocalDateTime at,
            String catalogueVersion,
            String catalogueSha256,
            String registerSha256,
            Collection<Long> deliveryIds) {
        // The id is the next after the last committed computation, not the identity sequence's next value: a
        // computation rolled back (a process killed while computing) leaves no gap, so a night that was interrupted
        // numbers its computation as the uninterrupted night does, and the reports that name it are the same bytes.
        // On PostgreSQL a lock on the table, held to the end of the computation's transaction, keeps two computations
        // from taking the same number (without a transaction, as in the benchmark, there is none to hold it).
        if (jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>)
                c -> !c.getAutoCommit() && StoreDatabase.isPostgres(c))) {
            jdbc.execute("LOCK TABLE computation IN SHARE ROW EXCLUSIVE MODE");
        }
        long id = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM computation", Long.class);
        jdbc.update(
                "INSERT INTO computation (id, computed_at, catalogue_version, catalogue_sha256, register_sha256)"
                        + " VALUES (?, ?, ?, ?, ?)",
                id,
                Timestamp.valueOf(at),
                catalogueVersion,
                catalogueSha256,
                registerSha256);
        List<Object[]> rows =
                deliveryIds.stream().map(d -> new Object[] {id, d}).toList();
        jdbc.batchUpdate("INSERT INTO computation_delivery (computation_id, delivery_id) VALUES (?, ?)", rows);
        return id;
    }

    @Override
    public void store(long computationId, List<IndicatorValue> values) {
        List<Object[]> rows = new ArrayList<>(values.size());
        for (IndicatorValue v : values) {
            IndicatorValue.Comparison c = v.comparison();
            rows.add(new Object[] {
                computationId,
                v.indicatorId(),
                v.regionCode(),
                Date.valueOf(v.referenceDate()),
                v.period().text(),
                v.value().orElse(null),
                v.marker().isEmpty() ? null : v.marker(),
                v.numerator().orElse(null),
                v.denominator().orElse(null),
                v.smallBase(),
                c.landValue().orElse(null),
                c.germanyValue().orElse(null),
                c.rankInLand().orElse(null),
                c.kreiseInLand().orElse(null),
                c.change5y().orElse(null),
                c.cluster().orElse(null),
                v.period().kind().name(),
                Date.valueOf(v.gebietsstand())
            });
        }
        INDICATOR_VALUES.insert(jdbc, rows);
    }

    /** The indicator values of a computation, many rows per statement: tens of thousands per computation. */
    private static final MultiRowInsert INDICATOR_VALUES = new MultiRowInsert(
            "INSERT INTO indicator_value"
                    + " (computation_id, indicator_id, region_code, reference_date, period, figure, marker, numerator,"
                    + " denominator, small_base, land_value, germany_value, rank_in_land, kreise_in_land, change_5y, cluster,"
                    + " period_kind, gebietsstand)",
            Types.BIGINT,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.DATE,
            Types.VARCHAR,
            Types.NUMERIC,
            Types.VARCHAR,
            Types.NUMERIC,
            Types.NUMERIC,
            Types.BOOLEAN,
            Types.NUMERIC,
            Types.NUMERIC,
            Types.INTEGER,
            Types.INTEGER,
            Types.NUMERIC,
            Types.INTEGER,
            Types.VARCHAR,
            Types.DATE);

    @Override
    public void storeTypology(long computationId, TypologyResult typology) {
        for (ClusterProfile cluster : typology.profiles()) {
            jdbc.update(
                    "INSERT INTO typology_cluster (computation_id, cluster, urban, size, score, description)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    computationId,
                    cluster.number(),
                    cluster.urban(),
                    cluster.size(),
                    BigDecimal.valueOf(cluster.participationScore()).setScale(12, java.math.RoundingMode.HALF_EVEN),
                    cluster.description());
            cluster.means()
                    .forEach((indicator, mean) -> jdbc.update(
                            "INSERT INTO typology_mean (computation_id,"
                                    + " cluster, indicator_id, mean) VALUES (?, ?, ?, ?)",
                            computationId,
                            cluster.number(),
                            indicator,
                            mean.setScale(12, java.math.RoundingMode.HALF_EVEN)));
        }
    }

    @Override
    public void storeInputPeriods(long computationId, Map<String, List<InputPeriod>> periodsByIndicator) {
        List<Object[]> rows = new ArrayList<>();
        periodsByIndicator.forEach((indicator, periods) -> {
            for (int i = 0; i < periods.size(); i++) {
                InputPeriod p = periods.get(i);
                rows.add(new Object[] {
                    computationId,
                    indicator,
                    i,
                    p.input(),
                    p.table(),
                    p.kind().name(),
                    p.stichtag()
                            .map(d -> String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth()))
                            .orElse(null),
                    p.offsetYears()
                });
            }
        });
        jdbc.batchUpdate(
                "INSERT INTO indicator_input_period (computation_id, indicator_id, position, input_name,"
                        + " table_code, period_kind, stichtag, offset_years) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    @Override
    public void storePopulation(long computationId, Map<String, BigDecimal> population) {
        List<Object[]> rows = new ArrayList<>(population.size());
        new java.util.TreeMap<>(population).forEach((key, value) -> {
            int bar = key.lastIndexOf('|');
            rows.add(new Object[] {computationId, key.substring(0, bar), Integer.parseInt(key.substring(bar + 1)), value
            });
        });
        POPULATION.insert(jdbc, rows);
        jdbc.update("UPDATE computation SET population_kept = TRUE WHERE id = ?", computationId);
    }

    private static final MultiRowInsert POPULATION = new MultiRowInsert(
            "INSERT INTO computation_population" + " (computation_id, region_code, reference_year, population)",
            Types.BIGINT,
            Types.VARCHAR,
            Types.INTEGER,
            Types.NUMERIC);

    @Override
    public Optional<Map<String, BigDecimal>> population(long computationId) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT population_kept FROM computation WHERE id = ?", Boolean.class, computationId))) {
            return Optional.empty();
        }
        Map<String, BigDecimal> population = new java.util.HashMap<>();
        jdbc.query(
                "SELECT region_code, reference_year, population FROM computation_population"
                        + " WHERE computation_id = ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> population.put(
                        rs.getString("region_code") + "|" + rs.getInt("reference_year"),
                        rs.getBigDecimal("population").stripTrailingZeros()),
                computationId);
        return Optional.of(population);
    }

    @Override
    public Map<String, List<InputPeriod>> inputPeriods(long computationId) {
        Map<String, List<InputPeriod>> periods = new java.util.TreeMap<>();
        jdbc.query(
                "SELECT * FROM indicator_input_period WHERE computation_id = ? ORDER BY indicator_id, position",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> periods.computeIfAbsent(
                                rs.getString("indicator_id"), k -> new ArrayList<>())
                        .add(new InputPeriod(
                                rs.getString("input_name"),
                                rs.getString("table_code"),
                                PeriodKind.valueOf(rs.getString("period_kind")),
                                Optional.ofNullable(rs.getString("stichtag"))
                                        .map(d -> java.time.MonthDay.parse("--" + d)),
                                rs.getInt("offset_years"))),
                computationId);
        return periods;
    }

    @Override
    public List<StoredCluster> typology(long computationId) {
        Map<Integer, Map<String, BigDecimal>> means = new java.util.TreeMap<>();
        jdbc.query(
                "SELECT cluster, indicator_id, mean FROM typology_mean WHERE computation_id = ?"
                        + " ORDER BY cluster, indicator_id",
                (org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> means.computeIfAbsent(rs.getInt("cluster"), c -> new java.util.LinkedHashMap<>())
                                .put(
                                        rs.getString("indicator_id"),
                                        rs.getBigDecimal("mean").stripTrailingZeros()),
                computationId);
        return jdbc.query(
                "SELECT * FROM typology_cluster WHERE computation_id = ? ORDER BY cluster",
                (rs, row) -> new StoredCluster(
                        rs.getInt("cluster"),
                        rs.getBoolean("urban"),
                        rs.getInt("size"),
                        rs.getString("description"),
                        means.getOrDefault(rs.getInt("cluster"), Map.of())),
                computationId);
    }

    @Override
    public Optional<Computation> latestComputation() {
        return jdbc
                .query(
                        "SELECT * FROM computation ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                        IndicatorRepository::mapComputation)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Computation> computation(long computationId) {
        return jdbc
                .query("SELECT * FROM computation WHERE id = ?", IndicatorRepository::mapComputation, computationId)
                .stream()
                .findFirst();
    }

    @Override
    public List<Long> deliveriesOf(long computationId) {
        return jdbc.queryForList(
                "SELECT delivery_id FROM computation_delivery WHERE computation_id = ?" + " ORDER BY delivery_id",
                Long.class,
                computationId);
    }

    @Override
    public List<IndicatorValue> values(long computationId) {
        return jdbc.query(
                "SELECT * FROM indicator_value WHERE computation_id = ?"
                        + " ORDER BY indicator_id, reference_date, region_code",
                IndicatorRepository::mapValue,
                computationId);
    }

    private static Computation mapComputation(ResultSet rs, int row) throws SQLException {
        return new Computation(
                rs.getLong("id"),
                rs.getTimestamp("computed_at").toLocalDateTime(),
                rs.getString("catalogue_version"),
                rs.getString("catalogue_sha256"),
                rs.getString("register_sha256"));
    }

    /**
     * A stored value; one of a computation before periods had kinds reads as a calendar year (or a Stichtag where
     * its period is a date) at the Gebietsstand of its reference date.
     */
    private static IndicatorValue mapValue(ResultSet rs, int row) throws SQLException {
        String marker = rs.getString("marker");
        LocalDate reference = rs.getDate("reference_date").toLocalDate();
        String text = rs.getString("period");
        String kind = rs.getString("period_kind");
        Period period = kind != null
                ? new Period(PeriodKind.valueOf(kind), reference, text)
                : new Period(text.contains(".") ? PeriodKind.STICHTAG : PeriodKind.JAHR, reference, text);
        Date gebietsstand = rs.getDate("gebietsstand");
        return new IndicatorValue(
                rs.getString("indicator_id"),
                rs.getString("region_code"),
                period,
                gebietsstand == null ? reference : gebietsstand.toLocalDate(),
                decimal(rs, "figure"),
                marker == null ? "" : marker,
                decimal(rs, "numerator"),
                decimal(rs, "denominator"),
                rs.getBoolean("small_base"),
                new IndicatorValue.Comparison(
                        decimal(rs, "land_value"),
                        decimal(rs, "germany_value"),
                        integer(rs, "rank_in_land"),
                        integer(rs, "kreise_in_land"),
                        decimal(rs, "change_5y"),
                        integer(rs, "cluster")));
    }

    private static Optional<Integer> integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<BigDecimal> decimal(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getBigDecimal(column)).map(BigDecimal::stripTrailingZeros);
    }
}
