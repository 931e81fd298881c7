package de.integrationsmonitor.report.pdf;

import de.integrationsmonitor.indicator.Direction;
import de.integrationsmonitor.report.fill.Figure;
import de.integrationsmonitor.report.fill.GermanNumberFormat;
import de.integrationsmonitor.report.map.ChoroplethMap;
import de.integrationsmonitor.report.map.LandGeometry;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Land's geometry and its Kreise's values into a {@link ChoroplethMap} with its legend, its alternative
 * text and its notes, in the reports' wording.
 *
 * <p>Classes are quantiles: the Kreise with a value are sorted and cut into at most five classes of (nearly) equal
 * size, Kreise with the same value always in the same class; each class is labelled with the lowest and highest
 * value in it. Colours are ColorBrewer palettes that stay distinct for the common colour-vision deficiencies:
 * "PuOr" (orange unfavourable, purple favourable) for indicators with a direction, running the way the direction
 * says, and the sequential "Blues" for neutral ones.
 */
public final class MapMaker {

    /** A map ready for the template: the drawing, its alternative text and its notes. */
    public record Made(ChoroplethMap map, String alt, String notes) {}

    /** One Kreis's value for the map. */
    public record Value(String ags, String name, Figure figure) {}

    /** Orange (unfavourable) to purple (favourable), ColorBrewer PuOr, 5 classes. */
    private static final Color[] UNFAVOURABLE_TO_FAVOURABLE = {
        new Color(0xE6, 0x61, 0x01),
        new Color(0xFD, 0xB8, 0x63),
        new Color(0xF7, 0xF7, 0xF7),
        new Color(0xB2, 0xAB, 0xD2),
        new Color(0x5E, 0x3C, 0x99)
    };
    /** Light to dark blue, ColorBrewer Blues, 5 classes. */
    private static final Color[] SEQUENTIAL = {
        new Color(0xEF, 0xF3, 0xFF),
        new Color(0xBD, 0xD7, 0xE7),
        new Color(0x6B, 0xAE, 0xD6),
        new Color(0x31, 0x82, 0xBD),
        new Color(0x08, 0x51, 0x9C)
    };
    /** Which of the five colours a map with fewer classes uses. */
    private static final int[][] PICK = {{}, {2}, {0, 4}, {0, 2, 4}, {0, 1, 3, 4}, {0, 1, 2, 3, 4}};

    private static final Color LOCATED = new Color(0x1F, 0x3A, 0x5A);
    private static final int MAX_CLASSES = 5;

    /** The wording a map's legend and alternative text are written in (the reports' bundle). */
    public interface Wording {
        String text(String key, Object... arguments);
    }

    private final Wording core;

    MapMaker(ReportCore core) {
        this.core = core::text;
    }

    /** A map maker that words its legends with the reports' bundle read elsewhere (the web publication). */
    public MapMaker(Wording wording) {
        this.core = wording;
    }

    /**
     * A choropleth of one indicator.
     *
     * @param title       what the map shows, e.g. "Ausländeranteil 2015"
     * @param highlighted a Kreis to outline, or null
     */
    public Made choropleth(
            LandGeometry geometry,
            String landName,
            String title,
            List<Value> values,
            Direction direction,
            int decimals,
            String unit,
            String highlighted) {
        Map<String, Value> byAgs = new HashMap<>();
        values.forEach(v -> byAgs.put(v.ags(), v));
        List<Value> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> hatched = new HashSet<>();
        Set<String> shared = new HashSet<>();
        for (LandGeometry.Area area : geometry.areas()) {
            Value value = byAgs.get(area.ags());
            if (area.predecessors().size() == 1) {
                // one Kreis shown on its successor's area: the area is that Kreis, in its class
                Value own = byAgs.get(area.predecessors().get(0));
                value = own == null ? null : new Value(area.ags(), own.name(), own.figure());
                if (value != null && value.figure().value().isPresent()) {
                    present.add(value);
                    continue;
                }
            }
            if (area.predecessors().size() > 1) {
                // several Kreise with values of their own on one area: in no class, their values in the note
                shared.add(area.ags());
                continue;
            }
            if (value == null || value.figure().value().isEmpty()) {
                hatched.add(area.ags());
                if (area.predecessors().isEmpty()) {
                    missing.add(value == null ? area.name() : LandGeometry.shortName(value.name()));
                }
            } else {
                present.add(value);
            }
        }
        present.sort(Comparator.comparing((Value v) -> v.figure().value().orElseThrow())
                .thenComparing(Value::ags));
        List<List<Value>> classes = quantiles(present);
        Color[] palette = palette(direction);
        int[] pick = PICK[classes.size()];
        Map<String, Color> fills = new LinkedHashMap<>();
        List<ChoroplethMap.LegendEntry> legend = new ArrayList<>();
        List<String> alt = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<Value> members = classes.get(c);
            Color colour = palette[pick[c]];
            members.forEach(v -> fills.put(v.ags(), colour));
            String range = core.text(
                    "map.range",
                    show(members.get(0), decimals, unit),
                    show(members.get(members.size() - 1), decimals, unit));
            String end = direction == Direction.NEUTRAL || classes.size() < 2
                    ? ""
                    : c == 0
                            ? " ("
                                    + core.text(
                                            direction == Direction.HIGHER_IS_BETTER
                                                    ? "map.unfavourable"
                                                    : "map.favourable")
                                    + ")"
                            : c == classes.size() - 1
                                    ? " ("
                                            + core.text(
                                                    direction == Direction.HIGHER_IS_BETTER
                                                            ? "map.favourable"
                                                            : "map.unfavourable")
                                            + ")"
                                    : "";
            legend.add(new ChoroplethMap.LegendEntry(colour, false, range + end));
            alt.add(core.text(
                    "map.alt.class",
                    range,
                    String.join(
                            ", ",
                            members.stream()
                                    .map(v -> LandGeometry.shortName(v.name()))
                                    .toList())));
        }
        if (!hatched.isEmpty()) {
            legend.add(new ChoroplethMap.LegendEntry(
                    ChoroplethMap.NO_VALUE, true, core.text("map.noValue") + (missing.isEmpty() ? "" : ":")));
            for (String line : wrap(missing, 34)) {
                legend.add(new ChoroplethMap.LegendEntry(null, false, line));
            }
            if (!missing.isEmpty()) {
                alt.add(core.text("map.alt.noValue", String.join(", ", missing)));
            }
        }
        if (!shared.isEmpty()) {
            legend.add(new ChoroplethMap.LegendEntry(ChoroplethMap.SHARED, true, core.text("map.shared.legend")));
        }
        if (!classes.isEmpty()) {
            legend.add(new ChoroplethMap.LegendEntry(
                    null, false, core.text("map.classes", Integer.toString(classes.size()))));
        }
        ChoroplethMap map = new ChoroplethMap(geometry, fills, hatched, shared, highlighted, title, legend);
        String notes = notes(geometry, byAgs, decimals, unit);
        return new Made(
                map,
                core.text("map.alt.choropleth", title, landName, String.join("; ", alt))
                        + (shared.isEmpty() ? "" : " " + notes),
                notes);
    }

    /**
     * The notes of a choropleth: an area that stands for several Kreise says so plainly, with each Kreis's value;
     * the other notes as for every map.
     */
    private String notes(LandGeometry geometry, Map<String, Value> byAgs, int decimals, String unit) {
        Map<String, List<LandGeometry.Note.AsSuccessor>> bySuccessor = new LinkedHashMap<>();
        for (LandGeometry.Note note : geometry.notes()) {
            if (note instanceof LandGeometry.Note.AsSuccessor successor) {
                bySuccessor
                        .computeIfAbsent(successor.successor(), k -> new ArrayList<>())
                        .add(successor);
            }
        }
        List<String> notes = new ArrayList<>();
        for (LandGeometry.Note note : geometry.notes()) {
            if (note instanceof LandGeometry.Note.AsSuccessor successor
                    && bySuccessor.get(successor.successor()).size() > 1) {
                List<LandGeometry.Note.AsSuccessor> group = bySuccessor.get(successor.successor());
                if (group.get(0) != successor) {
                    continue; // one note per area
                }
                List<String> kreise = new ArrayList<>();
                for (LandGeometry.Note.AsSuccessor member : group) {
                    Value value = byAgs.get(member.kreis());
                    kreise.add(member.kreisName() + " (" + member.kreis() + ") "
                            + (value == null ? "–" : GermanNumberFormat.figure(value.figure(), decimals, unit)));
                }
                notes.add(core.text(
                        "map.shared",
                        successor.successorName(),
                        successor.successor(),
                        Integer.toString(group.size()),
                        GermanNumberFormat.date(geometry.gebietsstand()),
                        String.join(", ", kreise)));
            } else {
                notes.add(note(geometry, note));
            }
        }
        return String.join(" ", notes);
    }

    /** Where a Kreis lies: the Land's Kreise grey, this one dark. */
    public Made locator(LandGeometry geometry, String landName, String ags, String kreisName) {
        Map<String, Color> fills = new HashMap<>();
        for (LandGeometry.Area area : geometry.areas()) {
            fills.put(area.ags(), area.ags().equals(ags) ? LOCATED : ChoroplethMap.NO_VALUE);
        }
        ChoroplethMap map = new ChoroplethMap(geometry, fills, Set.of(), ags, "", List.of());
        return new Made(
                map,
                core.text(
                        "map.alt.locator",
                        LandGeometry.shortName(kreisName),
                        landName,
                        Integer.toString(geometry.areas().size() - 1)),
                notes(geometry));
    }

    private String notes(LandGeometry geometry) {
        List<String> notes = new ArrayList<>();
        for (LandGeometry.Note note : geometry.notes()) {
            notes.add(note(geometry, note));
        }
        return String.join(" ", notes);
    }

    private String note(LandGeometry geometry, LandGeometry.Note note) {
        if (note instanceof LandGeometry.Note.Merged merged) {
            return core.text(
                    "map.merged",
                    merged.mergedName(),
                    merged.merged(),
                    merged.intoName(),
                    GermanNumberFormat.date(geometry.gebietsstand()));
        }
        LandGeometry.Note.AsSuccessor successor = (LandGeometry.Note.AsSuccessor) note;
        return core.text(
                "map.successor",
                successor.kreisName(),
                successor.kreis(),
                successor.successorName(),
                successor.successor());
    }

    /** At most five classes of nearly equal size; equal values never split. */
    static List<List<Value>> quantiles(List<Value> sorted) {
        List<List<Value>> classes = new ArrayList<>();
        long distinct = sorted.stream()
                .map(v -> v.figure().value().orElseThrow().stripTrailingZeros())
                .distinct()
                .count();
        int k = (int) Math.min(MAX_CLASSES, distinct);
        if (k == 0) {
            return classes;
        }
        int n = sorted.size();
        List<Value> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigDecimal value = sorted.get(i).figure().value().orElseThrow();
            boolean boundary = !current.isEmpty()
                    && classes.size() < k - 1
                    && i >= Math.round((double) (classes.size() + 1) * n / k)
                    && value.compareTo(current.get(current.size() - 1)
                                    .figure()
                                    .value()
                                    .orElseThrow())
                            != 0;
            if (boundary) {
                classes.add(current);
                current = new ArrayList<>();
            }
            current.add(sorted.get(i));
        }
        classes.add(current);
        return classes;
    }

    private static Color[] palette(Direction direction) {
        return switch (direction) {
            case NEUTRAL -> SEQUENTIAL;
            case HIGHER_IS_BETTER -> UNFAVOURABLE_TO_FAVOURABLE;
            case HIGHER_IS_WORSE -> reversed(UNFAVOURABLE_TO_FAVOURABLE);
        };
    }

    private static Color[] reversed(Color[] colours) {
        Color[] out = new Color[colours.length];
        for (int i = 0; i < colours.length; i++) {
            out[i] = colours[colours.length - 1 - i];
        }
        return out;
    }

    private static String show(Value value, int decimals, String unit) {
        return GermanNumberFormat.figure(Figure.of(value.figure().value().orElseThrow()), decimals, unit);
    }

    private static List<String> wrap(List<String> names, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String name : names) {
            if (line.length() > 0 && line.length() + name.length() + 2 > width) {
                lines.add(line.append(',').toString());
                line = new StringBuilder();
            }
            line.append(line.length() > 0 ? ", " : "").append(name);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
