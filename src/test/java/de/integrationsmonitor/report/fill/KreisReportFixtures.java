package de.integrationsmonitor.report.fill;

import de.integrationsmonitor.indicator.Direction;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.report.edition.AuthorTexts;
import de.integrationsmonitor.report.map.LandGeometry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A realistic Kreis report for tests: 15001 Dessau-Roßlau (Sachsen-Anhalt), three Handlungsfelder, series
 * 2011–2015 with a secret year and a rebuilt year, a small-base flag, a cluster and two findings.
 * Figures are made up (synthetic), plausible in size.
 */
public final class KreisReportFixtures {

    public static final String VERSION_ID = "ib2016-15001-r3-7c41e09a";
    public static final String INPUTS_SHA256 = "9f2c4d1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f10";
    public static final String REBUILT_NOTE = "aus Vorgängergemeinden auf Gebietsstand 31.12.2016 umgerechnet";

    private KreisReportFixtures() {}

    public static KreisReport dessauRosslau() {
        return new KreisReport(
                VERSION_ID,
                "Integrationsbericht 2016",
                2011,
                2015,
                "15001",
                "Dessau-Roßlau, kreisfreie Stadt",
                "kreisfreie Stadt",
                "Sachsen-Anhalt",
                LocalDate.of(2015, 12, 31),
                "31.12.2016",
                List.of(
                        new KreisReport.DeliveryStatus("12411-03-03-4", "12411-03-03-4.csv", "Stand 10.10.2017"),
                        new KreisReport.DeliveryStatus("12411-01-01-4", "12411-01-01-4.csv", "Stand 14.12.2017"),
                        new KreisReport.DeliveryStatus("12511-01-01-4", "12511-01-01-4.csv", "Stand 02.06.2017"),
                        new KreisReport.DeliveryStatus("13111-01-03-4", "13111-01-03-4.csv", "Stand 21.04.2017")),
                List.of(
                        new KreisReport.GlanceRow(
                                "Bevölkerung",
                                new IndicatorRow(
                                        "Ausländeranteil",
                                        "%",
                                        1,
                                        Figure.of(d("4.098")),
                                        Figure.of(d("3.52")),
                                        Figure.of(d("11.16"))),
                                2015,
                                Figure.of(d("1.93")),
                                "Pp.",
                                "3 von 14",
                                "",
                                false),
                        new KreisReport.GlanceRow(
                                "Bevölkerung",
                                new IndicatorRow(
                                        "Einwohner",
                                        "Anzahl",
                                        0,
                                        Figure.of(d("82919")),
                                        Figure.of(d("2245470")),
                                        Figure.of(d("82175684"))),
                                2015,
                                Figure.of(d("-3.41")),
                                "%",
                                "9 von 14",
                                "",
                                false),
                        new KreisReport.GlanceRow(
                                "Rechtlicher Status",
                                new IndicatorRow(
                                        "Einbürgerungen je 1.000 Ausländer",
                                        "je 1.000 Ausländer",
                                        1,
                                        Figure.of(d("6.25")),
                                        Figure.of(d("8.14")),
                                        Figure.of(d("13.05"))),
                                2015,
                                Figure.missing("."),
                                "Punkte",
                                "11 von 14",
                                "ungünstiger als das Land",
                                true),
                        new KreisReport.GlanceRow(
                                "Arbeit",
                                new IndicatorRow(
                                        "Beschäftigungsquote Ausländer",
                                        "%",
                                        1,
                                        Figure.of(d("28.35")),
                                        Figure.of(d("24.1")),
                                        Figure.of(d("36.7"))),
                                2015,
                                Figure.of(d("5.05")),
                                "Pp.",
                                "2 von 14",
                                "günstiger als das Land",
                                false)),
                List.of(
                        new KreisReport.Section(
                                "Bevölkerung",
                                List.of(
                                        new KreisReport.Series(
                                                "Ausländeranteil",
                                                "%",
                                                1,
                                                List.of(
                                                        year(2011, Figure.of(d("2.17")), "1.9", "8.5", REBUILT_NOTE),
                                                        year(2012, Figure.of(d("2.31")), "2.0", "8.9", ""),
                                                        year(2013, Figure.of(d("2.64")), "2.3", "9.5", ""),
                                                        year(2014, Figure.of(d("3.12")), "2.7", "10.1", ""),
                                                        year(2015, Figure.of(d("4.098")), "3.52", "11.16", "")),
                                                sachsenAnhaltShares(),
                                                2015,
                                                Direction.NEUTRAL),
                                        new KreisReport.Series(
                                                "Ausländeranteil unter 18",
                                                "%",
                                                1,
                                                List.of(
                                                        year(2011, Figure.of(d("2.64")), "2.2", "8.1", REBUILT_NOTE),
                                                        year(2012, Figure.of(d("2.9")), "2.4", "8.4", ""),
                                                        year(2013, Figure.of(d("3.41")), "2.8", "9.0", ""),
                                                        year(2014, Figure.of(d("4.35")), "3.4", "9.8", ""),
                                                        year(2015, Figure.of(d("6.12")), "4.9", "11.3", ""))))),
                        new KreisReport.Section(
                                "Rechtlicher Status",
                                List.of(new KreisReport.Series(
                                        "Einbürgerungen je 1.000 Ausländer",
                                        "je 1.000 Ausländer",
                                        1,
                                        List.of(
                                                year(2011, Figure.of(d("7.9")), "9.2", "14.0", REBUILT_NOTE),
                                                year(2012, Figure.of(d("8.4")), "9.0", "14.5", ""),
                                                year(2013, Figure.missing("."), "8.8", "14.2", ""),
                                                year(2014, Figure.marked(d("6.9"), "()"), "8.5", "13.6", ""),
                                                year(2015, Figure.of(d("6.25")), "8.14", "13.05", ""))))),
                        new KreisReport.Section(
                                "Arbeit",
                                List.of(new KreisReport.Series(
                                        "Beschäftigungsquote Ausländer",
                                        "%",
                                        1,
                                        List.of(
                                                year(2011, Figure.of(d("23.3")), "19.8", "31.9", REBUILT_NOTE),
                                                year(2012, Figure.of(d("24.0")), "20.6", "33.0", ""),
                                                year(2013, Figure.of(d("25.2")), "21.9", "34.1", ""),
                                                year(2014, Figure.of(d("26.8")), "23.0", "35.4", ""),
                                                year(2015, Figure.marked(d("28.35"), "p"), "24.1", "36.7", "")))))),
                new KreisReport.SimilarKreise(
                        3,
                        "städtisch, geringere Teilhabechancen",
                        49,
                        "Kreisfreie Städte und verdichtete Kreise mit hoher SGB-II-Quote, vielen Schulabgängern "
                                + "ohne Abschluss und niedrigem verfügbarem Einkommen.",
                        List.of(
                                new IndicatorRow(
                                        "SGB-II-Quote unter 65",
                                        "%",
                                        1,
                                        Figure.of(d("12.31")),
                                        Figure.of(d("9.4")),
                                        Figure.of(d("7.1"))),
                                new IndicatorRow(
                                        "Schulabgänger ohne Abschluss",
                                        "%",
                                        1,
                                        Figure.of(d("9.08")),
                                        Figure.of(d("8.1")),
                                        Figure.of(d("5.9"))),
                                new IndicatorRow(
                                        "verfügbares Einkommen je Einwohner",
                                        "€",
                                        0,
                                        Figure.of(d("19876")),
                                        Figure.of(d("20789")),
                                        Figure.of(d("22899")))),
                        "Typisierung nach sieben Merkmalen (Berlin-Institut, „Alle sollen teilhaben“, 2023): "
                                + "z-standardisiert, k-Means mit festem Startwert, Cluster stabil nummeriert."),
                List.of(
                        "Einbürgerungen 2013: Zahl der Einbürgerungen geheim gehalten (.); Quote nicht berechnet.",
                        "Beschäftigte 2015: vorläufige Zahl (p) der Bundesagentur für Arbeit."),
                List.of(
                        "Dessau-Roßlau: Werte vor 2012 aus den Vorgängergemeinden umgerechnet (Gebietsstand 31.12.2016)."),
                List.of(
                        new KreisReport.Method(
                                "Ausländeranteil",
                                "%",
                                "Bevölkerung",
                                "Ausländerinnen und Ausländer je 100 Einwohner am 31.12.",
                                List.of("12411-03-03-4")),
                        new KreisReport.Method(
                                "Einwohner",
                                "Anzahl",
                                "Bevölkerung",
                                "Bevölkerung am 31.12. (Fortschreibung auf Basis Zensus 2011).",
                                List.of("12411-01-01-4")),
                        new KreisReport.Method(
                                "Einbürgerungen je 1.000 Ausländer",
                                "je 1.000 Ausländer",
                                "Rechtlicher Status",
                                "Einbürgerungen im Jahr je 1.000 Ausländer am 31.12. des Vorjahres.",
                                List.of("12511-01-01-4", "12411-03-03-4")),
                        new KreisReport.Method(
                                "Beschäftigungsquote Ausländer",
                                "%",
                                "Arbeit",
                                "Sozialversicherungspflichtig beschäftigte Ausländer (Arbeitsort) je 100 Ausländer "
                                        + "von 15 bis unter 65 Jahren (Wohnort).",
                                List.of("13111-01-03-4", "12411-03-03-4"))),
                List.of("12411-03-03-4", "12411-01-01-4", "12511-01-01-4", "13111-01-03-4", "12411-03-03-4"),
                INPUTS_SHA256,
                true,
                List.of(),
                LandGeometry.of(KreisRegister.loadDefault(), "15", LocalDate.of(2016, 12, 31)));
    }

    /** The Ausländeranteil 2015 of the 14 Kreise of Sachsen-Anhalt (invented), Harz secret. */
    static List<KreisReport.LandValue> sachsenAnhaltShares() {
        String[][] values = {
            {"15001", "Dessau-Roßlau, kreisfreie Stadt", "4.098"},
            {"15002", "Halle (Saale), kreisfreie Stadt", "6.1"},
            {"15003", "Magdeburg, kreisfreie Stadt", "5.9"},
            {"15081", "Altmarkkreis Salzwedel", "2.1"},
            {"15082", "Anhalt-Bitterfeld", "2.6"},
            {"15083", "Börde", "2.4"},
            {"15084", "Burgenlandkreis", "2.9"},
            {"15085", "Harz", null},
            {"15086", "Jerichower Land", "2.2"},
            {"15087", "Mansfeld-Südharz", "2.3"},
            {"15088", "Saalekreis", "2.8"},
            {"15089", "Salzlandkreis", "3.0"},
            {"15090", "Stendal", "2.5"},
            {"15091", "Wittenberg", "2.7"}
        };
        List<KreisReport.LandValue> shares = new java.util.ArrayList<>();
        for (String[] v : values) {
            shares.add(new KreisReport.LandValue(v[0], v[1], v[2] == null ? Figure.missing(".") : Figure.of(d(v[2]))));
        }
        return shares;
    }

    public static final String ASSESSMENT = "Der Ausländeranteil ist deutlich gestiegen.";

    /** Dessau-Roßlau with the authors' words: an introduction, and an assessment of the Bevölkerung with a list. */
    public static KreisReport dessauRosslauWithTexts() {
        KreisReport r = dessauRosslau();
        List<KreisReport.Section> sections = new java.util.ArrayList<>();
        for (KreisReport.Section section : r.sections()) {
            sections.add(
                    section.handlungsfeld().equals("Bevölkerung")
                            ? new KreisReport.Section(
                                    section.handlungsfeld(),
                                    section.series(),
                                    List.of(
                                            new AuthorTexts.Block(
                                                    "p",
                                                    "",
                                                    "Der Ausländeranteil ist <style isItalic=\"true\">"
                                                            + "deutlich</style> gestiegen."),
                                            new AuthorTexts.Block("li", "1.", "Erstberatung ausbauen,"),
                                            new AuthorTexts.Block("li", "2.", "Kita-Plätze planen.")))
                            : section);
        }
        return new KreisReport(
                r.reportVersionId(),
                r.editionTitle(),
                r.periodFrom(),
                r.periodTo(),
                r.ags(),
                r.kreisName(),
                r.kindLabel(),
                r.landName(),
                r.referenceDate(),
                r.gebietsstand(),
                r.dataStatus(),
                r.atAGlance(),
                sections,
                r.similar(),
                r.findings(),
                r.gebietsstandNotes(),
                r.methods(),
                r.tableCodes(),
                r.inputsSha256(),
                r.synthetic(),
                List.of(new AuthorTexts.Block("p", "", "Dessau-Roßlau ist eine kreisfreie Stadt.")),
                r.geometry());
    }

    private static KreisReport.Year year(int year, Figure kreis, String land, String germany, String note) {
        return new KreisReport.Year(year, kreis, Figure.of(d(land)), Figure.of(d(germany)), note);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
