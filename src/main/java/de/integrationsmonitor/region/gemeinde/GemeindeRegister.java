package de.integrationsmonitor.region.gemeinde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.integrationsmonitor.region.RegisterException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Gemeinden of one Gebietsstand with their Kreis and Gemeindeverband, and the Gemeinde crosswalk
 * (predecessor, successor, date, population share). Data in {@code jobs/register/}: {@value #GEMEINDEN_FILE} is a
 * derivative of the BKG layer VG5000 of 01.01.2021 (© GeoBasis-DE / BKG 2021 (Daten verändert), Datenlizenz
 * Deutschland – Namensnennung – 2.0), made by {@link #rebuild}; {@value #NACHFOLGE_FILE} is kept by hand.
 */
public final class GemeindeRegister {

    public static final String GEMEINDEN_FILE = "gemeinden-2021-01-01.csv";
    public static final String NACHFOLGE_FILE = "gemeinde-nachfolge.csv";
    /** The one Gebietsstand the shipped register describes. */
    public static final LocalDate GEBIETSSTAND = LocalDate.of(2021, 1, 1);

    static final String GEMEINDEN_HEADER = "ags;ars;name;kind;kreis;verband_ars";
    static final String NACHFOLGE_HEADER = "old_ags;new_ags;effective;share;note";

    /** One Gemeinde (or gemeindefreies Gebiet) at the register's Gebietsstand. */
    public record Gemeinde(String ags, String ars, String name, String kind, String kreis, String verbandArs) {}

    /** Where (a share of) a Gemeinde's population went on a day: a merger, a split or a change of key. */
    public record GemeindeSuccession(
            String oldAgs, String newAgs, LocalDate effective, BigDecimal share, String note) {}

    private final LocalDate gebietsstand;
    private final Map<String, Gemeinde> gemeinden;
    private final List<GemeindeSuccession> successions;

    private GemeindeRegister(
            LocalDate gebietsstand, Map<String, Gemeinde> gemeinden, List<GemeindeSuccession> successions) {
        this.gebietsstand = gebietsstand;
        this.gemeinden = Collections.unmodifiableMap(gemeinden);
        this.successions = List.copyOf(successions);
    }

    /** The register shipped in {@code jobs/register} of the working directory. */
    public static GemeindeRegister loadDefault() {
        return load(Path.of("jobs", "register"));
    }

    /** Reads and checks {@value #GEMEINDEN_FILE} and {@value #NACHFOLGE_FILE} of a folder. */
    public static GemeindeRegister load(Path directory) {
        Path gemeindenFile = directory.resolve(GEMEINDEN_FILE);
        Path nachfolgeFile = directory.resolve(NACHFOLGE_FILE);
        try {
            return parse(
                    gemeindenFile.toString(),
                    Files.readAllLines(gemeindenFile, StandardCharsets.UTF_8),
                    nachfolgeFile.toString(),
                    Files.readAllLines(nachfolgeFile, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new RegisterException("the Gemeinde register file " + e.getFile() + " is missing");
        } catch (IOException e) {
            throw new RegisterException("the Gemeinde register cannot be read: " + e.getMessage());
        }
    }

    static GemeindeRegister parse(
            String gemeindenName, List<String> gemeindenLines, String nachfolgeName, List<String> nachfolgeLines) {
        Map<String, Gemeinde> gemeinden = new TreeMap<>();
        for (Row row : rows(gemeindenName, gemeindenLines, GEMEINDEN_HEADER)) {
            String[] c = row.cells();
            String where = gemeindenName + ", line " + row.line();
            requireDigits(c[0], 8, where, "ags");
            requireDigits(c[1], 12, where, "ars");
            if (!c[1].startsWith(c[0].substring(0, 5)) || !c[1].endsWith(c[0].substring(5))) {
                throw new RegisterException(where + ": the ars " + c[1] + " should start with the Kreis and end"
                        + " with the Gemeinde number of the ags " + c[0]);
            }
            if (!c[4].equals(c[0].substring(0, 5)) || !c[5].equals(c[1].substring(0, 9))) {
                throw new RegisterException(where + ": kreis and verband_ars should be the first 5 digits of the"
                        + " ags and the first 9 of the ars, found '" + c[4] + "' and '" + c[5] + "'");
            }
            if (gemeinden.put(c[0], new Gemeinde(c[0], c[1], c[2], c[3], c[4], c[5])) != null) {
                throw new RegisterException(where + ": the ags " + c[0] + " is listed twice");
            }
        }
        List<GemeindeSuccession> successions = new ArrayList<>();
        Map<String, BigDecimal> shares = new TreeMap<>();
        for (Row row : rows(nachfolgeName, nachfolgeLines, NACHFOLGE_HEADER)) {
            String[] c = row.cells();
            String where = nachfolgeName + ", line " + row.line();
            requireDigits(c[0], 8, where, "old_ags");
            requireDigits(c[1], 8, where, "new_ags");
            LocalDate effective;
            BigDecimal share;
            try {
                effective = LocalDate.parse(c[2]);
            } catch (DateTimeParseException e) {
                throw new RegisterException(where + ": effective should be a date YYYY-MM-DD, found '" + c[2] + "'");
            }
            try {
                share = new BigDecimal(c[3]);
            } catch (NumberFormatException e) {
                throw new RegisterException(where + ": share should be a number like 0.25 or 1, found '" + c[3] + "'");
            }
            if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new RegisterException(where + ": share should be above 0 and at most 1, found " + c[3]);
            }
            shares.merge(c[0] + " on " + effective, share, BigDecimal::add);
            successions.add(new GemeindeSuccession(c[0], c[1], effective, share, c[4]));
        }
        shares.forEach((gemeinde, sum) -> {
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                throw new RegisterException(nachfolgeName + ": the shares of Gemeinde " + gemeinde + " add up to "
                        + sum.toPlainString() + ", expected exactly 1");
            }
        });
        return new GemeindeRegister(GEBIETSSTAND, gemeinden, successions);
    }

    private record Row(long line, String[] cells) {}

    private static List<Row> rows(String file, List<String> lines, String header) {
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        int columns = header.split(";").length;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.startsWith("#") || text.isBlank()) {
                continue;
            }
            if (!headerSeen) {
                if (!text.equals(header)) {
                    throw new RegisterException(file + ", line " + (i + 1) + ": expected the header '" + header
                            + "', found '" + text + "'");
                }
                headerSeen = true;
                continue;
            }
            String[] cells = text.split(";", columns);
            if (cells.length != columns) {
                throw new RegisterException(file + ", line " + (i + 1) + ": expected " + columns + " fields (" + header
                        + "), found " + cells.length);
            }
            rows.add(new Row(i + 1, cells));
        }
        if (!headerSeen) {
            throw new RegisterException(file + ": the header '" + header + "' is missing");
        }
        return rows;
    }

    private static void requireDigits(String value, int digits, String where, String field) {
        if (value.length() != digits || !value.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new RegisterException(where + ": " + field + " should have " + digits + " digits with leading"
                    + " zeros, found '" + value + "'");
        }
    }

    /** The Gebietsstand the register describes. */
    public LocalDate gebietsstand() {
        return gebietsstand;
    }

    /** Whether the register knows the Gemeinden of this Gebietsstand (the reference date of a Gemeinde value). */
    public boolean covers(LocalDate gebietsstandOfData) {
        return gebietsstand.equals(gebietsstandOfData);
    }

    public Optional<Gemeinde> gemeinde(String ags) {
        return Optional.ofNullable(gemeinden.get(ags));
    }

    public int size() {
        return gemeinden.size();
    }

    /** The Gemeinden of a Kreis, by AGS. */
    public List<Gemeinde> gemeindenOf(String kreis) {
        return gemeinden.values().stream().filter(g -> g.kreis().equals(kreis)).toList();
    }

    /** Where a Gemeinde's population went when it changed, in the order of the crosswalk file. */
    public List<GemeindeSuccession> successorsOf(String ags) {
        return successions.stream().filter(s -> s.oldAgs().equals(ags)).toList();
    }

    /**
     * Makes {@value #GEMEINDEN_FILE} from the BKG's {@code gemeinden.geojson} (VG5000, 01.01.2021; properties
     * {@code AGS}, {@code ARS}, {@code GEN}, {@code BEZ}): one line per Gemeinde, sorted by AGS, the geometry left
     * out.
     */
    public static String rebuild(Path gemeindenGeoJson) throws IOException {
        JsonNode features = new ObjectMapper()
                .readTree(Files.readAllBytes(gemeindenGeoJson))
                .get("features");
        Map<String, String> lines = new TreeMap<>();
        for (JsonNode feature : features) {
            JsonNode p = feature.get("properties");
            String ags = p.get("AGS").asText();
            String ars = p.get("ARS").asText();
            lines.put(
                    ags,
                    String.join(
                            ";",
                            ags,
                            ars,
                            p.get("GEN").asText(),
                            p.get("BEZ").asText(),
                            ags.substring(0, 5),
                            ars.substring(0, 9)));
        }
        StringBuilder csv = new StringBuilder("""
                # Gemeinderegister des Integrationsmonitors: die Gemeinden (und gemeindefreien Gebiete) am 01.01.2021.
                #
                # Spalten (UTF-8, getrennt durch ';'):
                #   ags         achtstelliger Amtlicher Gemeindeschlüssel
                #   ars         zwölfstelliger Amtlicher Regionalschlüssel (Land, Regierungsbezirk, Kreis,
                #               Gemeindeverband, Gemeinde)
                #   name        Name (GEN)
                #   kind        Art (BEZ): Gemeinde, Stadt, Gemeindefreies Gebiet
                #   kreis       fünfstelliger Kreisschlüssel (die ersten fünf Stellen des ags)
                #   verband_ars die ersten neun Stellen des ars: der Gemeindeverband (Verbandsgemeinde, Samtgemeinde,
                #               Amt, Verwaltungsgemeinschaft), bei einer verbandsfreien Gemeinde 0 und ihre
                #               Gemeindenummer (031510009 für Gifhorn)
                #
                # Abgeleitet aus: BKG, Verwaltungsgebiete 1:5 000 000 (VG5000), Stand 01.01.2021, Ebene GEM, ohne
                # Geometrie. © GeoBasis-DE / BKG 2021 (Daten verändert); Datenlizenz Deutschland – Namensnennung –
                # Version 2.0. Neu erzeugt von GemeindeRegister.rebuild (GemeindeRegisterAcceptanceTest).
                """);
        csv.append(GEMEINDEN_HEADER).append('\n');
        lines.values().forEach(line -> csv.append(line).append('\n'));
        return csv.toString();
    }
}
