package de.integrationsmonitor.indicator;

import de.integrationsmonitor.indicator.expression.Expression;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One indicator of the catalogue: a formula over named inputs, with what a report needs to explain it.
 *
 * @param denominator        the input whose size decides reliability, if the indicator has one
 * @param minimumDenominator below this base the value is flagged as unreliable
 */
public record IndicatorDefinition(
        String id,
        String label,
        String unit,
        String handlungsfeld,
        Direction direction,
        List<InputSpec> inputs,
        Expression formula,
        Optional<String> denominator,
        Optional<BigDecimal> minimumDenominator,
        ChangeKind change,
        List<String> sources,
        String definition) {

    public InputSpec primaryInput() {
        return inputs.get(0);
    }
}
