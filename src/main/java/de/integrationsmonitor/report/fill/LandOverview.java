package de.integrationsmonitor.report.fill;

import de.integrationsmonitor.indicator.Direction;
import de.integrationsmonitor.report.map.LandGeometry;
import java.util.List;
import java.util.Objects;

/**
 * Everything one Land overview PDF shows: per indicator the Land, Germany and every Kreis of the Land,
 * ranked. The renderer formats it, the template lays it out.
 *
 * @param editionTitle    title of the report edition, e.g. "Integrationsmonitoring der Kreise 2023"
 * @param landCode        two-digit Land key, e.g. "15"
 * @param landName        the Land, e.g. "Sachsen-Anhalt"
 * @param referenceYear   year the figures refer to
 * @param periodFrom      first year of the report period (five-year comparison)
 * @param periodTo        last year of the report period
 * @param indicators      one ranking per indicator, in print order
 * @param tableCodes      GENESIS table codes the figures come from, for the source line
 * @param dataStatus      Datenstand (Stand: of the deliveries), already as printed, e.g. "14.12.2024"
 * @param reportVersionId id of the report version (edition run) that produced the figures, for the colophon
 * @param inputsSha256    SHA-256 over the inputs of that run, so an auditor can match the PDF to its data
 * @param synthetic       true when the figures are made-up sample data, which the PDF then says
 * @param geometry        the Land's Kreise at the edition's Gebietsstand, for the maps; empty for no maps
 */
public record LandOverview(
        String editionTitle,
        String landCode,
        String landName,
        int referenceYear,
        int periodFrom,
        int periodTo,
        List<IndicatorRanking> indicators,
        List<String> tableCodes,
        String dataStatus,
        String reportVersionId,
        String inputsSha256,
        boolean synthetic,
        java.util.Optional<LandGeometry> geometry) {

    public LandOverview {
        Objects.requireNonNull(editionTitle, "editionTitle");
        Objects.requireNonNull(landCode, "landCode");
        Objects.requireNonNull(landName, "landName");
        if (periodFrom > periodTo) {
            throw new IllegalArgumentException("report period " + periodFrom + "–" + periodTo + " runs backwards");
        }
        indicators = List.copyOf(indicators);
        tableCodes = List.copyOf(tableCodes);
        Objects.requireNonNull(dataStatus, "dataStatus");
        Objects.requireNonNull(reportVersionId, "reportVersionId");
        Objects.requireNonNull(inputsSha256, "inputsSha256");
        Objects.requireNonNull(geometry, "geometry");
    }

    /** An overview without maps. */
    public LandOverview(
            String editionTitle,
            String landCode,
            String landName,
            int referenceYear,
            int periodFrom,
            int periodTo,
            List<IndicatorRanking> indicators,
            List<String> tableCodes,
            String dataStatus,
            String reportVersionId,
            String inputsSha256,
            boolean synthetic) {
        this(
                editionTitle,
                landCode,
                landName,
                referenceYear,
                periodFrom,
                periodTo,
                indicators,
                tableCodes,
                dataStatus,
                reportVersionId,
                inputsSha256,
                synthetic,
                java.util.Optional.empty());
    }

    /**
     * One indicator across the Land: its Land and Germany values and the Kreise, best first.
     *
     * @param handlungsfeld field of action, e.g. "Arbeit"
     * @param label         German label as printed, e.g. "Beschäftigungsquote Ausländer"
     * @param unit          unit as printed, e.g. "%" or "je 1.000 Einwohner"
     * @param decimals      decimal places shown (display rounding only)
     * @param direction     which way is favourable, as printed, e.g. "höher ist günstiger"
     * @param landValue     the Land as a whole
     * @param germanyValue  Germany as a whole
     * @param kreise        every Kreis of the Land, already sorted best first by the caller
     * @param orientation   the indicator's direction, which the map's colours follow
     */
    public record IndicatorRanking(
            String handlungsfeld,
            String label,
            String unit,
            int decimals,
            String direction,
            Figure landValue,
            Figure germanyValue,
            List<RankedKreis> kreise,
            Direction orientation) {

        public IndicatorRanking {
            Objects.requireNonNull(handlungsfeld, "handlungsfeld");
            Objects.requireNonNull(label, "label");
            unit = unit == null ? "" : unit.strip();
            if (decimals < 0 || decimals > 6) {
                throw new IllegalArgumentException("decimals must be 0..6, was " + decimals);
            }
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(landValue, "landValue");
            Objects.requireNonNull(germanyValue, "germanyValue");
            kreise = List.copyOf(kreise);
            Objects.requireNonNull(orientation, "orientation");
        }

        /** A ranking without a direction for the map's colours (neutral). */
        public IndicatorRanking(
                String handlungsfeld,
                String label,
                String unit,
                int decimals,
                String direction,
                Figure landValue,
                Figure germanyValue,
                List<RankedKreis> kreise) {
            this(handlungsfeld, label, unit, decimals, direction, landValue, germanyValue, kreise, Direction.NEUTRAL);
        }
    }

    /**
     * One Kreis in a ranking.
     *
     * @param rank      1 for the most favourable value; ties share a rank; 0 when the Kreis has no value to rank
     * @param ags       Amtlicher Gemeindeschlüssel of the Kreis, e.g. "15001"
     * @param name      name as printed
     * @param value     the Kreis's value, or the office symbol in its place
     * @param smallBase true when the value rests on a small base (DOMAIN.md §5) and is flagged, not hidden
     */
    public record RankedKreis(int rank, String ags, String name, Figure value, boolean smallBase) {

        public RankedKreis {
            if (rank < 0) {
                throw new IllegalArgumentException("rank must not be negative, was " + rank);
            }
            Objects.requireNonNull(ags, "ags");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (rank == 0 && value.isPresent()) {
                throw new IllegalArgumentException("Kreis " + ags + " has a value but no rank");
            }
        }
    }
}
