package de.integrationsmonitor.goal;

import java.util.Map;
import java.util.Set;

/**
 * What a goals or measures file is checked against: the edition's indicators with their Handlungsfeld, every
 * indicator of the catalogue (to tell an unknown indicator from one the edition does not show), and its Kreise.
 *
 * @param editionIndicators indicator id to Handlungsfeld, in report order
 */
public record Scope(Map<String, String> editionIndicators, Set<String> catalogueIndicators, Set<String> kreise) {

    public Scope {
        editionIndicators = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(editionIndicators));
        catalogueIndicators = Set.copyOf(catalogueIndicators);
        kreise = Set.copyOf(kreise);
    }

    Set<String> handlungsfelder() {
        return new java.util.LinkedHashSet<>(editionIndicators.values());
    }

    /** Refuses an indicator the catalogue does not know, or one the edition does not show. */
    void checkIndicator(String where, String field, String id) {
        if (!editionIndicators.containsKey(id)) {
            throw new GoalException(where + ", field " + field + ": '" + id + "' is "
                    + (catalogueIndicators.contains(id)
                            ? "an indicator of the catalogue the edition does not show"
                            : "not an indicator of the catalogue")
                    + "; allowed: the indicators of the edition: "
                    + String.join(", ", editionIndicators.keySet()));
        }
    }

    void checkKreis(String where, String field, String ags) {
        if (!kreise.contains(ags)) {
            throw new GoalException(where + ", field " + field + ": '" + ags + "' is not a Kreis of the edition;"
                    + " allowed: a five-digit AGS of the edition" + (field.equals("kreis") ? " or 'alle'" : "")
                    + ", e.g. " + kreise.stream().sorted().findFirst().orElse("15001"));
        }
    }
}
