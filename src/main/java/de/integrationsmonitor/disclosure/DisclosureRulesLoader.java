package de.integrationsmonitor.disclosure;

import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.yaml.SafeYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads protection rules: the rules file of the catalogue's tables, and the {@code geheimhaltung:} block a source
 * description carries. The block is either the word {@code amtlich} (the office protected the figures) or
 * <pre>
 * geheimhaltung:
 *   mindestfallzahl: 3            # a count of 1 or 2 is suppressed (0 and 1: no minimum)
 *   dominanz: {n: 1, k: 85}       # optional, magnitudes: the largest contribution may make at most 85 %
 *   schutzintervall_prozent: 50   # optional (default 50): an outsider must not narrow a cell below ±50 %
 * </pre>
 */
public final class DisclosureRulesLoader {

    private static final Set<String> FIELDS = Set.of("mindestfallzahl", "dominanz", "schutzintervall_prozent");
    public static final String OFFICE = "amtlich";

    private DisclosureRulesLoader() {}

    /** The rules file; {@link DisclosureRules#NONE} when there is none. */
    public static DisclosureRules load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return DisclosureRules.NONE;
        } catch (IOException e) {
            throw new DisclosureRulesException("cannot read " + file + ": " + e.getMessage());
        }
        Object root;
        try {
            root = SafeYaml.load(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new DisclosureRulesException(file + ": not readable as YAML: " + SafeYaml.problem(e));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new DisclosureRulesException(file + ": expected the fields version, eigene_daten and tabellen");
        }
        for (Object key : map.keySet()) {
            if (!List.of("version", "eigene_daten", "tabellen").contains(String.valueOf(key))) {
                throw new DisclosureRulesException(file + ": unknown field '" + SafeYaml.excerpt(key)
                        + "'; allowed: version, eigene_daten, tabellen");
            }
        }
        String version = String.valueOf(map.containsKey("version") ? map.get("version") : "");
        ProtectionRule ownData = map.containsKey("eigene_daten")
                ? block(map.get("eigene_daten"), file + ", eigene_daten")
                        .orElseThrow(() -> new DisclosureRulesException(
                                file + ", eigene_daten: own data are never '" + OFFICE + "'; give a mindestfallzahl"))
                : ProtectionRule.OWN_DATA_DEFAULT;
        Map<String, Optional<ProtectionRule>> tables = new LinkedHashMap<>();
        Object listed = map.get("tabellen");
        if (listed != null) {
            if (!(listed instanceof Map<?, ?> byTable)) {
                throw new DisclosureRulesException(file + ", tabellen: expected one entry per table code, e.g."
                        + " \"12521-0040\": {mindestfallzahl: 3}");
            }
            byTable.forEach(
                    (table, rule) -> tables.put(String.valueOf(table), block(rule, file + ", tabellen, " + table)));
        }
        return new DisclosureRules(version, Sha256.of(bytes), ownData, tables);
    }

    /**
     * A {@code geheimhaltung:} block as parsed YAML (a map, or the word {@code amtlich}), for the rules file and
     * for source descriptions alike.
     *
     * @param where names the file and entry in messages
     * @return the rule; empty for {@code amtlich}
     */
    public static Optional<ProtectionRule> block(Object node, String where) {
        if (OFFICE.equals(node)) {
            return Optional.empty();
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw new DisclosureRulesException(where + ": expected '" + OFFICE + "' or {mindestfallzahl: N,"
                    + " dominanz: {n: N, k: PERCENT}, schutzintervall_prozent: PERCENT}, found '"
                    + SafeYaml.excerpt(node) + "'");
        }
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                throw new DisclosureRulesException(where + ": unknown field '" + SafeYaml.excerpt(key) + "'; allowed: "
                        + String.join(", ", new java.util.TreeSet<>(FIELDS)));
            }
        }
        if (!map.containsKey("mindestfallzahl")) {
            throw new DisclosureRulesException(where + ": mindestfallzahl is missing (the documented default for own"
                    + " data is 3: cells with 1 or 2 cases are suppressed)");
        }
        int minimum = whole(map.get("mindestfallzahl"), where + ", mindestfallzahl", 0, 1_000_000);
        int interval = map.containsKey("schutzintervall_prozent")
                ? whole(map.get("schutzintervall_prozent"), where + ", schutzintervall_prozent", 0, 100)
                : 50;
        Optional<ProtectionRule.Dominance> dominance = Optional.empty();
        if (map.containsKey("dominanz")) {
            if (!(map.get("dominanz") instanceof Map<?, ?> d) || !d.keySet().equals(Set.of("n", "k"))) {
                throw new DisclosureRulesException(
                        where + ", dominanz: expected {n: N, k: PERCENT}, e.g. {n: 1, k: 85}");
            }
            dominance = Optional.of(new ProtectionRule.Dominance(
                    whole(d.get("n"), where + ", dominanz, n", 1, 100),
                    whole(d.get("k"), where + ", dominanz, k", 1, 100)));
        }
        return Optional.of(new ProtectionRule(minimum, dominance, interval));
    }

    private static int whole(Object value, String where, int min, int max) {
        if (!(value instanceof Integer i) || i < min || i > max) {
            throw new DisclosureRulesException(where + ": expected a whole number from " + min + " to " + max
                    + ", found '" + SafeYaml.excerpt(value) + "'");
        }
        return i;
    }
}
