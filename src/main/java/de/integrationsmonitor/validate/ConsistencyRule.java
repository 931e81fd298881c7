package de.integrationsmonitor.validate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** One declared consistency rule (see {@code jobs/catalogue/pruefregeln.yml}). */
public sealed interface ConsistencyRule {

    String id();

    String description();

    Severity severity();

    /** Table codes the rule applies to; {@code *} means every table. */
    Set<String> tables();

    /** Units of the cells the rule looks at; empty means any unit. */
    Set<String> units();

    /** Tables left out although {@link #tables()} says {@code *}. */
    Set<String> exceptTables();

    default boolean appliesTo(String tableCode) {
        return (tables().contains("*") || tables().contains(tableCode))
                && !exceptTables().contains(tableCode);
    }

    default boolean appliesTo(String tableCode, String unit) {
        return appliesTo(tableCode) && (units().isEmpty() || units().contains(unit));
    }

    /** Within a region and date, the parts at one position of the variable path add up to the total there. */
    record PartsSumToTotal(
            String id,
            String description,
            Severity severity,
            Set<String> tables,
            Set<String> exceptTables,
            Set<String> units,
            String total,
            List<String> parts,
            Tolerance tolerance)
            implements ConsistencyRule {}

    /** The Kreise of a Land add up to the Land, per variable and date. */
    record KreiseSumToLand(
            String id,
            String description,
            Severity severity,
            Set<String> tables,
            Set<String> exceptTables,
            Set<String> units,
            Tolerance tolerance)
            implements ConsistencyRule {}

    /**
     * The Gemeinden of a Kreis add up to the Kreis, per variable and date (tables of regional depth -5). The
     * Gemeindeverbände are not added: their Gemeinden are listed below them.
     */
    record GemeindenSumToKreis(
            String id,
            String description,
            Severity severity,
            Set<String> tables,
            Set<String> exceptTables,
            Set<String> units,
            Tolerance tolerance)
            implements ConsistencyRule {}

    /** No value below zero. */
    record NotNegative(
            String id,
            String description,
            Severity severity,
            Set<String> tables,
            Set<String> exceptTables,
            Set<String> units)
            implements ConsistencyRule {}

    /**
     * How far a sum may miss its total: an absolute amount, or a share of the total (for tables whose cells are
     * rounded one by one, such as annual averages).
     */
    record Tolerance(BigDecimal absolute, BigDecimal relative) {
        public boolean accepts(BigDecimal total, BigDecimal sum) {
            BigDecimal difference = total.subtract(sum).abs();
            return difference.compareTo(absolute) <= 0
                    || difference.compareTo(total.abs().multiply(relative)) <= 0;
        }
    }
}
