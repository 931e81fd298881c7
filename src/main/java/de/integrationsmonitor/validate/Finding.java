package de.integrationsmonitor.validate;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What validation found in a delivery: which rule, how serious, where (file line, region, reference date) and a
 * message that names the cells involved.
 *
 * @param line the 1-based line of the file, 0 when the finding concerns several lines or the file as a whole
 */
public record Finding(
        String ruleId,
        Severity severity,
        long line,
        String regionCode,
        Optional<LocalDate> referenceDate,
        String message) {}
