package de.integrationsmonitor.disclosure;

import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.StoredObservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stored observations of a table with a protection rule, protected as one output publishes them: one table per
 * delivery and period, whose relations are what a reader of the rows knows: the Kreise of a Land add up to the Land
 * and the Länder to Germany (per variable), and in a variable path the label {@code Insgesamt} is the sum of the
 * other labels at the same position (männlich + weiblich, Deutsche + Ausländer). A relation whose figures do not
 * add up exactly (figures rounded one by one) gives an outsider no equation and is left out.
 */
public final class ObservationTables {

    private static final String SEPARATOR = " | ";

    /** The patterns of a table's observations, and each observation's status. */
    public record Protected(List<SuppressionPattern> patterns, Map<String, CellStatus> statuses) {

        public CellStatus status(StoredObservation o) {
            return statuses.getOrDefault(key(o), CellStatus.PUBLISHED);
        }

        /** Region code and reference year of every suppressed cell, "AGS/YYYY". */
        public Set<String> suppressedRegionYears() {
            Set<String> set = new java.util.HashSet<>();
            statuses.forEach((k, s) -> {
                if (s.suppressed()) {
                    String[] parts = k.split("\u001f");
                    set.add(parts[1] + "/" + parts[4]);
                }
            });
            return set;
        }

        public long count(CellStatus status) {
            return patterns.stream().mapToLong(p -> p.count(status)).sum();
        }

        /** What a report version records: the rules' hash and one line per suppressed cell. */
        public String canonical() {
            StringBuilder text = new StringBuilder();
            patterns.forEach(p -> text.append(p.canonical()));
            return text.toString();
        }
    }

    private ObservationTables() {}

    /**
     * Protects the observations (all of one table, unfiltered: a filtered export must not hide a cell that another
     * export of the same table shows) and audits every pattern.
     *
     * @throws DisclosureException when a pattern does not pass the audit
     */
    public static Protected protect(String table, ProtectionRule rule, List<StoredObservation> observations) {
        Map<String, List<StoredObservation>> groups = new TreeMap<>();
        for (StoredObservation o : observations) {
            groups.computeIfAbsent(o.deliveryId() + SEPARATOR + o.period().text(), g -> new ArrayList<>())
                    .add(o);
        }
        List<SuppressionPattern> patterns = new ArrayList<>();
        Map<String, CellStatus> statuses = new HashMap<>();
        for (Map.Entry<String, List<StoredObservation>> group : groups.entrySet()) {
            ProtectedTable.Builder t = ProtectedTable.builder(
                    table + ", Lieferung " + group.getKey().replace(SEPARATOR, ", Zeitraum "));
            Map<String, StoredObservation> byCell = new LinkedHashMap<>();
            for (StoredObservation o : group.getValue()) {
                String cell = cellKey(o);
                if (byCell.putIfAbsent(cell, o) == null) {
                    t.cell(cell(cell, o, rule));
                }
            }
            relations(t, byCell.values());
            SuppressionPattern pattern = Suppression.protect(t.build());
            DisclosureAudit.requireProtected(pattern);
            patterns.add(pattern);
            byCell.forEach((cell, o) -> statuses.put(key(o), pattern.status(cell)));
        }
        return new Protected(patterns, statuses);
    }

    private static TableCell cell(String key, StoredObservation o, ProtectionRule rule) {
        if (o.cell().hasNumber()) {
            return new TableCell(key, o.cell().number(), java.util.Optional.of(rule), List.of());
        }
        if (o.cell().marker().equals(Marker.NOTHING.symbol())) {
            return new TableCell(
                    key, java.util.Optional.of(java.math.BigDecimal.ZERO), java.util.Optional.of(rule), List.of());
        }
        return TableCell.officeSecret(key);
    }

    private static void relations(ProtectedTable.Builder t, java.util.Collection<StoredObservation> cells) {
        Map<String, Map<String, StoredObservation>> byVariable = new TreeMap<>();
        Map<String, Map<String, StoredObservation>> byRegion = new TreeMap<>();
        for (StoredObservation o : cells) {
            byVariable
                    .computeIfAbsent(o.variablePath() + SEPARATOR + o.unit(), v -> new TreeMap<>())
                    .put(o.regionCode(), o);
            byRegion.computeIfAbsent(o.regionCode() + SEPARATOR + o.unit(), r -> new TreeMap<>())
                    .put(o.variablePath(), o);
        }
        // Kreise add up to their Land, Länder to Germany
        for (Map<String, StoredObservation> regions : byVariable.values()) {
            for (StoredObservation land : regions.values()) {
                String code = land.regionCode();
                List<String> parts = regions.values().stream()
                        .map(StoredObservation::regionCode)
                        .filter(r -> code.equals("DG")
                                ? r.length() == 2
                                : code.length() == 2 && r.length() == 5 && r.startsWith(code))
                        .map(r -> cellKey(regions.get(r)))
                        .toList();
                if (!parts.isEmpty()) {
                    t.relationIfItAddsUp(cellKey(land), parts);
                }
            }
        }
        // Insgesamt is the sum of the other labels at its position of the variable path
        for (Map<String, StoredObservation> variables : byRegion.values()) {
            Map<String, List<StoredObservation>> siblings = new TreeMap<>();
            for (StoredObservation o : variables.values()) {
                String[] labels = o.variablePath().split(java.util.regex.Pattern.quote(SEPARATOR), -1);
                for (int p = 0; p < labels.length; p++) {
                    String[] rest = labels.clone();
                    rest[p] = "\u0000";
                    siblings.computeIfAbsent(p + ":" + String.join(SEPARATOR, rest), s -> new ArrayList<>())
                            .add(o);
                }
            }
            siblings.forEach((position, group) -> {
                int p = Integer.parseInt(position.substring(0, position.indexOf(':')));
                List<StoredObservation> totals = group.stream()
                        .filter(o -> label(o, p).equalsIgnoreCase("Insgesamt"))
                        .toList();
                List<String> parts = group.stream()
                        .filter(o -> !label(o, p).equalsIgnoreCase("Insgesamt"))
                        .map(ObservationTables::cellKey)
                        .toList();
                if (totals.size() == 1 && parts.size() >= 2) {
                    t.relationIfItAddsUp(cellKey(totals.get(0)), parts);
                }
            });
        }
    }

    private static String label(StoredObservation o, int position) {
        return o.variablePath().split(java.util.regex.Pattern.quote(SEPARATOR), -1)[position];
    }

    private static String cellKey(StoredObservation o) {
        return o.regionCode() + ", " + o.variablePath() + (o.unit().isEmpty() ? "" : " (" + o.unit() + ")");
    }

    /** An observation's identity across patterns: delivery, region, period, variable, reference year. */
    static String key(StoredObservation o) {
        return o.deliveryId() + "\u001f" + o.regionCode() + "\u001f"
                + o.period().text() + "\u001f" + o.variablePath() + "\u001f"
                + o.referenceDate().getYear() + "\u001f" + o.unit();
    }
}
