package de.integrationsmonitor.ingest.workbook;

import de.integrationsmonitor.testing.WorkbookWriter;

/** Workbooks in the shapes of the real ones of ../shared, with invented figures. */
final class OwnDataShapes {

    private OwnDataShapes() {}

    /**
     * As the Land office's 5-1-3: title rows, a five-row header (year over each column group, two rows of labels,
     * units, column numbers), merged cells, 3-digit keys with the names beside them, aggregate rows and the parts of
     * the Region Hannover, the BA's secrecy {@code *} and {@code x}, a footnote below.
     */
    static WorkbookWriter columnGroups() {
        WorkbookWriter w = new WorkbookWriter()
                .sheet("2020_5-1-3_Download")
                .cell(
                        "B1",
                        "Tabelle 5-1-3: Sozialversicherungspflichtig beschäftigte Ausländerinnen und Ausländer"
                                + " (synthetische Testdaten)")
                .cell("B4", "AGS")
                .merge("B4:B7")
                .cell("C4", "Kreisfreie Stadt\nLandkreis\nStatistische Region\nLand")
                .merge("C4:C7")
                .cell("D4", 2020)
                .merge("D4:H4")
                .cell("I4", 2019)
                .merge("I4:M4");
        for (String first : new String[] {"D", "I"}) {
            int c = org.apache.poi.ss.util.CellReference.convertColStringToIndex(first);
            String f = col(c);
            String g = col(c + 3);
            w.cell(f + 5, "Sozialversicherungspflichtig\nbeschäftigte Ausländerinnen und Ausländer")
                    .merge(f + "5:" + col(c + 2) + "5")
                    .cell(g + 5, "Darunter nach Qualifikation1)")
                    .merge(g + "5:" + col(c + 4) + "5")
                    .row(6, f, "Insgesamt", "Männer", "Frauen", "hoch", "niedrig")
                    .cell(f + 7, "Anzahl")
                    .merge(f + "7:" + col(c + 2) + "7")
                    .cell(g + 7, "Prozent")
                    .merge(g + "7:" + col(c + 4) + "7");
        }
        return w.row(8, "B", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
                .row(9, "B", 101, "Braunschweig, Stadt", 1200, 700, 500, 25.5, 20, 1100, 650, 450, 24, 21)
                .row(10, "B", 102, "Salzgitter, Stadt", 480, 360, 120, "*", 22.5, 470, 355, 115, "x", 23)
                .row(11, "B", 1, "Stat. Region Braunschweig", 1680, 1060, 620, 22, 21, 1570, 1005, 565, 21, 22)
                .row(12, "B", 241, "Hannover,Region", 6000, 3800, 2200, 14, 28, 5800, 3700, 2100, 13, 27)
                .row(
                        13,
                        "B",
                        241001,
                        "dav. Hannover,Landeshauptstadt",
                        3900,
                        2300,
                        1600,
                        17,
                        27,
                        3800,
                        2250,
                        1550,
                        16,
                        26)
                .row(14, "B", 0, "Niedersachsen", 29000, 19000, 10000, 12, 26, 28000, 18500, 9500, 11, 25)
                .cell("C16", "1) hoch = akademischer Abschluss; niedrig = ohne abgeschlossene Berufsausbildung")
                .cell("C17", "Quelle: synthetische Testdaten in der Form der Beschäftigungsstatistik");
    }

    static final String COLUMN_GROUPS_YAML = """
            id: eigen:test-svb
            title: Beschäftigte Ausländer (Test)
            provider: Statistik der Bundesagentur für Arbeit
            attribution: "© Statistik der Bundesagentur für Arbeit"
            licence: "Weiterverwendung mit Quellenangabe"
            files: "*5-1-3*.xlsx"
            sheet: "2020_5-1-3_Download"
            header_rows: derived
            region: {mode: ags-in-land, land: "03", column: B, name_column: C}
            period: {kind: stichtag, day: "30.06.", group_row: 4}
            symbols: {"*": "."}
            """;

    /**
     * The further shape: the region by name only, a header of three merged rows, the period in a cell above the
     * table; with a name that is ambiguous in the Land (Osnabrück: the Stadt and the Landkreis) and one no Kreis
     * has (a misspelling).
     */
    static WorkbookWriter namesOnly() {
        return new WorkbookWriter()
                .sheet("Aufenthaltsdauer")
                .cell("B1", "Ausländerinnen und Ausländer nach Aufenthaltsdauer (synthetische Testdaten)")
                .cell("B2", "31.12.2023")
                .cell("B4", "Kreis")
                .merge("B4:B6")
                .cell("C4", "Ausländerinnen und Ausländer")
                .merge("C4:F4")
                .cell("C5", "Insgesamt")
                .merge("C5:C6")
                .cell("D5", "nach Aufenthaltsdauer")
                .merge("D5:F5")
                .row(6, "D", "unter 4 Jahre", "4 bis unter 8 Jahre", "8 Jahre und mehr")
                .row(7, "B", "Braunschweig, Stadt", 30000, 12000, 6000, 12000)
                .row(8, "B", "Landkreis Gifhorn", 9000, 3000, 2000, 4000)
                .row(9, "B", "Goettingen", 21000, 9000, 4000, 8000)
                .row(10, "B", "Osnabrück", 14000, 5000, 3000, 6000)
                .row(11, "B", "Hannober", 140000, 50000, 30000, 60000)
                .row(12, "B", "Region Hannover", 140000, 50000, 30000, 60000)
                .row(13, "B", "Niedersachsen", 900000, 350000, 200000, 350000);
    }

    static final String NAMES_ONLY_YAML = """
            id: eigen:test-aufenthaltsdauer
            title: Ausländer nach Aufenthaltsdauer (Test)
            provider: Ausländerbehörde (Test)
            attribution: "Ausländerbehörde (Test), Auswertung des Ausländerzentralregisters"
            licence: "nur für Tests"
            files: "aufenthalt*.xlsx"
            sheet: 1
            header_rows: [4, 5, 6]
            first_data_row: 7
            region: {mode: name, land: "03", column: B}
            period: {kind: stichtag, cell: B2}
            unit: Anzahl
            """;

    private static String col(int index) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(index);
    }
}
