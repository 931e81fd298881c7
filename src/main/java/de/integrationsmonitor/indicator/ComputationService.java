package de.integrationsmonitor.indicator;

import de.integrationsmonitor.indicator.typology.Typology;
import de.integrationsmonitor.indicator.typology.TypologyInput;
import de.integrationsmonitor.indicator.typology.TypologyResult;
import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.observation.Deliveries;
import de.integrationsmonitor.observation.Delivery;
import de.integrationsmonitor.observation.StoredObservation;
import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisKind;
import de.integrationsmonitor.region.KreisRegister;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the whole catalogue over every delivery stored so far and keeps the result as one computation that
 * records its catalogue (version, hash), its Kreis register (hash) and the deliveries it rests on: each indicator
 * at the Gebietsstand of its reference dates, compared with Land and Germany, ranked, its five-year change, and
 * the similar-Kreis typology.
 */
@Service
public class ComputationService {

    private final Deliveries deliveries;
    private final ObservationSource observations;
    private final ComputationStore indicators;
    private final KreisRegister register;
    private final Clock clock;

    public ComputationService(
            Deliveries deliveries,
            ObservationSource observations,
            ComputationStore indicators,
            KreisRegister register,
            Clock clock) {
        this.deliveries = deliveries;
        this.observations = observations;
        this.indicators = indicators;
        this.register = register;
        this.clock = clock;
    }

    /** The outcome of one computation: its id and how many values each indicator got. */
    public record Summary(
            long computationId, String catalogueVersion, Map<String, Integer> valuesPerIndicator, int typologyKreise) {}

    /** What a computation rests on: the stored deliveries (their contents' hashes), the catalogue, the register. */
    public record Basis(String deliveriesSha256, String catalogueSha256, String registerSha256) {}

    /** The basis a computation made now would rest on. */
    /** The current cells of a table as of these deliveries (newest delivery per cell), every variable. */
    public java.util.List<StoredObservation> observations(String table, java.util.Collection<Long> deliveryIds) {
        return observations.current(table, java.util.List.of(), deliveryIds);
    }

    public Basis basis(Path catalogueFile) {
        IndicatorCatalogue catalogue = CatalogueLoader.load(catalogueFile);
        java.security.MessageDigest digest = Sha256.digest();
        deliveries.all().stream()
                .map(Delivery::sha256)
                .sorted()
                .forEach(h -> digest.update(h.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new Basis(Sha256.hex(digest), catalogue.sha256(), register.version());
    }

    /**
     * The latest computation, when it rests on every stored delivery, this catalogue and this register; empty when
     * its values are out of date and a new computation is due.
     */
    public Optional<Long> current(Path catalogueFile) {
        IndicatorCatalogue catalogue = CatalogueLoader.load(catalogueFile);
        return indicators
                .latestComputation()
                .filter(c -> c.catalogueSha256().equals(catalogue.sha256()))
                .filter(c -> c.registerSha256().equals(register.version()))
                .filter(c -> indicators
                        .deliveriesOf(c.id())
                        .equals(deliveries.all().stream().map(Delivery::id).toList()))
                .map(ComputationStore.Computation::id);
    }

    /** Whether the latest computation is {@link #current}. */
    public boolean isCurrent(Path catalogueFile) {
        return current(catalogueFile).isPresent();
    }

    /**
     * Population per region and year ({@code ags|year}) from the table the catalogue names for it
     * ({@code gebietsstand: population:}), the weight for converting values without a denominator to another
     * Gebietsstand: as the computation kept it, or for a computation made before it was kept, read from the
     * observations it rests on.
     */
    public Map<String, BigDecimal> populationWeights(IndicatorCatalogue catalogue, long computationId) {
        Optional<Map<String, BigDecimal>> kept = indicators.population(computationId);
        if (kept.isPresent()) {
            return kept.get();
        }
        Map<String, BigDecimal> weights = new HashMap<>();
        InputSpec population = catalogue.population();
        observations
                .current(population.table(), population.exactPaths(), indicators.deliveriesOf(computationId))
                .forEach(o -> o.cell()
                        .number()
                        .ifPresent(n -> weights.put(
                                o.regionCode() + "|" + o.referenceDate().getYear(), n)));
        return weights;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Summary compute(Path catalogueFile) {
        IndicatorCatalogue catalogue = CatalogueLoader.load(catalogueFile);
        List<Long> deliveryIds = deliveries.all().stream().map(Delivery::id).toList();
        long id = indicators.openComputation(
                LocalDateTime.now(clock), catalogue.version(), catalogue.sha256(), register.version(), deliveryIds);
        Map<String, List<InputPeriod>> inputPeriods = new LinkedHashMap<>();
        Map<String, BigDecimal> population = new HashMap<>();
        Map<String, List<IndicatorValue>> computed = computeAll(catalogue, deliveryIds, inputPeriods, population);
        TypologyResult typology = typology(catalogue, computed);
        Map<String, Integer> counts = new LinkedHashMap<>();
        computed.forEach((indicator, values) -> {
            List<IndicatorValue> withCluster = values.stream()
                    .map(v -> v.with(v.comparison()
                            .withCluster(
                                    Optional.ofNullable(typology.clusterOf().get(v.regionCode())))))
                    .toList();
            indicators.store(id, withCluster);
            counts.put(indicator, values.size());
        });
        indicators.storeTypology(id, typology);
        indicators.storeInputPeriods(id, inputPeriods);
        indicators.storePopulation(id, population);
        return new Summary(id, catalogue.version(), counts, typology.clusterOf().size());
    }

    /**
     * Every indicator with its comparisons, the kind of period each of its inputs had, and the population per
     * region and year the Gebietsstand conversions weigh with ({@code ags|year}). In one pass: the cells
     * of every table the catalogue uses (the paths its inputs name, or all of them where an input has patterns)
     * stream past once, each is added to the running sums of the inputs that select it, and no cell is held.
     */
    Map<String, List<IndicatorValue>> computeAll(
            IndicatorCatalogue catalogue,
            List<Long> deliveryIds,
            Map<String, List<InputPeriod>> inputPeriods,
            Map<String, BigDecimal> population) {
        Map<String, java.util.Set<String>> pathsOfTable = new LinkedHashMap<>();
        java.util.Set<String> everyPath = new java.util.HashSet<>();
        Map<InputSpec, InputCells> cellsOf = new LinkedHashMap<>();
        Map<String, List<InputCells>> inputsOfTable = new HashMap<>();
        List<InputSpec> every = new ArrayList<>();
        catalogue.indicators().forEach(indicator -> every.addAll(indicator.inputs()));
        every.add(catalogue.population());
        for (InputSpec input : every) {
            pathsOfTable
                    .computeIfAbsent(input.table(), t -> new java.util.TreeSet<>())
                    .addAll(input.exactPaths());
            if (input.exactPaths().isEmpty()) {
                everyPath.add(input.table());
            }
            cellsOf.computeIfAbsent(input, i -> {
                InputCells cells = new InputCells(i);
                inputsOfTable.computeIfAbsent(i.table(), t -> new ArrayList<>()).add(cells);
                return cells;
            });
        }
        everyPath.forEach(table -> pathsOfTable.put(table, java.util.Set.of()));
        // the inputs a path of a table feeds, worked out once per path
        Map<String, Map<String, List<InputCells>>> feeds = new HashMap<>();
        observations.eachCurrent(pathsOfTable, deliveryIds, o -> {
            List<InputCells> inputs = feeds.computeIfAbsent(o.tableCode(), t -> new HashMap<>())
                    .computeIfAbsent(
                            o.variablePath(),
                            path -> inputsOfTable.getOrDefault(o.tableCode(), List.of()).stream()
                                    .filter(c -> c.input().selects(path))
                                    .toList());
            for (InputCells cells : inputs) {
                cells.add(o);
            }
        });
        cellsOf.get(catalogue.population())
                .sums()
                .forEach((key, cell) ->
                        cell.number().ifPresent(n -> population.put(key.region() + "|" + key.year(), n)));
        IndicatorCalculator calculator = new IndicatorCalculator(register);
        Map<String, List<IndicatorValue>> computed = new LinkedHashMap<>();
        for (IndicatorDefinition indicator : catalogue.indicators()) {
            Map<String, InputCells> inputs = new LinkedHashMap<>();
            indicator.inputs().forEach(input -> inputs.put(input.name(), cellsOf.get(input)));
            List<IndicatorValue> values = calculator.compute(indicator, inputs);
            computed.put(indicator.id(), Comparisons.compare(indicator, values, register));
            List<InputPeriod> periods = new ArrayList<>();
            for (InputSpec input : indicator.inputs()) {
                cellsOf.get(input).period().ifPresent(periods::add);
            }
            inputPeriods.put(indicator.id(), List.copyOf(periods));
        }
        return computed;
    }

    /**
     * The similar-Kreis typology of the Kreise that exist at the end of the typology year, each indicator taken at
     * its latest year up to then (the tables end in different years).
     */
    TypologyResult typology(IndicatorCatalogue catalogue, Map<String, List<IndicatorValue>> computed) {
        IndicatorCatalogue.TypologyDefinition definition = catalogue.typology();
        LocalDate asOf = LocalDate.of(definition.year(), 12, 31);
        // each indicator's values by region, read once instead of once per Kreis
        Map<String, Map<String, List<IndicatorValue>>> byRegion = new HashMap<>();
        for (String id : definition.indicators()) {
            Map<String, List<IndicatorValue>> ofIndicator = new HashMap<>();
            for (IndicatorValue v : computed.getOrDefault(id, List.of())) {
                ofIndicator
                        .computeIfAbsent(v.regionCode(), r -> new ArrayList<>())
                        .add(v);
            }
            byRegion.put(id, ofIndicator);
        }
        List<TypologyInput> inputs = new ArrayList<>();
        for (Kreis kreis : register.kreiseOn(asOf)) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (String id : definition.indicators()) {
                byRegion.get(id).getOrDefault(kreis.ags(), List.of()).stream()
                        .filter(v -> v.year() <= definition.year())
                        .filter(v -> v.value().isPresent())
                        .max(Comparator.comparing(IndicatorValue::referenceDate))
                        .ifPresent(v -> values.put(id, v.value().get()));
            }
            inputs.add(new TypologyInput(kreis.ags(), kreis.kind() == KreisKind.KREISFREIE_STADT, values));
        }
        return new Typology(catalogue.typologySpec()).compute(inputs);
    }
}
