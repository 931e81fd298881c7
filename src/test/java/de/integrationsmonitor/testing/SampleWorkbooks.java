package de.integrationsmonitor.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the own-data workbooks of the shipped sample ({@code input/}): synthetic figures for Sachsen-Anhalt's 14
 * Kreise, each workbook in the shape of a real one, every one saying on its first row that its figures are
 * invented. Run it to write them again: {@code SampleWorkbooks <folder>}; the sample's descriptions are in
 * {@code jobs/datenquellen/beispiel-*.yml}.
 */
public final class SampleWorkbooks {

    public static final String SYNTHETIC = "Synthetische Beispieldaten: alle Zahlen sind erfunden";
    public static final String EMPLOYEES = "beispiel_svb-auslaender.xlsx";
    public static final String KITA = "beispiel_kita-migration.xlsx";
    public static final String STAY = "beispiel_aufenthaltsdauer.xlsx";

    /** Key within the Land, printed name, and a size that scales the invented figures. */
    record Kreis(String key, String name, int size) {}

    static final List<Kreis> KREISE = List.of(
            new Kreis("001", "Dessau-Roßlau, Stadt", 3),
            new Kreis("002", "Halle (Saale), Stadt", 9),
            new Kreis("003", "Magdeburg, Landeshauptstadt", 9),
            new Kreis("081", "Altmarkkreis Salzwedel", 1),
            new Kreis("082", "Anhalt-Bitterfeld", 3),
            new Kreis("083", "Börde", 3),
            new Kreis("084", "Burgenlandkreis", 4),
            new Kreis("085", "Harz", 4),
            new Kreis("086", "Jerichower Land", 2),
            new Kreis("087", "Mansfeld-Südharz", 2),
            new Kreis("088", "Saalekreis", 3),
            new Kreis("089", "Salzlandkreis", 3),
            new Kreis("090", "Stendal", 2),
            new Kreis("091", "Wittenberg", 2));

    private SampleWorkbooks() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "input");
        Files.createDirectories(folder);
        employees().xlsx(folder.resolve(EMPLOYEES));
        kita().xlsx(folder.resolve(KITA));
        lengthOfStay().xlsx(folder.resolve(STAY));
    }

    /** As the Land office's 5-1-3: years as column groups under a merged five-row header, 3-digit keys as text. */
    static WorkbookWriter employees() {
        WorkbookWriter w = new WorkbookWriter()
                .sheet("Beschäftigte")
                .cell(
                        "B1",
                        "Sozialversicherungspflichtig beschäftigte Ausländerinnen und Ausländer am Arbeitsort"
                                + " nach Qualifikation und Kreisen, jeweils 30.06.")
                .cell("B2", SYNTHETIC)
                .cell("B4", "Schlüssel")
                .merge("B4:B7")
                .cell("C4", "Kreisfreie Stadt\nLandkreis\nLand")
                .merge("C4:C7");
        int[] years = {2023, 2022, 2021, 2020, 2019};
        for (int g = 0; g < years.length; g++) {
            int c = 3 + g * 6;
            w.cell(col(c) + 4, years[g])
                    .merge(col(c) + "4:" + col(c + 5) + "4")
                    .cell(col(c) + 5, "Sozialversicherungspflichtig\nbeschäftigte Ausländerinnen und Ausländer")
                    .merge(col(c) + "5:" + col(c + 2) + "5")
                    .cell(col(c + 3) + 5, "Darunter nach Qualifikation1)")
                    .merge(col(c + 3) + "5:" + col(c + 5) + "5")
                    .row(6, col(c), "Insgesamt", "Männer", "Frauen", "hoch", "mittel", "niedrig")
                    .cell(col(c) + 7, "Anzahl")
                    .merge(col(c) + "7:" + col(c + 2) + "7")
                    .cell(col(c + 3) + 7, "Prozent")
                    .merge(col(c + 3) + "7:" + col(c + 5) + "7");
        }
        for (int c = 1; c <= 2 + 6 * years.length; c++) {
            w.cell(col(c) + 8, c);
        }
        int row = 9;
        long[] land = new long[years.length * 3];
        for (int k = 0; k < KREISE.size(); k++) {
            Kreis kreis = KREISE.get(k);
            w.cell("B" + row, kreis.key()).cell("C" + row, kreis.name());
            for (int g = 0; g < years.length; g++) {
                int c = 3 + g * 6;
                long total = kreis.size() * 900L + k * 37L + (years.length - g) * 60L * kreis.size();
                long women = total * (36 + k % 5) / 100;
                w.row(row, col(c), total, total - women, women);
                if (kreis.size() == 1) {
                    w.row(row, col(c + 3), "*", "*", "*"); // the BA keeps shares of small numbers secret
                } else {
                    w.row(row, col(c + 3), 8.5 + k % 4 + g * 0.25, 40.0 + k % 7, 27.5 - g * 0.5 + k % 3);
                }
                land[g * 3] += total;
                land[g * 3 + 1] += total - women;
                land[g * 3 + 2] += women;
            }
            row++;
        }
        w.cell("B" + row, "0").cell("C" + row, "Sachsen-Anhalt");
        for (int g = 0; g < years.length; g++) {
            w.row(row, col(3 + g * 6), land[g * 3], land[g * 3 + 1], land[g * 3 + 2]);
        }
        return w.cell(
                        "C" + (row + 2),
                        "1) hoch = akademischer Abschluss; mittel = anerkannte Berufsausbildung;"
                                + " niedrig = ohne abgeschlossene Berufsausbildung. * = aus Gründen der Geheimhaltung gesperrt")
                .cell("C" + (row + 3), "Quelle: " + SYNTHETIC);
    }

    /** As the Land office's 3-1-2, but key and name in one cell: one row per Kreis and year. */
    static WorkbookWriter kita() {
        WorkbookWriter w = new WorkbookWriter()
                .sheet("Kita")
                .cell(
                        "B1",
                        "Anteil der betreuten Kinder bis unter 6 Jahren mit Zuwanderungsgeschichte in"
                                + " Tageseinrichtungen (jeweils 1. März) nach Kreisen")
                .cell("B2", SYNTHETIC)
                .cell("B4", "Kreis")
                .merge("B4:B6")
                .cell("C4", "Jahr\n(Stichtag: 01. März)")
                .merge("C4:C6")
                .cell("D4", "Anteil der betreuten Kinder mit Migrationshintergrund an allen betreuten Kindern")
                .merge("D4:E4")
                .row(
                        5,
                        "D",
                        "ausländische Herkunft mindestens eines Elternteils",
                        "in der Familie wird vorrangig nicht deutsch gesprochen")
                .cell("D6", "Prozent")
                .merge("D6:E6");
        int row = 7;
        for (int year = 2023; year >= 2019; year--) {
            for (int k = 0; k < KREISE.size(); k++) {
                Kreis kreis = KREISE.get(k);
                double origin = 9.0 + kreis.size() * 2.5 + (year - 2019) * 0.75 + k % 3;
                w.row(row++, "B", "15" + kreis.key() + " " + kreis.name(), year, origin, origin * 0.6);
            }
            w.row(row++, "B", "15 Sachsen-Anhalt", year, 14.0 + (year - 2019) * 0.75, 8.4 + (year - 2019) * 0.45);
        }
        return w;
    }

    /** As an Ausländerbehörde's table: names only, three merged header rows, the Stichtag in a cell above. */
    static WorkbookWriter lengthOfStay() {
        WorkbookWriter w = new WorkbookWriter()
                .sheet("Aufenthaltsdauer")
                .cell(
                        "B1",
                        "Ausländerinnen und Ausländer nach Aufenthaltsdauer, Auswertung des"
                                + " Ausländerzentralregisters. " + SYNTHETIC)
                .cell("B2", "31.12.2023")
                .cell("B4", "Kreis")
                .merge("B4:B6")
                .cell("C4", "Ausländerinnen und Ausländer")
                .merge("C4:F4")
                .cell("C5", "Insgesamt")
                .merge("C5:C6")
                .cell("D5", "nach Aufenthaltsdauer")
                .merge("D5:F5")
                .row(6, "D", "unter 4 Jahre", "4 bis unter 8 Jahre", "8 Jahre und mehr");
        int row = 7;
        for (int k = 0; k < KREISE.size(); k++) {
            Kreis kreis = KREISE.get(k);
            long under4 = kreis.size() * 1500L + k * 40;
            long four = kreis.size() * 700L + k * 25;
            long eight = kreis.size() * 1100L + k * 30;
            String name = switch (kreis.key()) {
                case "001", "002" -> kreis.name();
                case "003" -> "Landeshauptstadt Magdeburg";
                case "081", "084", "088", "089" -> kreis.name();
                default -> "Landkreis " + kreis.name();
            };
            w.row(row++, "B", name, under4 + four + eight, under4, four, eight);
        }
        return w;
    }

    private static String col(int index) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(index);
    }
}
