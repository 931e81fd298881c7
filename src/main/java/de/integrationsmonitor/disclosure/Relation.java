package de.integrationsmonitor.disclosure;

import java.util.List;

/**
 * A linear relation between published figures: the total is the sum of its parts (männlich + weiblich =
 * insgesamt, the Gemeinden of a Kreis, the areas of a Gemeinde, the years of a published sum). Cells are indices
 * into the table's cells.
 */
public record Relation(int total, List<Integer> parts) {

    public Relation {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a relation needs at least one part");
        }
        if (parts.contains(total)) {
            throw new IllegalArgumentException("a total cannot be one of its own parts");
        }
    }

    /** Whether the relation involves this cell. */
    public boolean involves(int cell) {
        return total == cell || parts.contains(cell);
    }
}
