package de.integrationsmonitor.report.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.integrationsmonitor.indicator.IndicatorDefinition;
import de.integrationsmonitor.kernel.Sha256;
import de.integrationsmonitor.report.fill.Figure;
import de.integrationsmonitor.report.fill.GermanNumberFormat;
import de.integrationsmonitor.report.fill.KreisReport;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The open data of an edition ({@code output/<edition>/daten/}): every value its Kreis reports show, taken from the
 * same {@link KreisReport} models the PDFs are filled from (so whatever is withheld there is withheld here, with its
 * symbol), as CSV for people (German number format, rounded as printed), CSV for machines (unrounded, {@code .} as
 * decimal point, ISO dates), JSON, one Open SDG tidy CSV per indicator, and a DCAT-AP.de description in JSON-LD.
 * Every file names its source, licence and report version; the same models give the same bytes.
 */
public final class OpenData {

    public static final String FOLDER = "daten";
    public static final String CSV_DE = FOLDER + "/indikatoren-de.csv";
    public static final String CSV = FOLDER + "/indikatoren.csv";
    public static final String JSON = FOLDER + "/indikatoren.json";
    public static final String OPEN_SDG = FOLDER + "/opensdg/";
    public static final String DCAT = FOLDER + "/dcat.jsonld";
    public static final String LICENCE = "dl-de/by-2-0";
    public static final String LICENCE_URI = "https://www.govdata.de/dl-de/by-2-0";

    /** The header of the machine-readable CSV. */
    public static final List<String> CSV_HEADER = List.of(
            "indikator",
            "bezeichnung",
            "einheit",
            "gebietsebene",
            "schluessel",
            "gebiet",
            "jahr",
            "wert",
            "zeichen",
            "gebietsstand",
            "quelle",
            "lizenz",
            "version");

    static final List<String> CSV_DE_HEADER = List.of(
            "Indikator",
            "Bezeichnung",
            "Einheit",
            "Gebietsebene",
            "Schlüssel",
            "Gebiet",
            "Jahr",
            "Wert",
            "Zeichen",
            "Gebietsstand",
            "Quelle",
            "Lizenz",
            "Version");

    /** One published value: an indicator of a region in a year, as the report shows it. */
    public record Row(
            String indicator,
            String label,
            String unit,
            int decimals,
            String level,
            String code,
            String region,
            int year,
            Figure figure) {}

    /** What the files say about themselves. */
    public record About(
            String editionId,
            String editionTitle,
            String versionId,
            LocalDate gebietsstand,
            String source,
            LocalDate issued,
            List<String> tableCodes) {}

    private final About about;
    private final List<Row> rows;
    private final List<IndicatorDefinition> indicators;

    private OpenData(About about, List<Row> rows, List<IndicatorDefinition> indicators) {
        this.about = about;
        this.rows = List.copyOf(rows);
        this.indicators = List.copyOf(indicators);
    }

    /**
     * The values of the given Kreis reports: each Kreis's series, and once per indicator and year its Land's and
     * Germany's value beside it; ordered by indicator (the edition's order), level, code and year.
     */
    public static OpenData of(
            About about,
            List<IndicatorDefinition> indicators,
            List<KreisReport> reports,
            Map<String, String> landNames) {
        Map<String, IndicatorDefinition> byLabel = new LinkedHashMap<>();
        indicators.forEach(i -> byLabel.put(i.label(), i));
        Map<String, Row> sorted = new TreeMap<>();
        List<String> order = indicators.stream().map(IndicatorDefinition::id).toList();
        for (KreisReport report : reports) {
            String land = report.ags().substring(0, 2);
            for (KreisReport.Section section : report.sections()) {
                for (KreisReport.Series s : section.series()) {
                    IndicatorDefinition indicator = byLabel.get(s.label());
                    if (indicator == null) {
                        continue;
                    }
                    String prefix = String.format("%03d|", order.indexOf(indicator.id()));
                    for (KreisReport.Year y : s.years()) {
                        put(
                                sorted,
                                prefix + "1|" + report.ags() + "|" + y.year(),
                                new Row(
                                        indicator.id(),
                                        s.label(),
                                        s.unit(),
                                        s.decimals(),
                                        "Kreis",
                                        report.ags(),
                                        report.kreisName(),
                                        y.year(),
                                        y.kreis()));
                        put(
                                sorted,
                                prefix + "2|" + land + "|" + y.year(),
                                new Row(
                                        indicator.id(),
                                        s.label(),
                                        s.unit(),
                                        s.decimals(),
                                        "Land",
                                        land,
                                        landNames.getOrDefault(land, land),
                                        y.year(),
                                        y.land()));
                        put(
                                sorted,
                                prefix + "3|DG|" + y.year(),
                                new Row(
                                        indicator.id(),
                                        s.label(),
                                        s.unit(),
                                        s.decimals(),
                                        "Deutschland",
                                        "DG",
                                        "Deutschland",
                                        y.year(),
                                        y.germany()));
                    }
                }
            }
        }
        return new OpenData(about, new ArrayList<>(sorted.values()), indicators);
    }

    private static void put(Map<String, Row> rows, String key, Row row) {
        rows.putIfAbsent(key, row);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Every file of the open data, by name relative to the publication folder, in a stable order. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(CSV_DE, csvDe());
        files.put(CSV, csv());
        files.put(JSON, json());
        for (IndicatorDefinition indicator : indicators) {
            if (rows.stream().anyMatch(r -> r.indicator().equals(indicator.id()))) {
                files.put(OPEN_SDG + indicator.id() + ".csv", openSdg(indicator.id()));
            }
        }
        files.put(DCAT, dcat(files));
        return files;
    }

    private byte[] csv() {
        StringBuilder out = new StringBuilder();
        line(out, ',', CSV_HEADER);
        for (Row r : rows) {
            line(
                    out,
                    ',',
                    List.of(
                            r.indicator(),
                            r.label(),
                            r.unit(),
                            r.level(),
                            r.code(),
                            r.region(),
                            Integer.toString(r.year()),
                            r.figure().value().map(BigDecimal::toPlainString).orElse(""),
                            r.figure().marker(),
                            about.gebietsstand().toString(),
                            about.source(),
                            LICENCE,
                            about.versionId()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] csvDe() {
        StringBuilder out = new StringBuilder("\uFEFF"); // a byte order mark: spreadsheets then read UTF-8
        line(out, ';', CSV_DE_HEADER);
        for (Row r : rows) {
            line(
                    out,
                    ';',
                    List.of(
                            r.indicator(),
                            r.label(),
                            r.unit(),
                            r.level(),
                            r.code(),
                            r.region(),
                            Integer.toString(r.year()),
                            r.figure()
                                    .value()
                                    .map(v -> GermanNumberFormat.number(v, r.decimals()))
                                    .orElse(""),
                            r.figure().marker(),
                            GermanNumberFormat.date(about.gebietsstand()),
                            about.source(),
                            LICENCE,
                            about.versionId()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Open SDG's tidy format: Year, the disaggregation Gebietsebene, Units, GeoCode (K15001, L15, DG), Value. */
    private byte[] openSdg(String indicator) {
        StringBuilder out = new StringBuilder();
        line(out, ',', List.of("Year", "Gebietsebene", "Units", "GeoCode", "Value", "Quelle", "Lizenz", "Version"));
        for (Row r : rows) {
            if (!r.indicator().equals(indicator)) {
                continue;
            }
            String geo =
                    r.level().equals("Kreis") ? "K" + r.code() : r.level().equals("Land") ? "L" + r.code() : r.code();
            line(
                    out,
                    ',',
                    List.of(
                            Integer.toString(r.year()),
                            r.level().equals("Kreis") ? "" : r.level(),
                            r.unit(),
                            geo,
                            r.figure().value().map(BigDecimal::toPlainString).orElse(""),
                            about.source(),
                            LICENCE,
                            about.versionId()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("ausgabe", about.editionId());
        root.put("titel", about.editionTitle());
        root.put("version", about.versionId());
        root.put("quelle", about.source());
        root.put("lizenz", LICENCE);
        root.put("lizenzUri", LICENCE_URI);
        root.put("gebietsstand", about.gebietsstand().toString());
        ArrayNode values = root.putArray("werte");
        for (Row r : rows) {
            ObjectNode v = values.addObject();
            v.put("indikator", r.indicator());
            v.put("bezeichnung", r.label());
            v.put("einheit", r.unit());
            v.put("gebietsebene", r.level());
            v.put("schluessel", r.code());
            v.put("gebiet", r.region());
            v.put("jahr", r.year());
            if (r.figure().value().isPresent()) {
                v.put("wert", r.figure().value().get());
            } else {
                v.putNull("wert");
            }
            v.put("zeichen", r.figure().marker());
        }
        try {
            return (mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the open data as JSON: " + e.getMessage(), e);
        }
    }

    /** DCAT-AP.de: the edition's values as one dataset with a distribution per file. */
    private byte[] dcat(Map<String, byte[]> files) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode context = root.putObject("@context");
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("dcatde", "http://dcat-ap.de/def/dcatde/");
        context.put("adms", "http://www.w3.org/ns/adms#");
        context.put("owl", "http://www.w3.org/2002/07/owl#");
        root.put("@type", "dcat:Dataset");
        root.put("@id", "#" + about.editionId());
        root.put("dct:title", about.editionTitle() + " – Indikatoren");
        root.put(
                "dct:description",
                "Indikatoren der Integrationsberichte der Ausgabe " + about.editionTitle()
                        + " je Kreis, Land und Deutschland. " + about.source() + ".");
        root.put("dct:identifier", about.editionId() + "/" + about.versionId());
        root.put("owl:versionInfo", about.versionId());
        root.put("dct:issued", about.issued().toString());
        root.put("dct:language", "http://publications.europa.eu/resource/authority/language/DEU");
        root.putObject("dct:license").put("@id", "http://dcat-ap.de/def/licenses/dl-by-de/2.0");
        root.put("dcatde:licenseAttributionByText", about.source());
        root.put("dct:temporal", about.gebietsstand().toString());
        ArrayNode sources = root.putArray("dct:source");
        about.tableCodes()
                .forEach(code -> sources.add("GENESIS-Tabelle " + code + " (Statistische Ämter des Bundes"
                        + " und der Länder, " + LICENCE + ")"));
        ArrayNode distributions = root.putArray("dcat:distribution");
        files.forEach((name, bytes) -> {
            ObjectNode d = distributions.addObject();
            d.put("@type", "dcat:Distribution");
            d.put("dct:title", name.substring(FOLDER.length() + 1));
            d.putObject("dcat:accessURL").put("@id", name.substring(FOLDER.length() + 1));
            d.put("dcat:mediaType", name.endsWith(".json") ? "application/json" : "text/csv");
            d.putObject("dct:license").put("@id", "http://dcat-ap.de/def/licenses/dl-by-de/2.0");
            d.put("dcat:byteSize", bytes.length);
            ObjectNode checksum = d.putObject("spdx:checksum");
            checksum.put("spdx:algorithm", "sha256");
            checksum.put("spdx:checksumValue", Sha256.of(bytes));
        });
        context.put("spdx", "http://spdx.org/rdf/terms#");
        try {
            return (mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the DCAT metadata: " + e.getMessage(), e);
        }
    }

    private static void line(StringBuilder out, char separator, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            String f = fields.get(i);
            if (f.indexOf(separator) >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        out.append("\r\n");
    }

    /** The version id a data file carries (its {@code version} column, JSON field or DCAT version info). */
    public static Optional<String> versionOf(String text) {
        java.util.regex.Matcher json = java.util.regex.Pattern.compile(
                        "\"(?:version|owl:versionInfo)\"\\s*:\\s*\"([^\"]{1,40})\"")
                .matcher(text);
        if (json.find()) {
            return Optional.of(json.group(1));
        }
        String[] lines = text.replace("\uFEFF", "").split("\r?\n");
        if (lines.length < 2) {
            return Optional.empty();
        }
        char separator = lines[0].contains(";") ? ';' : ',';
        List<String> header = List.of(lines[0].split(String.valueOf(separator), -1));
        int column = header.indexOf(separator == ';' ? "Version" : header.contains("version") ? "version" : "Version");
        if (column < 0) {
            return Optional.empty();
        }
        String[] last = lines[1].split(String.valueOf(separator), -1);
        return column < last.length ? Optional.of(last[last.length - 1]) : Optional.empty();
    }
}
