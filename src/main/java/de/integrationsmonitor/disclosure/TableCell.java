package de.integrationsmonitor.disclosure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One cell of a table to protect.
 *
 * @param key           what names the cell in the output and in messages ("Gemeinde 03151001, Duldung")
 * @param value         the true value; empty for a cell the office already published as secret ({@code .})
 * @param rule          the protection rule of the cell's source; empty for a figure the office published (it is
 *                      never primarily suppressed again, but may be chosen for secondary suppression)
 * @param contributions the contributions for a dominance rule (magnitudes); empty for counts
 */
public record TableCell(
        String key, Optional<BigDecimal> value, Optional<ProtectionRule> rule, List<BigDecimal> contributions) {

    public TableCell {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
        contributions = List.copyOf(contributions);
        if (value.isPresent() && value.get().signum() < 0) {
            throw new IllegalArgumentException("cell " + key + " is negative (" + value.get()
                    + "); the tables protected" + " are counts and magnitudes");
        }
    }

    /** A count of the product's own data, under the rule of its source. */
    public static TableCell own(String key, long count, ProtectionRule rule) {
        return new TableCell(key, Optional.of(BigDecimal.valueOf(count)), Optional.of(rule), List.of());
    }

    /** A figure the office published (already protected by the office). */
    public static TableCell office(String key, long count) {
        return new TableCell(key, Optional.of(BigDecimal.valueOf(count)), Optional.empty(), List.of());
    }

    /** A cell the office published as secret: unknown to us and to any outsider. */
    public static TableCell officeSecret(String key) {
        return new TableCell(key, Optional.empty(), Optional.empty(), List.of());
    }

    public boolean sensitive() {
        return value.isPresent() && rule.isPresent() && rule.get().sensitive(value.get(), contributions);
    }
}
