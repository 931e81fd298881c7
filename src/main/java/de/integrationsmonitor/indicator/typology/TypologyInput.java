package de.integrationsmonitor.indicator.typology;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Kreis as the typology sees it: its AGS, whether the caller counts it as urban, and its indicator values.
 *
 * <p>An indicator the Kreis has no value for is simply absent from {@code values} (a {@code null} value counts as
 * absent too); the typology then leaves the Kreis out and says why.
 */
public record TypologyInput(String ags, boolean urban, Map<String, BigDecimal> values) {

    public TypologyInput {
        Objects.requireNonNull(ags, "ags");
        Objects.requireNonNull(values, "values");
        // Map.copyOf rejects null values; a missing value is legitimate input, so drop it instead.
        Map<String, BigDecimal> present = new HashMap<>();
        values.forEach((id, value) -> {
            if (value != null) {
                present.put(id, value);
            }
        });
        values = Collections.unmodifiableMap(present);
    }
}
