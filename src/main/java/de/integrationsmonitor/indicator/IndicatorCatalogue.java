package de.integrationsmonitor.indicator;

import de.integrationsmonitor.indicator.typology.TypologySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declarative, versioned catalogue of indicators; {@code sha256} is the hash of the file it was read from.
 *
 * @param population the population that weights predecessors where a value without a denominator is rebuilt at
 *                   another Gebietsstand (table and variable)
 */
public record IndicatorCatalogue(
        String name,
        String version,
        String sha256,
        List<IndicatorDefinition> indicators,
        TypologyDefinition typology,
        InputSpec population) {

    public Optional<IndicatorDefinition> find(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /**
     * Which indicators make the similar-Kreis typology, as of which year, and how it is computed: the number of
     * clusters of each group (kreisfreie Städte, Landkreise), the fixed random seed and the number of k-means++
     * starts, so that a statistician changes them here and the printed method text follows.
     */
    public record TypologyDefinition(
            int year, List<String> indicators, int clustersPerGroup, long seed, int starts, int maxIterations) {}

    /** The typology as the clustering runs it, with each indicator's direction and label from the catalogue. */
    public TypologySpec typologySpec() {
        Map<String, Direction> directions = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (String id : typology.indicators()) {
            IndicatorDefinition indicator = find(id).orElseThrow();
            directions.put(id, indicator.direction());
            labels.put(id, indicator.label());
        }
        return new TypologySpec(
                typology.indicators(),
                directions,
                labels,
                typology.clustersPerGroup(),
                typology.clustersPerGroup(),
                typology.seed(),
                typology.starts(),
                typology.maxIterations(),
                "kreisfreie Städte",
                "Landkreise");
    }
}
