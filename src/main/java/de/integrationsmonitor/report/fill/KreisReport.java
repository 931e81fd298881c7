package de.integrationsmonitor.report.fill;

import de.integrationsmonitor.goal.Assessment;
import de.integrationsmonitor.goal.MeasureStatus;
import de.integrationsmonitor.indicator.Direction;
import de.integrationsmonitor.report.edition.AuthorTexts;
import de.integrationsmonitor.report.map.LandGeometry;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one Kreis PDF of an edition shows; the renderer formats it, the template lays it out.
 *
 * @param reportVersionId identifies this report version (edition, computation, inputs), printed in the colophon
 * @param editionTitle    e.g. "Integrationsbericht 2016"
 * @param periodFrom      first year of the period the report covers
 * @param periodTo        last year (the report year)
 * @param ags             Amtlicher Gemeindeschlüssel of the Kreis, e.g. "15001"
 * @param kreisName       name as printed, e.g. "Dessau-Roßlau, kreisfreie Stadt"
 * @param kindLabel       "kreisfreie Stadt" or "Landkreis"
 * @param landName        the Land, e.g. "Sachsen-Anhalt"
 * @param referenceDate   the latest Stichtag shown
 * @param gebietsstand    the Gebietsstand the time series are shown at, as printed, e.g. "31.12.2016"
 * @param dataStatus      per delivery used: table code, file and the office's Stand
 * @param atAGlance       "Auf einen Blick": one row per indicator, in Handlungsfeld order
 * @param sections        one section per Handlungsfeld with the yearly series of its indicators
 * @param similar         the Kreis's cluster of similar Kreise
 * @param findings        validation findings that touch this Kreis, as printed
 * @param gebietsstandNotes how values of years before a reform were rebuilt, as printed
 * @param methods         each indicator's definition from the catalogue
 * @param tableCodes      GENESIS table codes the figures come from, for the source line
 * @param inputsSha256    SHA-256 over the deliveries, catalogue, register and edition the report rests on
 * @param synthetic       true when the figures are made-up sample data, which the PDF then says
 * @param introduction    the authors' introduction: the edition's, then the Kreis's (empty when they wrote none)
 * @param geometry        the Kreise of the Kreis's Land at the Gebietsstand, for the maps; empty for no maps
 */
public record KreisReport(
        String reportVersionId,
        String editionTitle,
        int periodFrom,
        int periodTo,
        String ags,
        String kreisName,
        String kindLabel,
        String landName,
        LocalDate referenceDate,
        String gebietsstand,
        List<DeliveryStatus> dataStatus,
        List<GlanceRow> atAGlance,
        List<Section> sections,
        SimilarKreise similar,
        List<String> findings,
        List<String> gebietsstandNotes,
        List<Method> methods,
        List<String> tableCodes,
        String inputsSha256,
        boolean synthetic,
        List<AuthorTexts.Block> introduction,
        java.util.Optional<LandGeometry> geometry) {

    public KreisReport {
        Objects.requireNonNull(ags, "ags");
        Objects.requireNonNull(kreisName, "kreisName");
        Objects.requireNonNull(referenceDate, "referenceDate");
        dataStatus = List.copyOf(dataStatus);
        atAGlance = List.copyOf(atAGlance);
        sections = List.copyOf(sections);
        findings = List.copyOf(findings);
        gebietsstandNotes = List.copyOf(gebietsstandNotes);
        methods = List.copyOf(methods);
        tableCodes = List.copyOf(tableCodes);
        introduction = List.copyOf(introduction);
        Objects.requireNonNull(geometry, "geometry");
    }

    /** A report without the authors' words. */
    public KreisReport(
            String reportVersionId,
            String editionTitle,
            int periodFrom,
            int periodTo,
            String ags,
            String kreisName,
            String kindLabel,
            String landName,
            LocalDate referenceDate,
            String gebietsstand,
            List<DeliveryStatus> dataStatus,
            List<GlanceRow> atAGlance,
            List<Section> sections,
            SimilarKreise similar,
            List<String> findings,
            List<String> gebietsstandNotes,
            List<Method> methods,
            List<String> tableCodes,
            String inputsSha256,
            boolean synthetic) {
        this(
                reportVersionId,
                editionTitle,
                periodFrom,
                periodTo,
                ags,
                kreisName,
                kindLabel,
                landName,
                referenceDate,
                gebietsstand,
                dataStatus,
                atAGlance,
                sections,
                similar,
                findings,
                gebietsstandNotes,
                methods,
                tableCodes,
                inputsSha256,
                synthetic,
                List.of(),
                java.util.Optional.empty());
    }

    /** The same report with other sections (the goals and measures added to them). */
    public KreisReport withSections(List<Section> sections) {
        return new KreisReport(
                reportVersionId,
                editionTitle,
                periodFrom,
                periodTo,
                ags,
                kreisName,
                kindLabel,
                landName,
                referenceDate,
                gebietsstand,
                dataStatus,
                atAGlance,
                sections,
                similar,
                findings,
                gebietsstandNotes,
                methods,
                tableCodes,
                inputsSha256,
                synthetic,
                introduction,
                geometry);
    }

    /** The Stand of one delivery used, e.g. "12411-03-03-4", "Stand 10.10.2017". */
    public record DeliveryStatus(String tableCode, String fileName, String stand) {}

    /**
     * One indicator "auf einen Blick": its latest value, five-year change, Land and Germany, rank in the Land, and
     * where the Kreis stands, direction-aware.
     *
     * @param rank     e.g. "3 von 14", empty when there is none
     * @param position "günstiger als das Land", "ungünstiger als das Land", "wie das Land", or "" for neutral
     *                 indicators and missing values
     */
    public record GlanceRow(
            String handlungsfeld,
            IndicatorRow row,
            int year,
            Figure change5y,
            String changeUnit,
            String rank,
            String position,
            boolean smallBase) {}

    /** One Handlungsfeld: the authors' assessment, and its indicators with their yearly values over the period. */
    public record Section(
            String handlungsfeld,
            List<Series> series,
            List<AuthorTexts.Block> assessment,
            List<GoalRow> goals,
            List<MeasureRow> measures) {
        public Section {
            series = List.copyOf(series);
            assessment = List.copyOf(assessment);
            goals = List.copyOf(goals);
            measures = List.copyOf(measures);
        }

        public Section(String handlungsfeld, List<Series> series, List<AuthorTexts.Block> assessment) {
            this(handlungsfeld, series, assessment, List.of(), List.of());
        }

        public Section(String handlungsfeld, List<Series> series) {
            this(handlungsfeld, series, List.of());
        }

        /** The section with the goals of its indicators and the measures of its Handlungsfeld. */
        public Section with(List<GoalRow> goals, List<MeasureRow> measures) {
            return new Section(handlungsfeld, series, assessment, goals, measures);
        }
    }

    /**
     * A goal of one of the section's indicators for the Kreis: baseline, latest value, target and the assessment
     * ({@link Assessment}); {@code label} is the indicator's label, as its series has it.
     */
    public record GoalRow(
            String label,
            String unit,
            int decimals,
            int baselineYear,
            Figure baseline,
            int latestYear,
            Figure latest,
            java.math.BigDecimal target,
            int targetYear,
            java.util.Optional<java.math.BigDecimal> corridor,
            Assessment.State state) {}

    /** A measure of the Handlungsfeld: its words as printed, its text as the authors' blocks. */
    public record MeasureRow(
            String id,
            String title,
            String traeger,
            String period,
            MeasureStatus status,
            List<String> indicators,
            List<AuthorTexts.Block> text) {
        public MeasureRow {
            indicators = List.copyOf(indicators);
            text = List.copyOf(text);
        }
    }

    /**
     * One indicator's yearly values, Kreis beside Land and Germany, for the line chart and the table; and, when the
     * edition maps the indicator, the values of every Kreis of the Land in {@code mapYear}.
     */
    public record Series(
            String label,
            String unit,
            int decimals,
            List<Year> years,
            List<LandValue> landValues,
            int mapYear,
            Direction direction) {
        public Series {
            years = List.copyOf(years);
            landValues = List.copyOf(landValues);
            Objects.requireNonNull(direction, "direction");
        }

        /** A series without a map. */
        public Series(String label, String unit, int decimals, List<Year> years) {
            this(label, unit, decimals, years, List.of(), 0, Direction.NEUTRAL);
        }
    }

    /** One Kreis of the Land with its value, for a map. */
    public record LandValue(String ags, String name, Figure value) {}

    /** One year of a series; {@code note} says when the Kreis's value was rebuilt from predecessors. */
    public record Year(int year, Figure kreis, Figure land, Figure germany, String note) {}

    /** The Kreis's cluster: what characterises it, its means beside the Kreis's values, the method. */
    public record SimilarKreise(
            int cluster,
            String groupLabel,
            int size,
            String description,
            List<IndicatorRow> comparison,
            String method) {
        public SimilarKreise {
            comparison = List.copyOf(comparison);
        }

        public static SimilarKreise none(String method) {
            return new SimilarKreise(
                    0, "", 0, "Für diesen Kreis liegen nicht alle Merkmale der Typisierung vor.", List.of(), method);
        }
    }

    /** One indicator's definition for the methods annex. */
    public record Method(String label, String unit, String handlungsfeld, String definition, List<String> sources) {
        public Method {
            sources = List.copyOf(sources);
        }
    }
}
