package de.integrationsmonitor.indicator.typology;

import de.integrationsmonitor.indicator.Direction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the typology is built from and how: the indicators with their direction and label, the number of clusters
 * per group, and the fixed random seed, trials (k-means++ starts) and iterations that make the clustering
 * reproducible. The catalogue's {@code typology:} fields set them ({@link
 * de.integrationsmonitor.indicator.IndicatorCatalogue#typologySpec()}).
 *
 * <p>{@link Direction#NEUTRAL} indicators shape the clusters but do not enter the participation score that orders
 * them. {@code labels} name the indicators in descriptions and the method text (the id where none is given).
 * {@code urbanGroup} and {@code ruralGroup} name the two groups in the method text ("kreisfreie Städte",
 * "Landkreise" by default), because the caller decides which Kreis is urban.
 */
public record TypologySpec(
        List<String> indicatorIds,
        Map<String, Direction> directions,
        Map<String, String> labels,
        int urbanClusters,
        int ruralClusters,
        long seed,
        int trials,
        int maxIterations,
        String urbanGroup,
        String ruralGroup) {

    public TypologySpec {
        indicatorIds = List.copyOf(indicatorIds);
        if (indicatorIds.isEmpty()) {
            throw new IllegalArgumentException("a typology needs at least one indicator");
        }
        if (indicatorIds.stream().distinct().count() != indicatorIds.size()) {
            throw new IllegalArgumentException("indicator listed twice: " + indicatorIds);
        }
        // Keep the indicators' order so profiles and descriptions list them as the caller did.
        Map<String, Direction> orderedDirections = new LinkedHashMap<>();
        Map<String, String> orderedLabels = new LinkedHashMap<>();
        for (String id : indicatorIds) {
            Direction direction = directions.get(id);
            if (direction == null) {
                throw new IllegalArgumentException("no direction given for indicator " + id);
            }
            orderedDirections.put(id, direction);
            orderedLabels.put(id, labels.getOrDefault(id, id));
        }
        directions = Collections.unmodifiableMap(orderedDirections);
        labels = Collections.unmodifiableMap(orderedLabels);
        if (urbanClusters < 1 || ruralClusters < 1) {
            throw new IllegalArgumentException("each group needs at least one cluster, got " + urbanClusters
                    + " urban and " + ruralClusters + " rural");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        Objects.requireNonNull(urbanGroup, "urbanGroup");
        Objects.requireNonNull(ruralGroup, "ruralGroup");
    }

    /** The same spec with a different number of clusters per group. */
    public TypologySpec withClusters(int urban, int rural) {
        return new TypologySpec(
                indicatorIds, directions, labels, urban, rural, seed, trials, maxIterations, urbanGroup, ruralGroup);
    }

    /** The same spec with a different seed. */
    public TypologySpec withSeed(long newSeed) {
        return new TypologySpec(
                indicatorIds,
                directions,
                labels,
                urbanClusters,
                ruralClusters,
                newSeed,
                trials,
                maxIterations,
                urbanGroup,
                ruralGroup);
    }
}
