package de.integrationsmonitor.disclosure;

import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.indicator.InputSpec;
import java.util.Map;
import java.util.Set;

/**
 * Which indicator values rest on a suppressed cell: a rate, share or difference whose input is suppressed is
 * suppressed itself. Conservative: a value is suppressed when any cell of its region and input year is suppressed in
 * a table it reads, whichever variable that cell holds.
 *
 * @param byTable per table with a rule: "AGS/YYYY" of every suppressed cell
 */
public record SuppressedInputs(Map<String, Set<String>> byTable) {

    public SuppressedInputs {
        byTable = Map.copyOf(byTable);
    }

    /** Whether the indicator's value for the region and reference year must be printed as {@code .}. */
    public boolean suppressed(IndicatorDefinition indicator, String region, int year) {
        for (InputSpec input : indicator.inputs()) {
            Set<String> cells = byTable.get(input.table());
            if (cells != null && cells.contains(region + "/" + (year + input.offsetYears()))) {
                return true;
            }
        }
        return false;
    }
}
