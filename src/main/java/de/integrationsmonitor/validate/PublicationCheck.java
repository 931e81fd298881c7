package de.integrationsmonitor.validate;

import de.integrationsmonitor.observation.Marker;
import de.integrationsmonitor.observation.Observation;
import de.integrationsmonitor.region.RegionLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Spots a reference date that is {@code -} for every Kreis while Germany and the Länder have values: the offices
 * publish the Kreis level later. Those dashes mean "not yet published", never zero.
 */
public final class PublicationCheck {

    public static final String RULE = "kreis-level-not-yet-published";

    private final Map<LocalDate, int[]> counts = new TreeMap<>();

    /** Counts one stored observation: [Kreis cells, Kreis cells with '-', upper-level cells with a number]. */
    public void count(Observation o) {
        RegionLevel level = RegionLevel.of(o.regionCode()).orElse(null);
        int[] c = counts.computeIfAbsent(o.referenceDate(), d -> new int[3]);
        if (level == RegionLevel.KREIS) {
            c[0]++;
            if (!o.cell().hasNumber() && o.cell().marker().equals(Marker.NOTHING.symbol())) {
                c[1]++;
            }
        } else if ((level == RegionLevel.GERMANY || level == RegionLevel.LAND)
                && o.cell().hasNumber()) {
            c[2]++;
        }
    }

    /** The reference dates whose Kreis level is not yet published. */
    public List<LocalDate> unpublishedKreisLevel() {
        List<LocalDate> dates = new ArrayList<>();
        counts.forEach((date, c) -> {
            if (c[0] > 0 && c[1] == c[0] && c[2] > 0) {
                dates.add(date);
            }
        });
        return dates;
    }

    public List<Finding> findings() {
        return unpublishedKreisLevel().stream()
                .map(
                        date -> new Finding(
                                RULE,
                                Severity.INFO,
                                0,
                                "",
                                Optional.of(date),
                                "Kreis level of " + RegisterCheck.german(date) + " not yet published: every"
                                        + " Kreis cell is '-' while Germany and the Länder have values; these '-' are not zeros"))
                .toList();
    }
}
