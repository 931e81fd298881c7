package de.integrationsmonitor.report.pdf;

import de.integrationsmonitor.datenquellen.SourceCitation;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The source line of a report, as every renderer fills it: {@code TABLE_CODES} for the sources section and
 * {@code TABLE_CODES_FOOTER} for the one-line page footer. Several indicators share a table, so each is named once,
 * in first-use order; own tables ({@code eigen:}) are cited from the source descriptions in {@code jobs/datenquellen}
 * beside the templates folder (in an audit's archive tree as in a project).
 */
final class SourceParameters {

    private SourceParameters() {}

    static void put(Map<String, Object> parameters, Path template, Collection<String> tableCodes, String landCode) {
        Path descriptions =
                template.toAbsolutePath().getParent().resolveSibling("jobs").resolve("datenquellen");
        SourceCitation.Citation citation = SourceCitation.of(new LinkedHashSet<>(tableCodes), descriptions, landCode);
        parameters.put("TABLE_CODES", citation.full());
        parameters.put("TABLE_CODES_FOOTER", citation.footer());
    }
}
