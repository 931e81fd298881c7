package de.integrationsmonitor.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.integrationsmonitor.disclosure.CellStatus;
import de.integrationsmonitor.disclosure.DisclosureAudit;
import de.integrationsmonitor.disclosure.ProtectedTable;
import de.integrationsmonitor.disclosure.ProtectionRule;
import de.integrationsmonitor.disclosure.Suppression;
import de.integrationsmonitor.disclosure.SuppressionPattern;
import de.integrationsmonitor.disclosure.TableCell;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 24 against reality: the own-data files of {@code ../shared/data/eigene-daten/} (or
 * {@code -Dimon.eigene-daten=DIR}) protected as if a Kreis published them under the default rule for own data
 * (mindestfallzahl 3, ±50 %). Prints per table the cells suppressed primarily and secondarily, and checks that every
 * pattern passes the audit and that no published cell is below the rule. The workbooks (xlsx) themselves are not
 * read (the project has no spreadsheet library); their published Open SDG CSVs and the BA's CSV exports are.
 */
@Tag("acceptance")
class EigeneDatenSuppressionAcceptanceTest {

    static final Path ROOT = Path.of(System.getProperty(
                    "imon.eigene-daten",
                    Path.of("..", "shared", "data", "eigene-daten").toString()))
            .toAbsolutePath()
            .normalize();
    static final ProtectionRule RULE = ProtectionRule.OWN_DATA_DEFAULT;

    private static Path file(String name) {
        Path path = ROOT.resolve(name);
        assumeTrue(Files.isRegularFile(path), "own-data file not present: " + path);
        return path;
    }

    /** Köln's Stadtteile: per table and year, Stadt = Stadtbezirke, Stadtbezirk = its Stadtteile, rows to totals. */
    @Test
    void koelnStadtteile() throws IOException {
        Map<String, Map<String, Map<String, Map<String, Long>>>> byTableYear =
                new TreeMap<>(); // tab, year, raum, zeile
        Map<String, String> rowNames = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(file("koeln/bevoelkerung.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                if (r.get("zahl").isBlank()) {
                    continue;
                }
                byTableYear
                        .computeIfAbsent(r.get("tab_id"), t -> new TreeMap<>())
                        .computeIfAbsent(r.get("jahr"), y -> new TreeMap<>())
                        .computeIfAbsent(r.get("raum_id"), x -> new TreeMap<>())
                        .put(r.get("zei_id"), new BigDecimal(r.get("zahl")).longValueExact());
                rowNames.put(r.get("tab_id") + "/" + r.get("zei_id"), r.get("zeile"));
            }
        }
        Map<String, Map<String, Map<String, Long>>> einwohner = byTableYear.remove("005");
        System.out.println("Köln, Stadtteile (mindestfallzahl 3): table, year, cells, primary, secondary");
        for (var table : byTableYear.entrySet()) {
            long cells = 0;
            long primary = 0;
            long secondary = 0;
            for (var year : table.getValue().entrySet()) {
                ProtectedTable.Builder t = ProtectedTable.builder("Köln " + table.getKey() + " " + year.getKey());
                Map<String, Map<String, Long>> regions = year.getValue();
                List<String> rows = regions.values().stream()
                        .flatMap(m -> m.keySet().stream())
                        .distinct()
                        .sorted()
                        .toList();
                for (var region : regions.entrySet()) {
                    region.getValue().forEach((row, v) -> t.cell(TableCell.own(region.getKey() + "/" + row, v, RULE)));
                    Long total = einwohner
                            .getOrDefault(year.getKey(), Map.of())
                            .getOrDefault(region.getKey(), Map.of())
                            .get("010");
                    if (total != null) {
                        t.cell(TableCell.own(region.getKey() + "/Einwohner", total, RULE));
                    }
                }
                for (String row : new ArrayList<>(rows) {
                    {
                        add("Einwohner");
                    }
                }) {
                    regionRelations(t, regions.keySet(), row);
                }
                for (String region : regions.keySet()) {
                    List<String> parts = rows.stream()
                            .map(r -> region + "/" + r)
                            .filter(t::has)
                            .toList();
                    if (table.getKey().equals("030")) {
                        // with migration background = Deutsche mit MH + Ausländer; Ausländer = the regions of origin
                        relation(t, region + "/010", List.of(region + "/020", region + "/050"));
                        relation(
                                t,
                                region + "/050",
                                parts.stream()
                                        .filter(p -> p.compareTo(region + "/060") >= 0
                                                && !p.endsWith("/010")
                                                && p.length() == region.length() + 4)
                                        .toList());
                    } else if (t.has(region + "/Einwohner")) {
                        relation(t, region + "/Einwohner", parts);
                    }
                }
                SuppressionPattern pattern = Suppression.protect(t.build());
                check(pattern);
                cells += pattern.statuses().size();
                primary += pattern.count(CellStatus.PRIMARY);
                secondary += pattern.count(CellStatus.SECONDARY);
                System.out.printf(
                        "  Köln %s %s (%s): %d cells, %d relations, %d primary, %d secondary%n",
                        table.getKey(),
                        year.getKey(),
                        rowNames.get(table.getKey() + "/" + rows.get(0)),
                        pattern.statuses().size(),
                        pattern.table().relations().size(),
                        pattern.count(CellStatus.PRIMARY),
                        pattern.count(CellStatus.SECONDARY));
            }
            System.out.printf(
                    "Köln table %s, %d years: %d cells, %d primary, %d secondary%n",
                    table.getKey(), table.getValue().size(), cells, primary, secondary);
        }
    }

    private static void regionRelations(ProtectedTable.Builder t, java.util.Set<String> regions, String row) {
        relation(
                t,
                "000/" + row,
                regions.stream()
                        .filter(r -> r.startsWith("00") && !r.equals("000"))
                        .map(r -> r + "/" + row)
                        .toList());
        for (String bezirk : regions) {
            if (bezirk.startsWith("00") && !bezirk.equals("000")) {
                relation(
                        t,
                        bezirk + "/" + row,
                        regions.stream()
                                .filter(r -> !r.startsWith("0") && r.charAt(0) == bezirk.charAt(2))
                                .map(r -> r + "/" + row)
                                .toList());
            }
        }
    }

    private static void relation(ProtectedTable.Builder t, String total, List<String> parts) {
        List<String> present = parts.stream().filter(t::has).toList();
        if (t.has(total) && present.size() == parts.size() && present.size() >= 2) {
            t.relationIfItAddsUp(total, present);
        }
    }

    /** Niedersachsen's published SvB foreigners per Kreis (Open SDG): Insgesamt = Männer + Frauen, per year. */
    @Test
    void niedersachsenOpenSdg() throws IOException {
        Map<String, Map<String, Map<String, Long>>> byYear = new TreeMap<>(); // year, GeoCode, Geschlecht
        try (Reader in = Files.newBufferedReader(file("niedersachsen/indicator_5-2-1.csv"), StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            for (CSVRecord r : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                if (r.get("Units").equals("Anzahl") && !r.get("Value").isBlank()) {
                    byYear.computeIfAbsent(r.get("Year"), y -> new TreeMap<>())
                            .computeIfAbsent(r.get("GeoCode"), g -> new LinkedHashMap<>())
                            .put(r.get("Geschlecht"), new BigDecimal(r.get("Value")).longValueExact());
                }
            }
        }
        long cells = 0;
        long primary = 0;
        long secondary = 0;
        for (var year : byYear.entrySet()) {
            ProtectedTable.Builder t = ProtectedTable.builder("Niedersachsen 5-2-1 " + year.getKey());
            year.getValue()
                    .forEach(
                            (geo, bySex) -> bySex.forEach((sex, v) -> t.cell(TableCell.own(geo + "/" + sex, v, RULE))));
            year.getValue()
                    .keySet()
                    .forEach(geo -> relation(t, geo + "/Insgesamt", List.of(geo + "/Männer", geo + "/Frauen")));
            SuppressionPattern pattern = Suppression.protect(t.build());
            check(pattern);
            cells += pattern.statuses().size();
            primary += pattern.count(CellStatus.PRIMARY);
            secondary += pattern.count(CellStatus.SECONDARY);
        }
        System.out.printf(
                "Niedersachsen indicator_5-2-1 (SvB Ausländer, Anzahl), %d years: %d cells, %d primary,"
                        + " %d secondary%n",
                byYear.size(), cells, primary, secondary);
        assertThat(cells).isPositive();
    }

    /** The BA's exports: one list of parts each (the total is not in the file). */
    @Test
    void baExports() throws IOException {
        try (var files = Files.list(
                file("ba-export/arbeitslose_ausländer_nachaltersgruppe.csv").getParent())) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                ProtectedTable.Builder t =
                        ProtectedTable.builder(f.getFileName().toString());
                // the header is the line before the first data line; the data end at the first empty line. A
                // "Merkmal" export lists parts (beside them a share in %), the time series lists Frauen, Männer and
                // their sum per year
                boolean body = false;
                boolean series = false;
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] fields = line.replace("\uFEFF", "").split(";");
                    if (fields.length >= 3
                            && (fields[0].startsWith("\"Merkmal") || fields[0].startsWith("\"Berichtsjahr"))) {
                        body = true;
                        series = fields[0].startsWith("\"Berichtsjahr");
                        continue;
                    }
                    if (body && line.equals("\"\"")) {
                        break;
                    }
                    if (!body) {
                        continue;
                    }
                    String key = fields[0].replace("\"", "").strip();
                    if (series) {
                        for (int c = 1; c <= 3; c++) {
                            t.cell(TableCell.own(key + "/" + c, count(fields[c]), RULE));
                        }
                        t.relationIfItAddsUp(key + "/3", List.of(key + "/1", key + "/2"));
                    } else {
                        t.cell(TableCell.own(key, count(fields[1]), RULE));
                    }
                }
                SuppressionPattern pattern = Suppression.protect(t.build());
                check(pattern);
                System.out.printf(
                        "BA %s: %d cells, %d primary, %d secondary%n",
                        f.getFileName(),
                        pattern.statuses().size(),
                        pattern.count(CellStatus.PRIMARY),
                        pattern.count(CellStatus.SECONDARY));
                assertThat(pattern.statuses()).isNotEmpty();
            }
        }
    }

    private static long count(String field) {
        return Long.parseLong(field.replaceAll("[\".]", "").strip());
    }

    private static void check(SuppressionPattern pattern) {
        DisclosureAudit.requireProtected(pattern);
        for (int i = 0; i < pattern.statuses().size(); i++) {
            TableCell cell = pattern.table().cells().get(i);
            Optional<BigDecimal> v = cell.value();
            if (v.isPresent() && v.get().signum() > 0 && v.get().compareTo(BigDecimal.valueOf(3)) < 0) {
                assertThat(pattern.statuses().get(i))
                        .as(pattern.table().name() + " " + cell.key())
                        .isEqualTo(CellStatus.PRIMARY);
            }
        }
    }
}
