package de.integrationsmonitor.report.fill;

import de.integrationsmonitor.indicator.Direction;
import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.Land;
import de.integrationsmonitor.report.edition.Edition;
import de.integrationsmonitor.report.map.LandGeometry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Puts together the overview of one Land: per indicator its Kreise ranked, the Land beside Germany. */
public final class LandOverviewBuilder {

    private final Edition edition;
    private final IndicatorCatalogue catalogue;
    private final KreisRegister register;
    private final Map<String, List<IndicatorValue>> valuesByIndicator;
    private final String dataStatus;
    private final String versionId;
    private final String inputsSha256;
    private final boolean synthetic;

    public LandOverviewBuilder(
            Edition edition,
            IndicatorCatalogue catalogue,
            KreisRegister register,
            Map<String, List<IndicatorValue>> valuesByIndicator,
            String dataStatus,
            String versionId,
            String inputsSha256,
            boolean synthetic) {
        this.edition = edition;
        this.catalogue = catalogue;
        this.register = register;
        this.valuesByIndicator = valuesByIndicator;
        this.dataStatus = dataStatus;
        this.versionId = versionId;
        this.inputsSha256 = inputsSha256;
        this.synthetic = synthetic;
    }

    public LandOverview build(String landCode) {
        String landName = register.land(landCode).map(Land::name).orElse(landCode);
        List<Kreis> kreise = register.kreiseOfLandOn(landCode, edition.gebietsstand());
        List<LandOverview.IndicatorRanking> rankings = new ArrayList<>();
        TreeSet<String> tables = new TreeSet<>();
        int latestYear = edition.periodFrom();
        for (Map.Entry<String, List<String>> field : edition.handlungsfelder().entrySet()) {
            for (String id : field.getValue()) {
                IndicatorDefinition indicator = catalogue.find(id).orElseThrow();
                List<IndicatorValue> values = valuesByIndicator.getOrDefault(id, List.of());
                Optional<Integer> year = values.stream()
                        .filter(v -> v.regionCode().equals(landCode)
                                || v.regionCode().startsWith(landCode))
                        .filter(v -> v.value().isPresent())
                        .map(IndicatorValue::year)
                        .filter(y -> y >= edition.periodFrom() && y <= edition.reportYear())
                        .max(Integer::compare);
                if (year.isEmpty()) {
                    continue;
                }
                tables.addAll(indicator.sources());
                latestYear = Math.max(latestYear, year.get());
                List<LandOverview.RankedKreis> ranked = new ArrayList<>();
                for (Kreis kreis : kreise) {
                    Optional<IndicatorValue> v = find(values, kreis.ags(), year.get());
                    ranked.add(new LandOverview.RankedKreis(
                            v.flatMap(x -> x.comparison().rankInLand()).orElse(0),
                            kreis.ags(),
                            kreis.name(),
                            v.map(LandOverviewBuilder::figure).orElse(Figure.missing(".")),
                            v.map(IndicatorValue::smallBase).orElse(false)));
                }
                ranked.sort(Comparator.comparing((LandOverview.RankedKreis r) -> r.rank() == 0)
                        .thenComparing(LandOverview.RankedKreis::rank)
                        .thenComparing(LandOverview.RankedKreis::ags));
                rankings.add(new LandOverview.IndicatorRanking(
                        field.getKey(),
                        indicator.label() + " " + year.get(),
                        indicator.unit(),
                        IndicatorRow.defaultDecimals(indicator.unit()),
                        direction(indicator.direction()),
                        find(values, landCode, year.get())
                                .map(LandOverviewBuilder::figure)
                                .orElse(Figure.missing(".")),
                        find(values, "DG", year.get())
                                .map(LandOverviewBuilder::figure)
                                .orElse(Figure.missing(".")),
                        ranked,
                        indicator.direction()));
            }
        }
        return new LandOverview(
                edition.title(),
                landCode,
                landName,
                latestYear,
                edition.periodFrom(),
                edition.reportYear(),
                rankings,
                List.copyOf(tables),
                dataStatus,
                versionId,
                inputsSha256,
                synthetic,
                LandGeometry.of(register, landCode, edition.gebietsstand()));
    }

    private static Optional<IndicatorValue> find(List<IndicatorValue> values, String region, int year) {
        return values.stream()
                .filter(v -> v.regionCode().equals(region) && v.year() == year)
                .findFirst();
    }

    private static Figure figure(IndicatorValue v) {
        return v.value().isPresent() || !v.marker().isEmpty() ? new Figure(v.value(), v.marker()) : Figure.missing(".");
    }

    private static String direction(Direction direction) {
        return switch (direction) {
            case HIGHER_IS_BETTER -> "höher ist günstiger (Rang 1 = günstigster Wert)";
            case HIGHER_IS_WORSE -> "niedriger ist günstiger (Rang 1 = günstigster Wert)";
            case NEUTRAL -> "ohne Wertung (Rang 1 = höchster Wert)";
        };
    }
}
