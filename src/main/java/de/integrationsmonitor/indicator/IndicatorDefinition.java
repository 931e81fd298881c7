package de.integrationsmonitor.indicator;

import java.math.BigDecimal;
import java.util.List;

/** One indicator of the catalogue: numerator / denominator × scale, with what a report needs to explain it. */
public record IndicatorDefinition(String id, String label, String unit, String handlungsfeld, Direction direction,
                                  BigDecimal scale, InputSpec numerator, InputSpec denominator,
                                  BigDecimal minimumDenominator, List<String> sources, String definition) {
}
