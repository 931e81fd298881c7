package de.integrationsmonitor.report.goal;

import de.integrationsmonitor.goal.Assessment;
import de.integrationsmonitor.goal.Goal;
import de.integrationsmonitor.goal.GoalException;
import de.integrationsmonitor.goal.GoalsAndMeasures;
import de.integrationsmonitor.goal.Measure;
import de.integrationsmonitor.goal.MeasuresFile;
import de.integrationsmonitor.goal.Scope;
import de.integrationsmonitor.indicator.GebietsstandSeries;
import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.report.edition.AuthorTexts;
import de.integrationsmonitor.report.edition.Edition;
import de.integrationsmonitor.report.edition.EditionException;
import de.integrationsmonitor.report.fill.Figure;
import de.integrationsmonitor.report.fill.IndicatorRow;
import de.integrationsmonitor.report.fill.KreisReport;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts an edition's goals and measures into its reports: into each Handlungsfeld of a Kreis report the goals of its
 * indicators with their assessment and the measures of the Handlungsfeld, and the rows of the Statusbericht. Values
 * are the Kreis's at the edition's Gebietsstand, as its charts show them; a goal whose Kreis had another territory in
 * the baseline year than in the latest year is no longer comparable.
 */
public final class GoalReporting {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private final Edition edition;
    private final IndicatorCatalogue catalogue;
    private final KreisRegister register;
    private final Map<String, List<IndicatorValue>> values;
    private final Map<String, BigDecimal> population;
    private final GoalsAndMeasures goals;
    private final GebietsstandSeries series;
    private final Map<String, List<AuthorTexts.Block>> texts = new HashMap<>();
    private final Path measuresFile;

    /**
     * @param measuresFile the file the measures were read from, named when a measure's text cannot be printed
     * @throws EditionException when a measure's text cannot be printed
     */
    public GoalReporting(
            Edition edition,
            IndicatorCatalogue catalogue,
            KreisRegister register,
            Map<String, List<IndicatorValue>> values,
            Map<String, BigDecimal> population,
            GoalsAndMeasures goals,
            Path measuresFile) {
        this.edition = edition;
        this.catalogue = catalogue;
        this.register = register;
        this.values = values;
        this.population = population;
        this.goals = goals;
        this.series = new GebietsstandSeries(register);
        this.measuresFile = measuresFile;
        // every text is checked when the edition is prepared, not when the first report shows it
        for (Measure measure : goals.measures()) {
            texts.put(measure.id(), AuthorTexts.blocks(measuresFile, measure.textLine(), measure.markdown()));
        }
    }

    /**
     * Reads and checks the edition's goals and measures from its folder ({@link #folder}) against its indicators
     * and Kreise.
     *
     * @throws GoalException naming file, line, field and the allowed values
     */
    public static GoalReporting load(
            Edition edition,
            IndicatorCatalogue catalogue,
            KreisRegister register,
            Map<String, List<IndicatorValue>> values,
            Map<String, BigDecimal> population,
            List<Kreis> kreise) {
        Path folder = folder(edition);
        return new GoalReporting(
                edition,
                catalogue,
                register,
                values,
                population,
                GoalsAndMeasures.load(folder, scope(edition, catalogue, kreise)),
                folder.resolve(MeasuresFile.FILE));
    }

    /** What the files are checked against: the edition's indicators by Handlungsfeld, the catalogue, the Kreise. */
    public static Scope scope(Edition edition, IndicatorCatalogue catalogue, List<Kreis> kreise) {
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        edition.handlungsfelder().forEach((field, ids) -> ids.forEach(id -> shown.put(id, field)));
        return new Scope(
                shown,
                catalogue.indicators().stream()
                        .map(IndicatorDefinition::id)
                        .collect(java.util.stream.Collectors.toSet()),
                kreise.stream().map(Kreis::ags).collect(java.util.stream.Collectors.toSet()));
    }

    /** The folder of an edition's goals and measures: {@code <edition id>/} beside the edition file. */
    public static Path folder(Edition edition) {
        return edition.file().toAbsolutePath().normalize().getParent().resolve(edition.id());
    }

    public GoalsAndMeasures goalsAndMeasures() {
        return goals;
    }

    /** The report with the goals and measures of each Handlungsfeld in its sections. */
    public KreisReport addTo(KreisReport report) {
        if (goals.goals().isEmpty() && goals.measures().isEmpty()) {
            return report;
        }
        List<KreisReport.Section> sections = new ArrayList<>();
        for (KreisReport.Section section : report.sections()) {
            List<KreisReport.GoalRow> rows = new ArrayList<>();
            for (String id : edition.handlungsfelder().getOrDefault(section.handlungsfeld(), List.of())) {
                goals.goalFor(id, report.ags())
                        .flatMap(g -> goalRow(g, report.ags()))
                        .ifPresent(rows::add);
            }
            List<KreisReport.MeasureRow> measures = goals.measuresOf(section.handlungsfeld(), report.ags()).stream()
                    .map(this::measureRow)
                    .toList();
            sections.add(section.with(rows, measures));
        }
        return report.withSections(sections);
    }

    /** A goal with its baseline, latest value and assessment; empty when the Kreis has no value of the indicator. */
    Optional<KreisReport.GoalRow> goalRow(Goal goal, String ags) {
        IndicatorDefinition indicator = catalogue.find(goal.indicatorId()).orElseThrow();
        List<GebietsstandSeries.Point> points = points(goal.indicatorId(), ags);
        Optional<GebietsstandSeries.Point> latest =
                points.stream().filter(p -> p.value().isPresent()).reduce((a, b) -> b);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Optional<GebietsstandSeries.Point> baseline =
                points.stream().filter(p -> p.year() == goal.baselineYear()).findFirst();
        int latestYear = latest.get().year();
        Assessment assessment = Assessment.of(
                goal,
                indicator.direction(),
                baseline.flatMap(GebietsstandSeries.Point::value),
                latest.get().value(),
                latestYear,
                sameTerritory(ags, goal.baselineYear(), latestYear));
        Figure base = baseline.map(p -> new Figure(p.value(), p.marker())).orElse(Figure.missing("."));
        return Optional.of(new KreisReport.GoalRow(
                indicator.label(),
                indicator.unit(),
                IndicatorRow.defaultDecimals(indicator.unit()),
                goal.baselineYear(),
                base,
                latestYear,
                new Figure(latest.get().value(), latest.get().marker()),
                goal.target(),
                goal.targetYear(),
                goal.corridor(),
                assessment.state()));
    }

    /** Whether the code stood for the same territory at the end of both years (the register's Gebietsstände). */
    boolean sameTerritory(String ags, int baselineYear, int latestYear) {
        return sameTerritory(register, ags, baselineYear, latestYear);
    }

    static boolean sameTerritory(KreisRegister register, String ags, int baselineYear, int latestYear) {
        Optional<Kreis> then = register.versionOn(ags, LocalDate.of(baselineYear, 12, 31));
        Optional<Kreis> now = register.versionOn(ags, LocalDate.of(latestYear, 12, 31));
        return then.isPresent() && then.equals(now);
    }

    KreisReport.MeasureRow measureRow(Measure measure) {
        List<String> labels = measure.indicators().stream()
                .map(id -> catalogue.find(id).map(IndicatorDefinition::label).orElse(id))
                .toList();
        return new KreisReport.MeasureRow(
                measure.id(),
                measure.title(),
                measure.traeger(),
                period(measure),
                measure.status(),
                labels,
                texts.getOrDefault(measure.id(), List.of()));
    }

    /** "seit 03/2021", "03/2021–12/2024". */
    public static String period(Measure measure) {
        String from = measure.start().format(MONTH);
        return measure.end().map(e -> from + "–" + e.format(MONTH)).orElse("seit " + from);
    }

    /** The Kreis's values of an indicator at the edition's Gebietsstand, every year up to the report year. */
    List<GebietsstandSeries.Point> points(String indicator, String ags) {
        return series
                .series(ags, edition.gebietsstand(), values.getOrDefault(indicator, List.of()), population)
                .stream()
                .filter(p -> p.year() <= edition.reportYear())
                .toList();
    }

    /**
     * One linked indicator of a measure in one Kreis: its value when the measure started (the year before its
     * start, else the first year after) and the latest value.
     */
    public record Development(
            String ags,
            String kreisName,
            String indicatorLabel,
            String unit,
            int decimals,
            int fromYear,
            Figure from,
            int toYear,
            Figure to,
            boolean sameTerritory) {}

    /**
     * The development of each linked indicator in each Kreis the measure belongs to, where there is a value from
     * the start and a later one.
     */
    public List<Development> developments(Measure measure, List<Kreis> kreise) {
        List<Development> rows = new ArrayList<>();
        int startYear = measure.start().getYear() - 1;
        for (Kreis kreis : kreise) {
            if (!measure.appliesTo(kreis.ags())) {
                continue;
            }
            for (String id : measure.indicators()) {
                IndicatorDefinition indicator = catalogue.find(id).orElseThrow();
                List<GebietsstandSeries.Point> points = points(id, kreis.ags()).stream()
                        .filter(p -> p.value().isPresent())
                        .toList();
                Optional<GebietsstandSeries.Point> from =
                        points.stream().filter(p -> p.year() >= startYear).findFirst();
                if (from.isEmpty()) {
                    continue;
                }
                GebietsstandSeries.Point to = points.get(points.size() - 1);
                if (to.year() <= from.get().year()) {
                    continue; // no value since the start yet: nothing has developed
                }
                rows.add(new Development(
                        kreis.ags(),
                        kreis.name(),
                        indicator.label(),
                        indicator.unit(),
                        IndicatorRow.defaultDecimals(indicator.unit()),
                        from.get().year(),
                        new Figure(from.get().value(), from.get().marker()),
                        to.year(),
                        new Figure(to.value(), to.marker()),
                        sameTerritory(kreis.ags(), from.get().year(), to.year())));
            }
        }
        return rows;
    }

    /** The measure's text as printed blocks. */
    public List<AuthorTexts.Block> text(Measure measure) {
        return texts.getOrDefault(measure.id(), List.of());
    }

    public Path measuresFile() {
        return measuresFile;
    }
}
