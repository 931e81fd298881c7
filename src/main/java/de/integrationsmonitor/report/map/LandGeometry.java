package de.integrationsmonitor.report.map;

import de.integrationsmonitor.region.Kreis;
import de.integrationsmonitor.region.KreisRegister;
import de.integrationsmonitor.region.KreisSuccession;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The Kreise of one Land at an edition's Gebietsstand as drawable outlines, projected (equirectangular around the
 * Land's middle latitude) and scaled to a unit box; computed once per Land and Gebietsstand and shared.
 *
 * <p>The shipped geometry has the Kreise of 01.01.2021 ({@link KreisGeometry}). At a later Gebietsstand the Kreise
 * that merged are drawn as one (geometric union: Eisenach 16056 in the Wartburgkreis 16063 from 01.07.2021); at an
 * earlier one a Kreis that the geometry no longer has is shown as the area of its successor, which the map says
 * (Göttingen 03152 and Osterode am Harz 03156 before 01.11.2016 as 03159). Which Kreise exist and who succeeded whom
 * comes from the {@link KreisRegister}.
 */
public final class LandGeometry implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, LandGeometry> CACHE = new ConcurrentHashMap<>();

    /**
     * One area of the map.
     *
     * @param ags          the Kreis at the Gebietsstand the area shows, or the successor's code when it stands for
     *                     Kreise the geometry cannot show
     * @param name         as printed
     * @param outline      in the unit box (0..width, 0..height), y downwards
     * @param predecessors the Kreise at the Gebietsstand that this successor's area stands for (empty: the area is
     *                     the Kreis {@code ags} itself)
     */
    public record Area(String ags, String name, Path2D.Float outline, List<String> predecessors)
            implements Serializable {}

    /** A note the map carries: how an area differs from the Kreis's territory at the Gebietsstand. */
    public sealed interface Note extends Serializable {
        /** {@code merged} was drawn together with {@code into}. */
        record Merged(String merged, String mergedName, String into, String intoName) implements Note {}

        /** {@code kreis} is shown as the area of its successor. */
        record AsSuccessor(String kreis, String kreisName, String successor, String successorName) implements Note {}
    }

    private final String landCode;
    private final LocalDate gebietsstand;
    private final List<Area> areas;
    private final List<Note> notes;
    private final double width;
    private final double height;

    private LandGeometry(
            String landCode, LocalDate gebietsstand, List<Area> areas, List<Note> notes, double width, double height) {
        this.landCode = landCode;
        this.gebietsstand = gebietsstand;
        this.areas = List.copyOf(areas);
        this.notes = List.copyOf(notes);
        this.width = width;
        this.height = height;
    }

    /** The Land's Kreise at the Gebietsstand, or empty when the geometry has none of them. */
    public static Optional<LandGeometry> of(KreisRegister register, String landCode, LocalDate gebietsstand) {
        LandGeometry geometry =
                CACHE.computeIfAbsent(landCode + "@" + gebietsstand, key -> build(register, landCode, gebietsstand));
        return geometry.areas.isEmpty() ? Optional.empty() : Optional.of(geometry);
    }

    public String landCode() {
        return landCode;
    }

    public LocalDate gebietsstand() {
        return gebietsstand;
    }

    public List<Area> areas() {
        return areas;
    }

    public List<Note> notes() {
        return notes;
    }

    /** Width of the unit box (its height is {@link #height()}); the aspect ratio of the Land. */
    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    private static LandGeometry build(KreisRegister register, String landCode, LocalDate gebietsstand) {
        KreisGeometry shipped = KreisGeometry.shipped();
        Map<String, List<Geometry>> byTarget = new TreeMap<>();
        Map<String, List<String>> predecessors = new TreeMap<>();
        List<Note> notes = new ArrayList<>();
        for (Map.Entry<String, Geometry> feature : shipped.outlines().entrySet()) {
            String code = feature.getKey();
            if (!code.startsWith(landCode)) {
                continue;
            }
            String target = code;
            Optional<Kreis> kreis = register.find(code);
            if (kreis.isPresent() && gebietsstand.isBefore(kreis.get().validFrom())) {
                // the geometry's Kreis did not exist yet: its area stands for its predecessors
                List<String> earlier = register.predecessorsOf(code).stream()
                        .filter(s -> s.effective().isAfter(gebietsstand))
                        .map(KreisSuccession::oldAgs)
                        .filter(a -> register.existedOn(a, gebietsstand))
                        .sorted()
                        .toList();
                predecessors.put(code, earlier);
                for (String old : earlier) {
                    notes.add(new Note.AsSuccessor(
                            old, name(register, shipped, old), code, name(register, shipped, code)));
                }
            } else {
                target = successorOn(register, code, gebietsstand);
                if (!target.equals(code)) {
                    notes.add(new Note.Merged(
                            code, name(register, shipped, code), target, name(register, shipped, target)));
                }
            }
            byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(feature.getValue());
        }
        if (byTarget.isEmpty()) {
            return new LandGeometry(landCode, gebietsstand, List.of(), List.of(), 1, 1);
        }
        Envelope bounds = new Envelope();
        byTarget.values().forEach(list -> list.forEach(g -> bounds.expandToInclude(g.getEnvelopeInternal())));
        double scale = Math.cos(Math.toRadians((bounds.getMinY() + bounds.getMaxY()) / 2));
        double width = bounds.getWidth() * scale;
        double height = bounds.getHeight();
        double unit = Math.max(width, height);
        List<Area> areas = new ArrayList<>();
        for (Map.Entry<String, List<Geometry>> target : byTarget.entrySet()) {
            Geometry geometry =
                    target.getValue().size() == 1 ? target.getValue().get(0) : union(target.getValue());
            Path2D.Float outline = new Path2D.Float(Path2D.WIND_EVEN_ODD);
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                    ring(outline, polygon.getExteriorRing().getCoordinates(), bounds, scale, unit);
                    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                        ring(outline, polygon.getInteriorRingN(h).getCoordinates(), bounds, scale, unit);
                    }
                }
            }
            areas.add(new Area(
                    target.getKey(),
                    name(register, shipped, target.getKey()),
                    outline,
                    predecessors.getOrDefault(target.getKey(), List.of())));
        }
        areas.sort(Comparator.comparing(Area::ags));
        return new LandGeometry(landCode, gebietsstand, areas, notes, width / unit, height / unit);
    }

    private static Geometry union(List<Geometry> parts) {
        Geometry union = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            try {
                union = union.union(parts.get(i));
            } catch (RuntimeException e) {
                // rounding can leave two shared borders a hair apart; a zero buffer mends them
                union = union.buffer(0).union(parts.get(i).buffer(0));
            }
        }
        return union;
    }

    private static void ring(Path2D.Float path, Coordinate[] ring, Envelope bounds, double scale, double unit) {
        for (int i = 0; i < ring.length; i++) {
            float x = (float) ((ring[i].x - bounds.getMinX()) * scale / unit);
            float y = (float) ((bounds.getMaxY() - ring[i].y) / unit);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
    }

    /** The Kreis at the date whose territory holds the given Kreis of the geometry (whole successions only). */
    private static String successorOn(KreisRegister register, String ags, LocalDate date) {
        String current = ags;
        for (int step = 0; step < 10; step++) {
            Optional<Kreis> kreis = register.find(current);
            if (kreis.isEmpty() || kreis.get().existsOn(date)) {
                return current;
            }
            String from = current;
            List<KreisSuccession> next = register.successorsOf(from).stream()
                    .filter(s -> !s.effective().isAfter(date))
                    .toList();
            if (next.size() != 1) {
                return current;
            }
            current = next.get(0).newAgs();
        }
        return current;
    }

    private static String name(KreisRegister register, KreisGeometry shipped, String ags) {
        return register.find(ags).map(k -> shortName(k.name())).orElse(shipped.name(ags));
    }

    /** "Dessau-Roßlau, kreisfreie Stadt" → "Dessau-Roßlau". */
    public static String shortName(String name) {
        int comma = name.indexOf(',');
        return comma > 0 ? name.substring(0, comma) : name;
    }

    /** Names the geometry by what it is made from, so that it can be part of a document's content key. */
    @Override
    public String toString() {
        return "LandGeometry[" + landCode + " at " + gebietsstand + ", " + areas.size() + " areas from "
                + KreisGeometry.RESOURCE + "]";
    }

    /** The outlines' bounds in the unit box, for tests. */
    Rectangle2D bounds() {
        Rectangle2D all = null;
        for (Area area : areas) {
            all = all == null
                    ? area.outline().getBounds2D()
                    : all.createUnion(area.outline().getBounds2D());
        }
        return all;
    }

    /** Areas by AGS, in order. */
    Map<String, Area> byAgs() {
        Map<String, Area> map = new LinkedHashMap<>();
        areas.forEach(a -> map.put(a.ags(), a));
        return map;
    }
}
