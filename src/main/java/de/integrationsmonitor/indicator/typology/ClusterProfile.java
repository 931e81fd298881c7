package de.integrationsmonitor.indicator.typology;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cluster of the typology: its number (1–3 urban, 4–6 rural with the default spec), its members, the mean of
 * each indicator in original units, the mean participation score, and a short German description.
 *
 * <p>The description names each indicator whose cluster mean lies at least 0.25 standard deviations (over all
 * included Kreise) from the overall mean, "weit" from 1 standard deviation on, e.g. "Einkommen weit
 * überdurchschnittlich, SGB-II-Quote unterdurchschnittlich". {@code note} is empty unless the cluster count of its group had to be reduced (fewer Kreise than clusters).
 */
public record ClusterProfile(
        int number,
        boolean urban,
        int size,
        List<String> members,
        Map<String, BigDecimal> means,
        double participationScore,
        String description,
        String note) {

    public ClusterProfile {
        members = List.copyOf(members);
        // LinkedHashMap keeps the spec's indicator order for display; equality ignores order anyway.
        means = Collections.unmodifiableMap(new LinkedHashMap<>(means));
    }
}
