package de.integrationsmonitor.indicator;

import java.util.List;
import java.util.Optional;

/** The declarative, versioned catalogue of indicators; {@code sha256} is the hash of the file it was read from. */
public record IndicatorCatalogue(String name, String version, String sha256, List<IndicatorDefinition> indicators,
                                 TypologyDefinition typology) {

    public Optional<IndicatorDefinition> find(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Which indicators make the similar-Kreis typology, as of which year. */
    public record TypologyDefinition(int year, List<String> indicators, String method) {
    }
}
