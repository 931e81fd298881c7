package de.integrationsmonitor.report.fill;

import de.integrationsmonitor.indicator.ChangeKind;
import de.integrationsmonitor.indicator.ComputationStore;
import de.integrationsmonitor.indicator.Direction;
import de.integrationsmonitor.indicator.GebietsstandSeries;
import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.indicator.InputPeriod;
import de.integrationsmonitor.indicator.typology.Typology;
import de.integrationsmonitor.observation.PeriodKind;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisKind;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.Land;
import de.integrationsmonitor.report.edition.AuthorTexts;
import de.integrationsmonitor.report.edition.Edition;
import de.integrationsmonitor.report.map.LandGeometry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Puts together what one Kreis report of an edition shows, from a computation: plain Java over values already
 * computed, so that the same computation always gives the same report.
 */
public final class KreisReportBuilder {

    private final Edition edition;
    private final IndicatorCatalogue catalogue;
    private final KreisRegister register;
    private final Map<String, List<IndicatorValue>> valuesByIndicator;
    private final Map<String, IndicatorValue> byKey = new HashMap<>();
    private final Map<String, Integer> clusterOf = new HashMap<>();
    /** Each indicator's values by region, in the order of {@link #valuesByIndicator}: a Kreis's own values at hand. */
    private final Map<String, Map<String, List<IndicatorValue>>> byRegion = new HashMap<>();

    private final List<ComputationStore.StoredCluster> clusters;
    private final Map<String, BigDecimal> population;
    private final List<KreisReport.DeliveryStatus> dataStatus;
    private final Function<String, List<String>> findingsOf;
    private final String versionId;
    private final String inputsSha256;
    private final boolean synthetic;
    private final GebietsstandSeries series;
    private final AuthorTexts texts;
    private final Map<String, List<InputPeriod>> inputPeriods;

    /**
     * @param inputPeriods the kind of period each indicator's inputs had in the computation, for the methods annex
     */
    public KreisReportBuilder(
            Edition edition,
            IndicatorCatalogue catalogue,
            KreisRegister register,
            Map<String, List<IndicatorValue>> valuesByIndicator,
            List<ComputationStore.StoredCluster> clusters,
            Map<String, BigDecimal> population,
            Map<String, List<InputPeriod>> inputPeriods,
            List<KreisReport.DeliveryStatus> dataStatus,
            Function<String, List<String>> findingsOf,
            String versionId,
            String inputsSha256,
            boolean synthetic,
            AuthorTexts texts) {
        this.edition = edition;
        this.catalogue = catalogue;
        this.register = register;
        this.valuesByIndicator = valuesByIndicator;
        this.clusters = clusters;
        this.population = population;
        this.dataStatus = dataStatus;
        this.findingsOf = findingsOf;
        this.versionId = versionId;
        this.inputsSha256 = inputsSha256;
        this.synthetic = synthetic;
        this.series = new GebietsstandSeries(register);
        this.texts = texts;
        this.inputPeriods = inputPeriods;
        valuesByIndicator
                .values()
                .forEach(list -> list.forEach(v -> {
                    byKey.put(key(v.indicatorId(), v.regionCode(), v.year()), v);
                    v.comparison().cluster().ifPresent(c -> clusterOf.putIfAbsent(v.regionCode(), c));
                }));
        valuesByIndicator.forEach((id, list) -> {
            Map<String, List<IndicatorValue>> regions = new HashMap<>();
            list.forEach(v -> regions.computeIfAbsent(v.regionCode(), k -> new ArrayList<>())
                    .add(v));
            byRegion.put(id, regions);
        });
    }

    /** Whether the computation holds any value of the edition's indicators for the Kreis in the period. */
    public boolean hasData(Kreis kreis) {
        return edition.indicators().stream()
                .anyMatch(id -> !points(id, kreis.ags()).isEmpty());
    }

    public KreisReport build(Kreis kreis) {
        String landName = register.land(kreis.landCode()).map(Land::name).orElse(kreis.landCode());
        List<KreisReport.GlanceRow> glance = new ArrayList<>();
        List<KreisReport.Section> sections = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        Set<String> tables = new TreeSet<>();
        List<KreisReport.Method> methods = new ArrayList<>();
        java.time.LocalDate latest = null;
        for (Map.Entry<String, List<String>> field : edition.handlungsfelder().entrySet()) {
            List<KreisReport.Series> fieldSeries = new ArrayList<>();
            for (String id : field.getValue()) {
                IndicatorDefinition indicator = catalogue.find(id).orElseThrow();
                tables.addAll(indicator.sources());
                methods.add(new KreisReport.Method(
                        indicator.label(),
                        indicator.unit(),
                        field.getKey(),
                        withTimeReference(indicator),
                        indicator.sources()));
                List<GebietsstandSeries.Point> points = points(id, kreis.ags());
                gebietsstandNote(indicator, kreis, points).ifPresent(notes::add);
                int decimals = IndicatorRow.defaultDecimals(indicator.unit());
                List<KreisReport.Year> years = new ArrayList<>();
                for (GebietsstandSeries.Point p : points) {
                    years.add(new KreisReport.Year(
                            p.year(),
                            new Figure(p.value(), p.marker()),
                            figure(id, kreis.landCode(), p.year()),
                            figure(id, "DG", p.year()),
                            p.note()));
                }
                if (!years.isEmpty()) { // an indicator without values in the period gets no empty chart
                    int lastYear = years.get(years.size() - 1).year();
                    fieldSeries.add(new KreisReport.Series(
                            indicator.label(),
                            indicator.unit(),
                            decimals,
                            years,
                            edition.maps().contains(id) ? landValues(id, kreis.landCode(), lastYear) : List.of(),
                            lastYear,
                            indicator.direction()));
                }
                if (!points.isEmpty()) {
                    GebietsstandSeries.Point last = points.get(points.size() - 1);
                    latest = latest == null || last.referenceDate().isAfter(latest) ? last.referenceDate() : latest;
                    glance.add(glanceRow(field.getKey(), indicator, kreis, last));
                }
            }
            if (!fieldSeries.isEmpty()) {
                sections.add(new KreisReport.Section(
                        field.getKey(),
                        fieldSeries,
                        texts.of(kreis.ags()).assessments().getOrDefault(field.getKey(), List.of())));
            }
        }
        return new KreisReport(
                versionId,
                edition.title(),
                edition.periodFrom(),
                edition.reportYear(),
                kreis.ags(),
                kreis.name(),
                kreis.kind() == KreisKind.KREISFREIE_STADT ? "kreisfreie Stadt" : "Landkreis",
                landName,
                latest == null ? edition.gebietsstand() : latest,
                GermanNumberFormat.date(edition.gebietsstand()),
                dataStatus,
                glance,
                sections,
                similar(kreis),
                findingsOf.apply(kreis.ags()),
                List.copyOf(notes),
                methods,
                List.copyOf(tables),
                inputsSha256,
                synthetic,
                introduction(kreis),
                LandGeometry.of(register, kreis.landCode(), edition.gebietsstand()));
    }

    /** Every Kreis of the Land at the edition's Gebietsstand with its value of the year, for a map. */
    private List<KreisReport.LandValue> landValues(String indicator, String land, int year) {
        List<KreisReport.LandValue> values = new ArrayList<>();
        for (Kreis other : register.kreiseOfLandOn(land, edition.gebietsstand())) {
            values.add(new KreisReport.LandValue(other.ags(), other.name(), figure(indicator, other.ags(), year)));
        }
        return values;
    }

    /** The edition's introduction followed by the Kreis's own. */
    private List<AuthorTexts.Block> introduction(Kreis kreis) {
        List<AuthorTexts.Block> blocks = new ArrayList<>(texts.introduction());
        blocks.addAll(texts.of(kreis.ags()).introduction());
        return blocks;
    }

    private KreisReport.GlanceRow glanceRow(
            String field, IndicatorDefinition indicator, Kreis kreis, GebietsstandSeries.Point last) {
        Figure value =
                new Figure(last.value(), last.marker().isEmpty() && last.value().isEmpty() ? "." : last.marker());
        Figure land = figure(indicator.id(), kreis.landCode(), last.year());
        Figure germany = figure(indicator.id(), "DG", last.year());
        IndicatorValue own = byKey.get(key(indicator.id(), kreis.ags(), last.year()));
        Optional<BigDecimal> change =
                own == null ? Optional.empty() : own.comparison().change5y();
        String rank = own == null
                ? ""
                : own.comparison()
                        .rankInLand()
                        .map(r -> r + " von " + own.comparison().kreiseInLand().orElse(0))
                        .orElse("");
        String changeUnit = indicator.change() == ChangeKind.PERCENT
                ? "%"
                : indicator.unit().equals("%") ? "Pp." : indicator.unit();
        return new KreisReport.GlanceRow(
                field,
                new IndicatorRow(indicator.label(), indicator.unit(), value, land, germany),
                last.year(),
                change.map(Figure::of).orElse(Figure.missing(".")),
                changeUnit,
                rank,
                position(indicator.direction(), last.value(), land.value()),
                own != null && own.smallBase());
    }

    /** The catalogue's definition and, after it, which reference date each input stands at. */
    private String withTimeReference(IndicatorDefinition indicator) {
        String reference = InputPeriod.timeReference(indicator, inputPeriods.getOrDefault(indicator.id(), List.of()));
        return reference.isEmpty() ? indicator.definition() : indicator.definition() + " " + reference;
    }

    /**
     * Per indicator, which Gebietsstand the office used for each period shown: the years at the end of their own
     * period together, then each period the office published at another Gebietsstand (a Kreis dissolved during it,
     * a value back-calculated for a Kreis formed later) and each period rebuilt through the crosswalk, with the
     * Kreise and shares it was rebuilt from.
     */
    private Optional<String> gebietsstandNote(
            IndicatorDefinition indicator, Kreis kreis, List<GebietsstandSeries.Point> points) {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        List<String> regular = new ArrayList<>();
        List<String> special = new ArrayList<>();
        for (GebietsstandSeries.Point p : points) {
            boolean atEnd = p.published().equals(p.period().end());
            if (atEnd && !p.converted()) {
                regular.add(p.period().label());
                continue;
            }
            StringBuilder text = new StringBuilder(p.period().label()).append(": ");
            text.append(
                    atEnd
                            ? endOfPeriod(p.period().kind(), false)
                            : "vom Amt im Gebietsstand " + GermanNumberFormat.date(p.published()) + " veröffentlicht");
            if (p.converted()) {
                boolean sameCode = p.convertedFrom().containsKey(kreis.ags());
                text.append(", ")
                        .append(p.note())
                        .append(
                                sameCode
                                        ? " (der Kreis hat seit "
                                                + GermanNumberFormat.date(kreis.validFrom())
                                                + " ein anderes Gebiet; die Reihe ist auf das"
                                                + " heutige Gebiet umgerechnet)"
                                        : "");
            }
            special.add(text.toString());
        }
        List<String> parts = new ArrayList<>();
        if (!regular.isEmpty()) {
            boolean several = regular.size() > 1;
            parts.add((several ? regular.get(0) + " bis " + regular.get(regular.size() - 1) : regular.get(0)) + ": "
                    + endOfPeriod(points.get(0).period().kind(), several));
        }
        parts.addAll(special);
        return Optional.of(indicator.label() + " – " + String.join("; ", parts) + ".");
    }

    /** "Gebietsstand des jeweiligen Stichtags", "Gebietsstand am Ende des Schuljahres", ... */
    private static String endOfPeriod(PeriodKind kind, boolean several) {
        String each = several ? "jeweiligen " : "";
        return switch (kind) {
            case STICHTAG -> "Gebietsstand des " + each + "Stichtags";
            case SCHULJAHR -> "Gebietsstand am Ende des " + each + "Schuljahres";
            default -> "Gebietsstand am 31.12. des " + each + "Jahres";
        };
    }

    /** Where the Kreis stands against its Land, direction-aware; neutral indicators are not judged. */
    static String position(Direction direction, Optional<BigDecimal> kreis, Optional<BigDecimal> land) {
        if (direction == Direction.NEUTRAL || kreis.isEmpty() || land.isEmpty()) {
            return "";
        }
        int c = kreis.get().compareTo(land.get());
        if (c == 0) {
            return "wie das Land";
        }
        boolean better = direction == Direction.HIGHER_IS_BETTER ? c > 0 : c < 0;
        return better ? "günstiger als das Land" : "ungünstiger als das Land";
    }

    /** The typology's method paragraph, the same for every Kreis: written once. */
    private volatile String typologyMethod;

    private KreisReport.SimilarKreise similar(Kreis kreis) {
        String method = typologyMethod;
        if (method == null) {
            method = typologyMethod();
            typologyMethod = method;
        }
        Optional<Integer> cluster = Optional.ofNullable(clusterOf.get(kreis.ags()));
        Optional<ComputationStore.StoredCluster> stored = cluster.flatMap(
                c -> clusters.stream().filter(s -> s.cluster() == c).findFirst());
        if (stored.isEmpty()) {
            return KreisReport.SimilarKreise.none(method);
        }
        List<IndicatorRow> rows = new ArrayList<>();
        for (String id : catalogue.typology().indicators()) {
            IndicatorDefinition indicator = catalogue.find(id).orElseThrow();
            Optional<IndicatorValue> own =
                    byRegion.getOrDefault(id, Map.of()).getOrDefault(kreis.ags(), List.of()).stream()
                            .filter(v -> v.year() <= catalogue.typology().year())
                            .filter(v -> v.value().isPresent())
                            .max(java.util.Comparator.comparing(IndicatorValue::referenceDate));
            BigDecimal mean = stored.get().means().get(id);
            // columns: the Kreis, the mean of its cluster ("Clustermittel"), Germany in the same year
            rows.add(new IndicatorRow(
                    indicator.label(),
                    indicator.unit(),
                    own.map(v -> Figure.of(v.value().get())).orElse(Figure.missing(".")),
                    mean == null ? Figure.missing(".") : Figure.of(mean),
                    own.map(v -> figure(id, "DG", v.year())).orElse(Figure.missing("."))));
        }
        return new KreisReport.SimilarKreise(
                stored.get().cluster(),
                stored.get().urban() ? "kreisfreie Städte" : "Landkreise",
                stored.get().size(),
                stored.get().description(),
                rows,
                method);
    }

    /**
     * The typology's method paragraph, written from the catalogue's typology fields and the sizes of the groups
     * the computation formed (the Kreise of the typology year that were left out are the rest).
     */
    private String typologyMethod() {
        int urbanKreise = clusters.stream()
                .filter(ComputationStore.StoredCluster::urban)
                .mapToInt(ComputationStore.StoredCluster::size)
                .sum();
        int ruralKreise = clusters.stream()
                .filter(c -> !c.urban())
                .mapToInt(ComputationStore.StoredCluster::size)
                .sum();
        int urbanClusters = (int)
                clusters.stream().filter(ComputationStore.StoredCluster::urban).count();
        int ruralClusters = clusters.size() - urbanClusters;
        int perGroup = catalogue.typology().clustersPerGroup();
        int excluded = Math.max(
                0,
                register.kreiseOn(java.time.LocalDate.of(catalogue.typology().year(), 12, 31))
                                .size()
                        - urbanKreise
                        - ruralKreise);
        return Typology.method(
                catalogue.typologySpec(),
                excluded,
                new Typology.GroupSize(urbanKreise, urbanKreise == 0 ? perGroup : urbanClusters),
                new Typology.GroupSize(ruralKreise, ruralKreise == 0 ? perGroup : ruralClusters));
    }

    /** The Kreis's values of the edition's period at the edition's Gebietsstand. */
    private List<GebietsstandSeries.Point> points(String indicator, String ags) {
        return series
                .series(ags, edition.gebietsstand(), valuesByIndicator.getOrDefault(indicator, List.of()), population)
                .stream()
                .filter(p -> p.year() >= edition.periodFrom() && p.year() <= edition.reportYear())
                .toList();
    }

    private Figure figure(String indicator, String region, int year) {
        IndicatorValue v = byKey.get(key(indicator, region, year));
        if (v == null) {
            return Figure.missing(".");
        }
        return v.value().isPresent() || !v.marker().isEmpty() ? new Figure(v.value(), v.marker()) : Figure.missing(".");
    }

    private static String key(String indicator, String region, int year) {
        return indicator + "|" + region + "|" + year;
    }
}
