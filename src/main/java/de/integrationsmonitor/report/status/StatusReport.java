package de.integrationsmonitor.report.status;

import de.integrationsmonitor.goal.MeasureStatus;
import de.integrationsmonitor.report.edition.AuthorTexts;
import de.integrationsmonitor.report.goal.GoalReporting;
import java.util.List;
import java.util.Map;

/**
 * What the Statusbericht of an edition shows: every measure of {@code massnahmen.yml}, grouped by Handlungsfeld in
 * the edition's order, with status, Träger, period, text and the development of its indicators since it started.
 *
 * @param counts how many measures have each status, in the order of {@link MeasureStatus}
 */
public record StatusReport(
        String editionTitle,
        String gebietsstand,
        List<Field> fields,
        Map<MeasureStatus, Integer> counts,
        List<String> tableCodes,
        String versionId,
        String inputsSha256,
        boolean synthetic) {

    public StatusReport {
        fields = List.copyOf(fields);
        counts = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(counts));
        tableCodes = List.copyOf(tableCodes);
    }

    /** The measures of one Handlungsfeld. */
    public record Field(String handlungsfeld, List<Item> measures) {
        public Field {
            measures = List.copyOf(measures);
        }
    }

    /** One measure as printed. */
    public record Item(
            String id,
            String title,
            MeasureStatus status,
            String traeger,
            String period,
            String kreise,
            List<String> indicators,
            List<AuthorTexts.Block> text,
            List<GoalReporting.Development> developments) {
        public Item {
            indicators = List.copyOf(indicators);
            text = List.copyOf(text);
            developments = List.copyOf(developments);
        }
    }

    public int measureCount() {
        return fields.stream().mapToInt(f -> f.measures().size()).sum();
    }
}
