package de.integrationsmonitor.disclosure;

import java.math.BigDecimal;

/**
 * A hidden cell an outsider can narrow too far: the interval derived from the publication, and what the rule
 * requires of it.
 */
public record AuditFinding(
        String table,
        String cell,
        CellStatus status,
        BigDecimal value,
        Interval derived,
        Interval required,
        double requiredWidth) {

    /** For a person: table, cell, its status, and what an outsider can work out. */
    public String message() {
        return "table " + table + ", cell " + cell + " ("
                + (status == CellStatus.PRIMARY ? "below its rule" : "suppressed secondarily")
                + "): an outsider derives " + derived + " from the published figures;"
                + (status == CellStatus.PRIMARY
                        ? " the protection interval is " + required + ", at least " + Interval.number(requiredWidth)
                                + " wide"
                        : " it must not be recomputable (at least 1 wide)");
    }
}
