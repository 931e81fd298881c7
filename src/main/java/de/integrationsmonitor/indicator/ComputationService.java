package de.integrationsmonitor.indicator;

import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.store.Delivery;
import de.integrationsmonitor.store.DeliveryRepository;
import de.integrationsmonitor.store.IndicatorRepository;
import de.integrationsmonitor.store.ObservationRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the whole catalogue over every delivery stored so far and keeps the result as one computation that
 * records its catalogue (version, hash), its Kreis register (hash) and the deliveries it rests on.
 */
@Service
public class ComputationService {

    private final DeliveryRepository deliveries;
    private final ObservationRepository observations;
    private final IndicatorRepository indicators;
    private final KreisRegister register;
    private final Clock clock;

    public ComputationService(DeliveryRepository deliveries, ObservationRepository observations,
                              IndicatorRepository indicators, KreisRegister register, Clock clock) {
        this.deliveries = deliveries;
        this.observations = observations;
        this.indicators = indicators;
        this.register = register;
        this.clock = clock;
    }

    /** The outcome of one computation: its id and how many values each indicator got. */
    public record Summary(long computationId, String catalogueVersion, Map<String, Integer> valuesPerIndicator) {
    }

    /**
     * Whether the latest computation rests on every stored delivery, this catalogue and this register; if not,
     * its values are out of date and a new computation is due.
     */
    public boolean isCurrent(Path catalogueFile) {
        IndicatorCatalogue catalogue = CatalogueLoader.load(catalogueFile);
        return indicators.latestComputation()
                .filter(c -> c.catalogueSha256().equals(catalogue.sha256()))
                .filter(c -> c.registerSha256().equals(register.version()))
                .filter(c -> indicators.deliveriesOf(c.id())
                        .equals(deliveries.all().stream().map(Delivery::id).toList()))
                .isPresent();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Summary compute(Path catalogueFile) {
        IndicatorCatalogue catalogue = CatalogueLoader.load(catalogueFile);
        List<Long> deliveryIds = deliveries.all().stream().map(Delivery::id).toList();
        long id = indicators.openComputation(LocalDateTime.now(clock), catalogue.version(), catalogue.sha256(),
                register.version(), deliveryIds);
        IndicatorCalculator calculator = new IndicatorCalculator(register);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (IndicatorDefinition indicator : catalogue.indicators()) {
            List<IndicatorValue> values = calculator.compute(indicator,
                    input -> observations.current(input.table(), input.variables(), deliveryIds));
            indicators.store(id, values);
            counts.put(indicator.id(), values.size());
        }
        return new Summary(id, catalogue.version(), counts);
    }
}
