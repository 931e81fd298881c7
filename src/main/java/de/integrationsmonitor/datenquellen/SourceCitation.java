package de.integrationsmonitor.datenquellen;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How a table is named where its values are printed: an office table by its code; an own table ({@code eigen:})
 * by its code with the provider, attribution and licence its source descriptions give, so that no value of another
 * provider appears under the statistical offices' name and licence alone.
 */
public final class SourceCitation {

    private SourceCitation() {}

    /**
     * How a report of a Land names its tables.
     *
     * @param full     each table as the sources section prints it: an own table with the providers, attributions and
     *                 licences of the descriptions that can have delivered values of that Land
     * @param footer   the same for a page footer, which has one line: an own table with its providers only
     */
    public record Citation(String full, String footer) {}

    /**
     * The tables as printed in a report of a Land, in their order, joined by ", " (own tables without a description
     * of that Land stay as their code).
     */
    public static Citation of(Collection<String> tableCodes, Path descriptionsFolder, String landCode) {
        SourceDescriptions known = descriptions(descriptionsFolder);
        return new Citation(
                String.join(
                        ", ",
                        tableCodes.stream()
                                .map(code -> cite(code, known, landCode, true))
                                .toList()),
                String.join(
                        ", ",
                        tableCodes.stream()
                                .map(code -> cite(code, known, landCode, false))
                                .toList()));
    }

    /** The office's name and licence for an office table, the description's for an own one (exports, per value). */
    public static String source(String code, SourceDescriptions descriptions, String landCode) {
        if (!code.startsWith(SourceDescription.PREFIX)) {
            return code + " (Statistische Ämter des Bundes und der Länder; Lizenz: dl-de/by-2-0)";
        }
        return cite(code, descriptions, landCode, true);
    }

    /** The descriptions of a folder, or none where one is wrong (ingest refuses it; an export still prints). */
    public static SourceDescriptions descriptions(Path descriptionsFolder) {
        try {
            return SourceDescriptions.load(descriptionsFolder);
        } catch (SourceDescriptionException e) {
            return SourceDescriptions.none();
        }
    }

    /** An own table with its providers (and, {@code withTerms}, their attribution and licence); else the code. */
    static String cite(String code, SourceDescriptions descriptions, String landCode, boolean withTerms) {
        if (!code.startsWith(SourceDescription.PREFIX)) {
            return code;
        }
        Set<String> providers = new LinkedHashSet<>();
        for (SourceDescription d : descriptions.byId(code)) {
            if (d.region().land().map(land -> !land.equals(landCode)).orElse(false)) {
                continue;
            }
            providers.add(
                    withTerms ? d.provider() + "; " + d.attribution() + "; Lizenz: " + d.licence() : d.provider());
        }
        return providers.isEmpty() ? code : code + " (" + String.join(" bzw. ", providers) + ")";
    }
}
