package de.integrationsmonitor.report.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * The boundaries of the Kreise as the product ships them: a simplified derivative of the BKG's VG5000 (Gebietsstand
 * 01.01.2021, dl-de/by-2-0, "© GeoBasis-DE / BKG 2021 (Daten verändert)"), one line per Kreis with its code, name
 * and outline as WKT in WGS 84 longitude/latitude ({@value #RESOURCE}, about a quarter of the source's size).
 *
 * <p>{@link #rebuild} makes that file from the BKG's GeoJSON: the Kreise are simplified together as one coverage
 * (JTS {@link CoverageSimplifier}, so neighbouring Kreise keep their shared borders, no gaps or overlaps appear) and
 * rounded to {@value #DECIMALS} decimals (about 10 m). The acceptance tests rebuild it from {@code ../shared} and
 * compare it with the shipped file.
 */
public final class KreisGeometry {

    /** The shipped derivative, on the class path. */
    public static final String RESOURCE = "geo/kreise-vg5000-2021.wkt";

    /** The Gebietsstand of the geometry. */
    public static final java.time.LocalDate GEBIETSSTAND = java.time.LocalDate.of(2021, 1, 1);

    /** Simplification tolerance in degrees (about 0.7-1.1 km; a Land fills half a page, so that is below a point), fine enough for a Land on half a page. */
    static final double TOLERANCE = 0.01;

    static final int DECIMALS = 4;

    private static final String HEADER = """
            # Kreise Deutschlands, Gebietsstand 01.01.2021: vereinfachte Ableitung aus VG5000 des BKG
            # Quelle: © GeoBasis-DE / BKG 2021 (Daten verändert); Lizenz: Datenlizenz Deutschland - Namensnennung - Version 2.0
            # (dl-de/by-2-0). Vereinfacht als zusammenhängende Fläche (JTS CoverageSimplifier, Toleranz %s Grad),
            # Koordinaten WGS 84 (Länge, Breite) auf %d Dezimalstellen gerundet. Neu erzeugt von KreisGeometry.rebuild.
            # ags;name;wkt
            """;

    private static final class Shipped {
        static final KreisGeometry INSTANCE = readShipped();
    }

    private final Map<String, Geometry> outlines;
    private final Map<String, String> names;

    private KreisGeometry(Map<String, Geometry> outlines, Map<String, String> names) {
        this.outlines = Collections.unmodifiableMap(outlines);
        this.names = Collections.unmodifiableMap(names);
    }

    /** The shipped geometry, read once per JVM. */
    public static KreisGeometry shipped() {
        return Shipped.INSTANCE;
    }

    /** Outline of each Kreis at {@link #GEBIETSSTAND}, by AGS. */
    public Map<String, Geometry> outlines() {
        return outlines;
    }

    public String name(String ags) {
        return names.getOrDefault(ags, ags);
    }

    private static KreisGeometry readShipped() {
        try (InputStream in = KreisGeometry.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Kreis geometry " + RESOURCE + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kreis geometry " + RESOURCE, e);
        }
    }

    static KreisGeometry parse(BufferedReader reader) throws IOException {
        WKTReader wkt = new WKTReader(new GeometryFactory());
        Map<String, Geometry> outlines = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(";", 3);
            try {
                outlines.put(parts[0], wkt.read(parts[2]));
                names.put(parts[0], parts[1]);
            } catch (ParseException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalStateException(RESOURCE + ":" + number + ": not 'ags;name;wkt': " + e.getMessage(), e);
            }
        }
        return new KreisGeometry(outlines, names);
    }

    /**
     * Makes the shipped file from the BKG's {@code kreise.geojson} (features with {@code ARS}, {@code GEN} and a
     * Polygon or MultiPolygon in WGS 84).
     */
    public static String rebuild(Path kreiseGeoJson) throws IOException {
        JsonNode features =
                new ObjectMapper().readTree(Files.readAllBytes(kreiseGeoJson)).get("features");
        GeometryFactory factory = new GeometryFactory();
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Geometry> coverage = new ArrayList<>();
        for (JsonNode feature : features) {
            codes.add(feature.get("properties").get("ARS").asText());
            names.add(feature.get("properties").get("GEN").asText());
            coverage.add(geometry(factory, feature.get("geometry")));
        }
        Geometry[] simplified = CoverageSimplifier.simplify(coverage.toArray(Geometry[]::new), TOLERANCE);
        PrecisionModel precision = new PrecisionModel(Math.pow(10, DECIMALS));
        WKTWriter writer = new WKTWriter();
        writer.setPrecisionModel(precision);
        Map<String, String> lines = new TreeMap<>();
        for (int i = 0; i < simplified.length; i++) {
            Geometry rounded = GeometryPrecisionReducer.reducePointwise(simplified[i], precision);
            lines.put(codes.get(i), codes.get(i) + ";" + names.get(i) + ";" + writer.write(rounded));
        }
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT, HEADER, TOLERANCE, DECIMALS));
        lines.values().forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    private static Geometry geometry(GeometryFactory factory, JsonNode geometry) {
        JsonNode coordinates = geometry.get("coordinates");
        return switch (geometry.get("type").asText()) {
            case "Polygon" -> polygon(factory, coordinates);
            case "MultiPolygon" -> {
                List<Polygon> polygons = new ArrayList<>();
                coordinates.forEach(p -> polygons.add(polygon(factory, p)));
                yield factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw new IllegalArgumentException("unexpected geometry " + geometry.get("type"));
        };
    }

    private static Polygon polygon(GeometryFactory factory, JsonNode rings) {
        LinearRing shell = ring(factory, rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(factory, rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(GeometryFactory factory, JsonNode points) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] = new Coordinate(
                    points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return factory.createLinearRing(coordinates);
    }

    /** Writes the rebuilt file: {@code KreisGeometry <kreise.geojson> <out.wkt>}. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[1]), rebuild(Path.of(args[0])), StandardCharsets.UTF_8);
    }

    /** Keeps {@link MultiPolygon} in the imports for readers of the parsing code. */
    static boolean isArea(Geometry geometry) {
        return geometry instanceof Polygon || geometry instanceof MultiPolygon;
    }
}
