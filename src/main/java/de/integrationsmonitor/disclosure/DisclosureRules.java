package de.integrationsmonitor.disclosure;

import de.integrationsmonitor.datenquellen.SourceDescription;
import de.integrationsmonitor.kernel.Sha256;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The protection rules of the sources, as declared in {@code jobs/catalogue/geheimhaltung.yml} (and, for a source
 * description that carries its own {@code geheimhaltung:} block, read with {@link DisclosureRulesLoader#block}).
 * Versioned and hashed: a report version and an export name the SHA-256 of the rules they were protected by.
 *
 * @param version      the file's {@code version:}
 * @param sha256       SHA-256 of the file's bytes; of the empty text when there is no file
 * @param ownData      the rule of an own source that declares none ({@code eigene_daten:})
 * @param tables       per table code: its rule, or empty where the table is declared {@code amtlich} (protected by
 *                     the office, nothing suppressed again)
 */
public record DisclosureRules(
        String version, String sha256, ProtectionRule ownData, Map<String, Optional<ProtectionRule>> tables) {

    /** Where the rules of the catalogue's tables live, beside the catalogue. */
    public static Path file(Path jobs) {
        return jobs.resolve("catalogue").resolve("geheimhaltung.yml");
    }

    /** No file: every table is the office's, own data get the documented default. */
    public static final DisclosureRules NONE =
            new DisclosureRules("", Sha256.of(""), ProtectionRule.OWN_DATA_DEFAULT, Map.of());

    public DisclosureRules {
        tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    /**
     * The rule of a table: the one {@code tabellen:} declares for it; else, for an own table (a source description's
     * code, {@code eigen:...}), the rule of own data; else empty: the office protected it (an undeclared GENESIS
     * table, or {@code amtlich}).
     */
    public Optional<ProtectionRule> ruleFor(String table) {
        Optional<ProtectionRule> declared = tables.get(table);
        if (declared != null) {
            return declared;
        }
        return table.startsWith(SourceDescription.PREFIX) ? Optional.of(ownData) : Optional.empty();
    }

    /**
     * Whether an output may need disclosure control at all: some table carries a rule of its own, or own tables
     * (which always do) may be among its inputs.
     */
    public boolean anyRule() {
        return ownData != null || tables.values().stream().anyMatch(Optional::isPresent);
    }

    /** For the audit log and a report's recorded inputs: version and hash. */
    public String describe() {
        return "geheimhaltung.yml version " + (version.isEmpty() ? "(none)" : version) + " sha256 " + sha256;
    }
}
