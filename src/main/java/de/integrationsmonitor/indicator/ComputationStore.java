package de.integrationsmonitor.indicator;

import de.integrationsmonitor.indicator.typology.TypologyResult;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where computations of the catalogue are kept: what each rests on, its values and its typology. */
public interface ComputationStore {

    long openComputation(
            LocalDateTime at,
            String catalogueVersion,
            String catalogueSha256,
            String registerSha256,
            Collection<Long> deliveryIds);

    void store(long computationId, List<IndicatorValue> values);

    void storeTypology(long computationId, TypologyResult typology);

    /** The kind of period each indicator's inputs had, in the order of the catalogue's inputs. */
    void storeInputPeriods(long computationId, Map<String, List<InputPeriod>> periodsByIndicator);

    Map<String, List<InputPeriod>> inputPeriods(long computationId);

    /** The population per region and year ({@code ags|year}) the computation weighed Gebietsstand conversions with. */
    void storePopulation(long computationId, Map<String, BigDecimal> population);

    /** What {@link #storePopulation} kept (possibly nothing); empty for a computation made before it was kept. */
    Optional<Map<String, BigDecimal>> population(long computationId);

    List<StoredCluster> typology(long computationId);

    Optional<Computation> latestComputation();

    Optional<Computation> computation(long computationId);

    List<Long> deliveriesOf(long computationId);

    List<IndicatorValue> values(long computationId);

    /** A stored computation. */
    record Computation(
            long id,
            LocalDateTime computedAt,
            String catalogueVersion,
            String catalogueSha256,
            String registerSha256) {}

    /** A cluster of a computation's typology, with its indicator means. */
    record StoredCluster(int cluster, boolean urban, int size, String description, Map<String, BigDecimal> means) {}
}
