package de.integrationsmonitor.indicator.typology;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The typology: the cluster number of every included Kreis (by AGS), the profile of every cluster, the Kreise left
 * out with the reason, and the German method paragraph for the report's methods annex.
 */
public record TypologyResult(
        Map<String, Integer> clusterOf, List<ClusterProfile> profiles, Map<String, String> excluded, String method) {

    public TypologyResult {
        // Sorted by AGS so that printing or hashing the result is as reproducible as computing it.
        clusterOf = Collections.unmodifiableMap(new TreeMap<>(clusterOf));
        profiles = List.copyOf(profiles);
        excluded = Collections.unmodifiableMap(new TreeMap<>(excluded));
    }

    /** The profile of the given cluster number. */
    public ClusterProfile profile(int number) {
        return profiles.stream()
                .filter(p -> p.number() == number)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cluster " + number + " in this typology"));
    }
}
