package de.integrationsmonitor.datenquellen;

import de.integrationsmonitor.observation.PeriodKind;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to read one kind of file that no statistical office delivers in its GENESIS formats: a workbook of the Land
 * office, the Bundesagentur für Arbeit or the Kreis's own offices (jobs/datenquellen/*.yml, docs/eigene-daten.md).
 *
 * @param file          the YAML file it was read from, recorded with each delivery read through it
 * @param id            the table code the catalogue uses; always with a prefix ({@code eigen:}) no office code has
 * @param files         a glob over the file name in the inbox ({@code *5-1-3*.xlsx})
 * @param sheet         the sheet's name, or its 1-based position when {@link #sheetPosition} is set
 * @param headerRows    1-based rows whose labels, joined by " | ", name the value columns; empty: derived
 * @param unitRow       the row naming the unit of each column group, if any
 * @param firstDataRow  the first row of data; empty: the row after the header rows (a row of column numbers
 *                      below the header is passed over)
 * @param region        where and how a row names its region
 * @param period        where the period comes from and its kind
 * @param symbols       symbol in the file to the offices' symbol it means ({@code "*": "."})
 * @param unit          the unit of every value column when there is no unit row
 */
public record SourceDescription(
        Path file,
        String id,
        String title,
        String provider,
        String attribution,
        String licence,
        String files,
        String sheet,
        boolean sheetPosition,
        List<Integer> headerRows,
        Optional<Integer> unitRow,
        Optional<Integer> firstDataRow,
        Region region,
        PeriodSource period,
        Map<String, String> symbols,
        String unit) {

    /** The prefix every own table code carries; no GENESIS code contains a colon. */
    public static final String PREFIX = "eigen:";

    /** How a row gives its region. */
    public enum RegionMode {
        /** The Kreis code, 5 digits (or 8, the AGS of a Gemeinde: below the Kreis). */
        AGS("ags"),
        /** The code without the Land, 3 digits ({@code 101} for 03101), with the Land named in the description. */
        AGS_IN_LAND("ags-in-land"),
        /** Key and name in one cell: {@code 03101 Braunschweig, Stadt}. */
        KEY_AND_NAME("key-and-name"),
        /** The name alone, resolved with the Kreis register of the Land. */
        NAME("name");

        private final String label;

        RegionMode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param column     the column of the key (or of key and name, or of the name)
     * @param nameColumn a column with the name beside the key, quoted in messages; empty when there is none
     * @param land       the two-digit Land of {@code ags-in-land} and {@code name}
     */
    public record Region(RegionMode mode, int column, Optional<Integer> nameColumn, Optional<String> land) {}

    /** Where a row's period is: fixed for the file, in one cell, in a column, or over each column group. */
    public enum PeriodMode {
        FIXED,
        CELL,
        COLUMN,
        COLUMN_GROUPS
    }

    /**
     * @param value      the fixed period ({@code 2020}, {@code 30.06.2020}) or the cell ({@code B3})
     * @param column     the period column, or the header row holding the year over each column group
     * @param day        the day of a Stichtag given as a year only
     * @param corrections the year of a column group where the workbook prints a wrong one (first column → year)
     */
    public record PeriodSource(
            PeriodMode mode,
            PeriodKind kind,
            Optional<MonthDay> day,
            String value,
            int column,
            Map<Integer, Integer> corrections) {}

    /** Whether the description takes a file of this name. */
    public boolean takes(String fileName) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + files);
        return matcher.matches(Path.of(fileName));
    }

    /** The source line of provenance as printed: description and attribution. */
    public String citation() {
        return provider + " (" + attribution + "; " + licence + ")";
    }
}
