package de.integrationsmonitor.validate;

import java.util.List;

/** How many findings of each severity a delivery got. */
public record FindingCounts(long errors, long warnings, long infos) {

    public static FindingCounts of(List<Finding> findings) {
        return new FindingCounts(
                count(findings, Severity.ERROR), count(findings, Severity.WARNING), count(findings, Severity.INFO));
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
