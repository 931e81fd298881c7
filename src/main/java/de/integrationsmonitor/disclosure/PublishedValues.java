package de.integrationsmonitor.disclosure;

import de.integrationsmonitor.indicator.IndicatorCatalogue;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.indicator.IndicatorValue;
import de.integrationsmonitor.indicator.InputSpec;
import de.integrationsmonitor.observation.StoredObservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The indicator values a publication (a Kreis report, a Land overview) prints, after disclosure control: every value
 * resting on a cell suppressed in a table with a rule becomes {@link CellStatus#SYMBOL} without a number, and so do
 * the Land and Germany comparisons and the five-year change beside a value whose comparison figure is suppressed.
 * Tables without a rule (the offices' own) change nothing: their values and markers stay as the office published them.
 */
public final class PublishedValues {

    private PublishedValues() {}

    /**
     * @param observations the current cells of a table
     * @throws DisclosureException when a table's pattern does not pass the audit (naming table and cells)
     */
    public static Map<String, List<IndicatorValue>> protect(
            Map<String, List<IndicatorValue>> values,
            IndicatorCatalogue catalogue,
            DisclosureRules rules,
            Function<String, List<StoredObservation>> observations) {
        if (!rules.anyRule()) {
            return values;
        }
        Map<String, Set<String>> byTable = new HashMap<>();
        for (IndicatorDefinition d : catalogue.indicators()) {
            for (InputSpec input : d.inputs()) {
                Optional<ProtectionRule> rule = rules.ruleFor(input.table());
                if (rule.isPresent() && !byTable.containsKey(input.table())) {
                    byTable.put(
                            input.table(),
                            ObservationTables.protect(input.table(), rule.get(), observations.apply(input.table()))
                                    .suppressedRegionYears());
                }
            }
        }
        SuppressedInputs suppressed = new SuppressedInputs(byTable);
        if (byTable.values().stream().allMatch(Set::isEmpty)) {
            return values;
        }
        Map<String, List<IndicatorValue>> published = new TreeMap<>();
        values.forEach((id, list) -> {
            Optional<IndicatorDefinition> d = catalogue.find(id);
            List<IndicatorValue> out = new ArrayList<>(list.size());
            // a rank among Kreise one of which is suppressed says where the suppressed one stands: no ranks there
            Set<String> landsWithSuppressed = new java.util.HashSet<>();
            for (IndicatorValue v : list) {
                IndicatorValue p = d.map(def -> protect(v, def, suppressed)).orElse(v);
                if (p != v
                        && CellStatus.SYMBOL.equals(p.marker())
                        && v.regionCode().length() == 5) {
                    landsWithSuppressed.add(v.regionCode().substring(0, 2) + "/"
                            + v.referenceDate().getYear());
                }
                out.add(p);
            }
            out.replaceAll(v -> v.regionCode().length() == 5
                            && v.comparison().rankInLand().isPresent()
                            && landsWithSuppressed.contains(v.regionCode().substring(0, 2) + "/"
                                    + v.referenceDate().getYear())
                    ? withoutRank(v)
                    : v);
            published.put(id, out);
        });
        return published;
    }

    private static IndicatorValue withoutRank(IndicatorValue v) {
        IndicatorValue.Comparison c = v.comparison();
        return v.with(new IndicatorValue.Comparison(
                c.landValue(), c.germanyValue(), Optional.empty(), Optional.empty(), c.change5y(), c.cluster()));
    }

    static IndicatorValue protect(IndicatorValue v, IndicatorDefinition d, SuppressedInputs suppressed) {
        int year = v.referenceDate().getYear();
        String region = v.regionCode();
        if (suppressed.suppressed(d, region, year)) {
            return new IndicatorValue(
                    v.indicatorId(),
                    region,
                    v.period(),
                    v.gebietsstand(),
                    Optional.empty(),
                    CellStatus.SYMBOL,
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    IndicatorValue.Comparison.NONE);
        }
        IndicatorValue.Comparison c = v.comparison();
        String land = region.length() == 5 ? region.substring(0, 2) : region;
        boolean landHidden = suppressed.suppressed(d, land, year);
        boolean germanyHidden = suppressed.suppressed(d, "DG", year);
        boolean changeHidden = suppressed.suppressed(d, region, year - 5);
        if (!landHidden && !germanyHidden && !changeHidden) {
            return v;
        }
        return v.with(new IndicatorValue.Comparison(
                landHidden ? Optional.empty() : c.landValue(),
                germanyHidden ? Optional.empty() : c.germanyValue(),
                c.rankInLand(),
                c.kreiseInLand(),
                changeHidden ? Optional.empty() : c.change5y(),
                c.cluster()));
    }
}
