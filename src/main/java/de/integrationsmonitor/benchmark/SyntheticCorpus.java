package de.integrationsmonitor.benchmark;

import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.Land;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Synthetic extracts in the offices' real formats for a corpus of a given number of observations, the same for the
 * same size (fixed seed):
 * <ul>
 * <li>one classic CSV of the population by sex (table 12411-01-01-4, every year since 1996 when the size allows,
 * Germany, the Länder and every Kreis of the register on each 31.12., Länder and Germany the sums of their Kreise);
 * <li>the population by sex as a flat-file ZIP (the same table, every Kreis of 2007-2024), the denominator of the
 * protection seekers per 1,000 inhabitants;
 * <li>as many flat-file ZIPs of protection seekers by protection status, sex and citizenship (table 12531-0043,
 * 2007-2024, every Kreis of each year, the statuses the catalogue sums) as the size needs, each about as large as
 * the real one (130,000 observations) and with citizenships of its own.
 * </ul>
 * A larger corpus has more variables per Kreis in more files, not larger files, and the computation more cells to
 * sum for the same indicators.
 */
public final class SyntheticCorpus {

    static final long SEED = 20_260_101L;
    private static final int FIRST_CLASSIC_YEAR = 1996;
    private static final int LAST_YEAR = 2024;
    private static final int FIRST_FFCSV_YEAR = 2007;
    private static final int CITIZENSHIPS_PER_FILE = 3;
    /** The protection statuses the catalogue sums (its Schutzsuchende inputs), as the office labels them. */
    private static final String[][] STATUSES = {
        {"SCHUTZST-AK-1", "Anerkannter Schutzstatus"},
        {"SCHUTZST-OF", "Offener Schutzstatus"},
        {"SCHUTZST-X", "Ohne Schutzsstatus"}
    };

    private static final Charset LATIN_1 = Charset.forName("ISO-8859-1");

    private final KreisRegister register;

    public SyntheticCorpus(KreisRegister register) {
        this.register = register;
    }

    /** Writes the extracts for about {@code observations} observations into {@code folder}; returns their count. */
    public long write(Path folder, long observations) throws IOException {
        Files.createDirectories(folder);
        Random random = new Random(SEED);
        // the classic file: up to half of the observations, about 1,230 a year (3 per region), 1 to 29 years
        int years = (int) Math.max(1, Math.min(LAST_YEAR - FIRST_CLASSIC_YEAR + 1, observations / 2 / 1230));
        long written = writeClassic(folder.resolve("12411-01-01-4_synthetic.csv"), LAST_YEAR - years + 1, random);
        written += writePopulationFfcsv(folder.resolve("12411-01-01-4_synthetic_de_flat.zip"), random);
        int file = 0;
        do { // at least one flat file, so that both formats and the protection-seekers indicators are exercised
            file++;
            written += writeFfcsv(
                    folder.resolve(String.format("12531-0043_synthetic-%04d_de_flat.zip", file)), file, random);
        } while (written < observations);
        return written;
    }

    private long writeClassic(Path file, int firstYear, Random random) throws IOException {
        List<LocalDate> dates = new ArrayList<>();
        for (int year = firstYear; year <= LAST_YEAR; year++) {
            dates.add(LocalDate.of(year, 12, 31));
        }
        // every region's values by date: Kreise drawn, the Länder and Germany their sums
        Map<String, long[][]> values = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (int d = 0; d < dates.size(); d++) {
            for (Kreis kreis : register.kreiseOn(dates.get(d))) {
                if (register.cityStateKreis(kreis.landCode()).isPresent()) {
                    continue; // a city state is its Land's line in the classic layout
                }
                names.putIfAbsent(kreis.ags(), kreis.name());
                long male = 20_000 + random.nextInt(300_000);
                long female = 20_000 + random.nextInt(300_000);
                values.computeIfAbsent(kreis.ags(), k -> new long[dates.size()][])[d] = new long[] {male, female};
            }
        }
        long count = 0;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), LATIN_1))) {
            out.write("GENESIS-Tabelle: 12411-01-01-4\r\nBevölkerungsstand: Bevölkerung nach Geschlecht (synthetisch)"
                    + "\r\n- Stichtag 31.12. -\r\nregionale Tiefe: Kreise und krfr. Städte\r\n"
                    + "Fortschreibung des Bevölkerungsstandes\r\nBevölkerungsstand (Anzahl)\r\n");
            StringBuilder dateRow = new StringBuilder(";");
            StringBuilder labelRow = new StringBuilder(";");
            for (LocalDate date : dates) {
                for (String label : List.of("Insgesamt", "männlich", "weiblich")) {
                    dateRow.append(';').append(String.format("31.12.%d", date.getYear()));
                    labelRow.append(';').append(label);
                }
            }
            out.write(dateRow + "\r\n" + labelRow + "\r\n");
            long[][] germany = new long[dates.size()][2];
            Map<String, long[][]> laender = new TreeMap<>();
            for (Land land : register.laender()) {
                laender.put(land.code(), new long[dates.size()][2]);
            }
            values.forEach((ags, byDate) -> {
                long[][] land = laender.get(ags.substring(0, 2));
                for (int d = 0; d < byDate.length; d++) {
                    if (byDate[d] != null) {
                        for (int s = 0; s < 2; s++) {
                            land[d][s] += byDate[d][s];
                            germany[d][s] += byDate[d][s];
                        }
                    }
                }
            });
            for (Land land : register.laender()) {
                register.cityStateKreis(land.code()).ifPresent(city -> {
                    long[][] sums = laender.get(land.code());
                    for (int d = 0; d < dates.size(); d++) {
                        long male = 200_000 + random.nextInt(1_500_000);
                        long female = 200_000 + random.nextInt(1_500_000);
                        sums[d][0] = male;
                        sums[d][1] = female;
                        germany[d][0] += male;
                        germany[d][1] += female;
                    }
                });
            }
            count += line(out, "DG", "Deutschland", germany);
            for (Land land : register.laender()) {
                count += line(out, land.code(), "  " + land.name(), laender.get(land.code()));
                for (Map.Entry<String, long[][]> kreis : values.entrySet()) {
                    if (kreis.getKey().startsWith(land.code())) {
                        count += line(out, kreis.getKey(), "      " + names.get(kreis.getKey()), kreis.getValue());
                    }
                }
            }
            out.write("__________\r\n\"zu \"\"gesamter Tabelle\"\":\r\nSynthetische Datei des Benchmarks im Format"
                    + " der Regionaldatenbank.\"\r\nStand: 01.12.2025 / 10:00:00\r\n");
        }
        return count;
    }

    /** One data line; a date at which the Kreis did not exist is '-' (the office's "nothing"), not stored. */
    private static long line(Writer out, String code, String name, long[][] byDate) throws IOException {
        StringBuilder line = new StringBuilder(code).append(';').append(name);
        long count = 0;
        for (long[] sexes : byDate) {
            if (sexes == null) {
                line.append(";-;-;-");
            } else {
                line.append(';')
                        .append(sexes[0] + sexes[1])
                        .append(';')
                        .append(sexes[0])
                        .append(';')
                        .append(sexes[1]);
                count += 3;
            }
        }
        out.write(line.append("\r\n").toString());
        return count;
    }

    /**
     * The population by sex as the flat file has it (table 12411-01-01-4, every Kreis of each year 2007-2024, the
     * Kreise only): the denominator of the protection seekers per 1,000 inhabitants.
     */
    private long writePopulationFfcsv(Path zip, Random random) throws IOException {
        long count = 0;
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("12411-01-01-4_synthetic_de_flat.csv"));
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.write("\uFEFFstatistics_code;statistics_label;time_code;time_label;time;1_variable_code;"
                    + "1_variable_label;1_variable_attribute_code;1_variable_attribute_label;2_variable_code;"
                    + "2_variable_label;2_variable_attribute_code;2_variable_attribute_label;value;value_unit;"
                    + "value_variable_code;value_variable_label\r\n");
            for (int year = FIRST_FFCSV_YEAR; year <= LAST_YEAR; year++) {
                LocalDate date = LocalDate.of(year, 12, 31);
                for (Kreis kreis : register.kreiseOn(date)) {
                    String prefix = "12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;" + date
                            + ";KREISE;Kreise und kreisfreie Städte;" + kreis.ags() + ";"
                            + kreis.name().replace(';', ',') + ";GES;Geschlecht;";
                    long male = 20_000 + random.nextInt(300_000);
                    long female = 20_000 + random.nextInt(300_000);
                    String suffix = ";Anzahl;BEVSTD;Bevölkerungsstand\r\n";
                    csv.write(prefix + ";Insgesamt;" + (male + female) + suffix);
                    csv.write(prefix + "GESM;männlich;" + male + suffix);
                    csv.write(prefix + "GESW;weiblich;" + female + suffix);
                    count += 3;
                }
            }
            csv.flush();
            out.closeEntry();
        }
        return count;
    }

    private long writeFfcsv(Path zip, int file, Random random) throws IOException {
        long count = 0;
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(String.format("12531-0043_%04d_flat.csv", file)));
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.write("\uFEFFstatistics_code;statistics_label;time_code;time_label;time;1_variable_code;"
                    + "1_variable_label;1_variable_attribute_code;1_variable_attribute_label;2_variable_code;"
                    + "2_variable_label;2_variable_attribute_code;2_variable_attribute_label;3_variable_code;"
                    + "3_variable_label;3_variable_attribute_code;3_variable_attribute_label;4_variable_code;"
                    + "4_variable_label;4_variable_attribute_code;4_variable_attribute_label;value;value_unit;"
                    + "value_variable_code;value_variable_label\r\n");
            for (int year = FIRST_FFCSV_YEAR; year <= LAST_YEAR; year++) {
                LocalDate date = LocalDate.of(year, 12, 31);
                for (Kreis kreis : register.kreiseOn(date)) {
                    String prefix = "12531;Statistik über Schutzsuchende;STAG;Stichtag;" + date + ";KREISE;Kreise;"
                            + kreis.ags() + ";" + kreis.name().replace(';', ',') + ";SCHST2;Schutzstatuskategorie;";
                    for (String[] status : STATUSES) {
                        for (int c = 0; c < CITIZENSHIPS_PER_FILE; c++) {
                            int citizenship = (file - 1) * CITIZENSHIPS_PER_FILE + c + 1;
                            for (String[] sex : new String[][] {{"GESM", "männlich"}, {"GESW", "weiblich"}}) {
                                csv.write(prefix + status[0] + ";" + status[1] + ";GES;Geschlecht;" + sex[0] + ";"
                                        + sex[1] + ";STAAG5;Staatsangehörigkeit;ST" + citizenship
                                        + ";Staatsangehörigkeit " + citizenship + ";" + random.nextInt(5000)
                                        + ";Anzahl;BEV030;Schutzsuchende\r\n");
                                count++;
                            }
                        }
                    }
                }
            }
            csv.flush();
            out.closeEntry();
        }
        return count;
    }
}
