package de.integrationsmonitor.report.status;

import de.integrationsmonitor.goal.Measure;
import de.integrationsmonitor.goal.MeasureStatus;
import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.report.edition.Edition;
import de.integrationsmonitor.report.fill.GermanNumberFormat;
import de.integrationsmonitor.report.goal.GoalReporting;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Puts the Statusbericht of an edition together from its measures and the computed values. */
public final class StatusReportBuilder {

    private StatusReportBuilder() {}

    /**
     * @param kreise the Kreise of the edition with data, in print order: the development is shown for each Kreis a
     *               measure belongs to
     */
    public static StatusReport build(
            Edition edition,
            IndicatorCatalogue catalogue,
            GoalReporting goals,
            List<Kreis> kreise,
            String versionId,
            String inputsSha256,
            boolean synthetic) {
        Map<MeasureStatus, Integer> counts = new EnumMap<>(MeasureStatus.class);
        for (MeasureStatus status : MeasureStatus.values()) {
            counts.put(status, 0);
        }
        TreeSet<String> tables = new TreeSet<>();
        List<StatusReport.Field> fields = new ArrayList<>();
        for (String field : edition.handlungsfelder().keySet()) {
            List<StatusReport.Item> items = new ArrayList<>();
            for (Measure measure : goals.goalsAndMeasures().measures()) {
                if (!measure.handlungsfeld().equals(field)) {
                    continue;
                }
                counts.merge(measure.status(), 1, Integer::sum);
                List<IndicatorDefinition> indicators = measure.indicators().stream()
                        .map(id -> catalogue.find(id).orElseThrow())
                        .toList();
                indicators.forEach(i -> tables.addAll(i.sources()));
                items.add(new StatusReport.Item(
                        measure.id(),
                        measure.title(),
                        measure.status(),
                        measure.traeger(),
                        GoalReporting.period(measure),
                        measure.kreise().isEmpty()
                                ? ""
                                : String.join(
                                        ", ",
                                        kreise.stream()
                                                .filter(k -> measure.kreise().contains(k.ags()))
                                                .map(k -> k.name() + " (" + k.ags() + ")")
                                                .toList()),
                        indicators.stream().map(IndicatorDefinition::label).toList(),
                        goals.text(measure),
                        goals.developments(measure, kreise)));
            }
            if (!items.isEmpty()) {
                fields.add(new StatusReport.Field(field, items));
            }
        }
        return new StatusReport(
                edition.title(),
                GermanNumberFormat.date(edition.gebietsstand()),
                fields,
                counts,
                List.copyOf(tables),
                versionId,
                inputsSha256,
                synthetic);
    }
}
