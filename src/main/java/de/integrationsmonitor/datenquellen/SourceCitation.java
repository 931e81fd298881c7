package de.integrationsmonitor.datenquellen;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a table is named where its values are printed: an office table by its code; an own table ({@code eigen:})
 * by its code with the provider, attribution and licence its source descriptions give, so that no value of another
 * provider appears under the statistical offices' name and licence alone.
 */
public final class SourceCitation {

    private SourceCitation() {}

    /**
     * The tables as printed in a report of a Land, in their order: an own table with the descriptions that can
     * have delivered values of that Land (those of the Land, and those whose keys carry their Land); own tables
     * without such a description stay as their code.
     */
    public static List<String> cite(Collection<String> tableCodes, Path descriptionsFolder, String landCode) {
        SourceDescriptions known = descriptions(descriptionsFolder);
        return tableCodes.stream().map(code -> cite(code, known, landCode)).toList();
    }

    /**
     * As {@link #cite(Collection, Path, String)} for a page footer, which has one line: an own table with its
     * providers only; the attribution and licence stand in full where the report names its sources.
     */
    public static List<String> citeProviders(Collection<String> tableCodes, Path descriptionsFolder, String landCode) {
        SourceDescriptions known = descriptions(descriptionsFolder);
        return tableCodes.stream()
                .map(code -> {
                    if (!code.startsWith(SourceDescription.PREFIX)) {
                        return code;
                    }
                    Set<String> providers = new LinkedHashSet<>();
                    for (SourceDescription d : known.byId(code)) {
                        if (d.region()
                                .land()
                                .map(land -> !land.equals(landCode))
                                .orElse(false)) {
                            continue;
                        }
                        providers.add(d.provider());
                    }
                    return providers.isEmpty() ? code : code + " (" + String.join(" bzw. ", providers) + ")";
                })
                .toList();
    }

    /** The office's name and licence for an office table, the description's for an own one (exports, per value). */
    public static String source(String code, SourceDescriptions descriptions, String landCode) {
        if (!code.startsWith(SourceDescription.PREFIX)) {
            return code + " (Statistische Ämter des Bundes und der Länder; Lizenz: dl-de/by-2-0)";
        }
        return cite(code, descriptions, landCode);
    }

    /** The descriptions of a folder, or none where one is wrong (ingest refuses it; an export still prints). */
    public static SourceDescriptions descriptions(Path descriptionsFolder) {
        try {
            return SourceDescriptions.load(descriptionsFolder);
        } catch (SourceDescriptionException e) {
            return SourceDescriptions.none();
        }
    }

    static String cite(String code, SourceDescriptions descriptions, String landCode) {
        if (!code.startsWith(SourceDescription.PREFIX)) {
            return code;
        }
        Set<String> providers = new LinkedHashSet<>();
        for (SourceDescription d : descriptions.byId(code)) {
            if (d.region().land().map(land -> !land.equals(landCode)).orElse(false)) {
                continue;
            }
            providers.add(d.provider() + "; " + d.attribution() + "; Lizenz: " + d.licence());
        }
        return providers.isEmpty() ? code : code + " (" + String.join(" bzw. ", providers) + ")";
    }
}
