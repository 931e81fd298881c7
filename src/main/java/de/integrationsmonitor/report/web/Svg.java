package de.integrationsmonitor.report.web;

import de.integrationsmonitor.report.fill.Figure;
import de.integrationsmonitor.report.fill.GermanNumberFormat;
import de.integrationsmonitor.report.fill.KreisReport;
import de.integrationsmonitor.report.fill.LandOverview;
import de.integrationsmonitor.report.map.ChoroplethMap;
import de.integrationsmonitor.report.map.LandGeometry;
import de.integrationsmonitor.report.pdf.MapMaker;
import java.awt.Color;
import java.awt.geom.PathIterator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Charts and maps of the web pages as inline SVG, drawn from the same models the PDFs are filled from (a Kreis
 * report's series, a Land overview's ranking, a map's classes from {@link MapMaker}).
 * Each is an image with a text alternative in numbers ({@code role="img"}, {@code aria-label}); the page puts the
 * data table beside it. Colours keep a contrast of at least 3:1 to the white ground (WCAG 1.4.11), and the three
 * lines differ in dash pattern too, so that no line is told apart by colour alone. Coordinates are written with two
 * decimals in a fixed locale: the same model gives the same bytes.
 */
public final class Svg {

    static final String KREIS_COLOUR = "#1f3a5a";
    static final String LAND_COLOUR = "#a6510b";
    static final String GERMANY_COLOUR = "#4d4d4d";

    private Svg() {}

    /** The line chart of one series: Kreis, Land and Germany over the years, with a gap where a value is missing. */
    public static String lineChart(KreisReport.Series series, String alt, List<String> names) {
        if (series.years().size() == 1) {
            return bars(series, alt, names);
        }
        int width = 480;
        int height = 280;
        int left = 56;
        int right = 16;
        int top = 16;
        int bottom = 40;
        List<KreisReport.Year> years = series.years();
        List<BigDecimal> all = new ArrayList<>();
        for (KreisReport.Year y : years) {
            y.kreis().value().ifPresent(all::add);
            y.land().value().ifPresent(all::add);
            y.germany().value().ifPresent(all::add);
        }
        double min = all.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double max = all.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
        min = Math.min(0, min);
        if (max <= min) {
            max = min + 1;
        }
        double[] ticks = ticks(min, max);
        min = ticks[0];
        max = ticks[ticks.length - 1];
        StringBuilder svg = open(width, height, alt);
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        double lo = min;
        double span = max - min;
        Function<Double, Double> y = v -> top + plotH - (v - lo) / span * plotH;
        Function<Integer, Double> x = i -> left + (years.size() == 1 ? plotW / 2 : plotW * i / (years.size() - 1));
        for (double t : ticks) {
            double ty = y.apply(t);
            svg.append("<line x1=\"")
                    .append(n(left))
                    .append("\" y1=\"")
                    .append(n(ty))
                    .append("\" x2=\"")
                    .append(n(width - right))
                    .append("\" y2=\"")
                    .append(n(ty))
                    .append("\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>");
            svg.append("<text x=\"")
                    .append(n(left - 6))
                    .append("\" y=\"")
                    .append(n(ty + 4))
                    .append("\" text-anchor=\"end\" font-size=\"14\" fill=\"#333333\">")
                    .append(escape(GermanNumberFormat.number(BigDecimal.valueOf(t), decimalsFor(ticks))))
                    .append("</text>");
        }
        for (int i = 0; i < years.size(); i++) {
            svg.append("<text x=\"")
                    .append(n(x.apply(i)))
                    .append("\" y=\"")
                    .append(n(height - bottom + 20))
                    .append("\" text-anchor=\"middle\" font-size=\"14\" fill=\"#333333\">")
                    .append(years.get(i).year())
                    .append("</text>");
        }
        line(svg, years, KreisReport.Year::germany, x, y, GERMANY_COLOUR, "2 4", "square");
        line(svg, years, KreisReport.Year::land, x, y, LAND_COLOUR, "8 4", "diamond");
        line(svg, years, KreisReport.Year::kreis, x, y, KREIS_COLOUR, "", "circle");
        return svg.append("</svg>").toString();
    }

    private static void line(
            StringBuilder svg,
            List<KreisReport.Year> years,
            Function<KreisReport.Year, Figure> of,
            Function<Integer, Double> x,
            Function<Double, Double> y,
            String colour,
            String dash,
            String mark) {
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < years.size(); i++) {
            Figure f = of.apply(years.get(i));
            if (f.value().isEmpty()) {
                pen = false;
                continue;
            }
            double px = x.apply(i);
            double py = y.apply(f.value().get().doubleValue());
            path.append(pen ? " L" : (path.length() == 0 ? "M" : " M"))
                    .append(n(px))
                    .append(' ')
                    .append(n(py));
            pen = true;
            switch (mark) {
                case "circle" ->
                    svg.append("<circle cx=\"")
                            .append(n(px))
                            .append("\" cy=\"")
                            .append(n(py))
                            .append("\" r=\"4\" fill=\"")
                            .append(colour)
                            .append("\"/>");
                case "square" ->
                    svg.append("<rect x=\"")
                            .append(n(px - 3.5))
                            .append("\" y=\"")
                            .append(n(py - 3.5))
                            .append("\" width=\"7\" height=\"7\" fill=\"")
                            .append(colour)
                            .append("\"/>");
                default ->
                    svg.append("<path d=\"M")
                            .append(n(px))
                            .append(' ')
                            .append(n(py - 5))
                            .append(" L")
                            .append(n(px + 5))
                            .append(' ')
                            .append(n(py))
                            .append(" L")
                            .append(n(px))
                            .append(' ')
                            .append(n(py + 5))
                            .append(" L")
                            .append(n(px - 5))
                            .append(' ')
                            .append(n(py))
                            .append(" Z\" fill=\"")
                            .append(colour)
                            .append("\"/>");
            }
        }
        if (path.length() > 0) {
            svg.append("<path d=\"")
                    .append(path)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"2.5\"")
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
                    .append("/>");
        }
    }

    /**
     * A series of one year as the PDF shows it: three bars, Kreis, Land and Germany, each with its value and a
     * pattern of its own (solid, light, outlined) so that colour is not the only difference.
     */
    private static String bars(KreisReport.Series series, String alt, List<String> names) {
        KreisReport.Year only = series.years().get(0);
        List<Figure> figures = List.of(only.kreis(), only.land(), only.germany());
        String[] fills = {KREIS_COLOUR, LAND_COLOUR, "#ffffff"};
        int width = 480;
        int height = 240;
        int top = 28;
        int bottom = 28;
        double max = figures.stream()
                .filter(Figure::isPresent)
                .mapToDouble(f -> Math.abs(f.value().get().doubleValue()))
                .max()
                .orElse(1);
        max = max == 0 ? 1 : max;
        StringBuilder svg = open(width, height, alt);
        double slot = width / 3.0;
        double plotH = height - top - bottom;
        svg.append("<line x1=\"0\" y1=\"")
                .append(n(top + plotH))
                .append("\" x2=\"")
                .append(width)
                .append("\" y2=\"")
                .append(n(top + plotH))
                .append("\" stroke=\"#4d4d4d\" stroke-width=\"1\"/>");
        for (int i = 0; i < 3; i++) {
            Figure f = figures.get(i);
            double h = f.value().map(v -> Math.abs(v.doubleValue())).orElse(0.0) / max * plotH;
            double x = slot * i + slot * 0.2;
            if (f.isPresent()) {
                svg.append("<rect x=\"")
                        .append(n(x))
                        .append("\" y=\"")
                        .append(n(top + plotH - h))
                        .append("\" width=\"")
                        .append(n(slot * 0.6))
                        .append("\" height=\"")
                        .append(n(h))
                        .append("\" fill=\"")
                        .append(fills[i])
                        .append("\" stroke=\"")
                        .append(i == 2 ? GERMANY_COLOUR : fills[i])
                        .append("\" stroke-width=\"2\"/>");
            }
            svg.append("<text x=\"")
                    .append(n(slot * i + slot / 2))
                    .append("\" y=\"")
                    .append(n(top + plotH - h - 6))
                    .append("\" text-anchor=\"middle\" font-size=\"14\" fill=\"#1a1a1a\">")
                    .append(escape(GermanNumberFormat.figure(f, series.decimals(), series.unit())))
                    .append("</text>");
            svg.append("<text x=\"")
                    .append(n(slot * i + slot / 2))
                    .append("\" y=\"")
                    .append(n(height - 8))
                    .append("\" text-anchor=\"middle\" font-size=\"14\" fill=\"#1a1a1a\">")
                    .append(escape(names.get(i)))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** A Land overview's ranking as horizontal bars, best first; a Kreis without a value gets no bar. */
    public static String barChart(LandOverview.IndicatorRanking ranking, String alt) {
        List<LandOverview.RankedKreis> kreise = ranking.kreise();
        int rowH = 22;
        int labelW = 220;
        int width = 640;
        int height = 16 + rowH * kreise.size() + 8;
        double max = kreise.stream()
                .map(LandOverview.RankedKreis::value)
                .filter(Figure::isPresent)
                .mapToDouble(f -> Math.abs(f.value().get().doubleValue()))
                .max()
                .orElse(1);
        if (max == 0) {
            max = 1;
        }
        StringBuilder svg = open(width, height, alt);
        double barSpace = width - labelW - 90;
        for (int i = 0; i < kreise.size(); i++) {
            LandOverview.RankedKreis k = kreise.get(i);
            double ty = 16 + i * rowH;
            svg.append("<text x=\"")
                    .append(n(labelW - 8))
                    .append("\" y=\"")
                    .append(n(ty + 15))
                    .append("\" text-anchor=\"end\" font-size=\"14\" fill=\"#333333\">")
                    .append(escape(LandGeometry.shortName(k.name())))
                    .append("</text>");
            String shown = GermanNumberFormat.figure(k.value(), ranking.decimals(), ranking.unit());
            double bar = k.value()
                            .value()
                            .map(v -> barSpace * Math.abs(v.doubleValue()))
                            .orElse(0.0)
                    / max;
            if (bar > 0) {
                svg.append("<rect x=\"")
                        .append(n(labelW))
                        .append("\" y=\"")
                        .append(n(ty + 3))
                        .append("\" width=\"")
                        .append(n(bar))
                        .append("\" height=\"")
                        .append(rowH - 6)
                        .append("\" fill=\"")
                        .append(KREIS_COLOUR)
                        .append("\"/>");
            }
            svg.append("<text x=\"")
                    .append(n(labelW + bar + 6))
                    .append("\" y=\"")
                    .append(n(ty + 15))
                    .append("\" font-size=\"14\" fill=\"#333333\">")
                    .append(escape(shown))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * A map of the Land's Kreise filled as the PDF's map is ({@link ChoroplethMap#fills()}, grey and hatched where
     * there is no value), {@code highlighted} outlined; with {@code links}, each Kreis is a link to its page.
     */
    public static String map(
            LandGeometry geometry,
            Map<String, Color> fills,
            Set<String> hatched,
            String highlighted,
            String alt,
            Function<String, String> links) {
        double scale = 480 / Math.max(geometry.width(), geometry.height());
        double width = geometry.width() * scale;
        double height = geometry.height() * scale;
        StringBuilder svg = new StringBuilder("<svg viewBox=\"0 0 ")
                .append(n(width))
                .append(' ')
                .append(n(height))
                .append('"');
        if (links == null) {
            svg.append(" role=\"img\" aria-label=\"").append(escape(alt)).append("\">");
        } else {
            svg.append(" role=\"group\" aria-label=\"").append(escape(alt)).append("\">");
        }
        String hatch = "hatch-" + Integer.toHexString(alt.hashCode());
        svg.append("<defs><pattern id=\"")
                .append(hatch)
                .append("\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\"")
                .append(" patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"#d9d9d9\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"#737373\" stroke-width=\"1\"/>")
                .append("</pattern></defs>");
        for (LandGeometry.Area area : geometry.areas()) {
            String d = path(area, scale);
            String fill = hatched.contains(area.ags()) || !fills.containsKey(area.ags())
                    ? "url(#" + hatch + ")"
                    : hex(fills.get(area.ags()));
            String shape = "<path d=\"" + d + "\" fill=\"" + fill + "\" stroke=\"#4d4d4d\" stroke-width=\"0.8\"/>";
            String target = links == null ? null : links.apply(area.ags());
            if (target != null) {
                svg.append("<a href=\"")
                        .append(escape(target))
                        .append("\" aria-label=\"")
                        .append(escape(area.name()))
                        .append("\">")
                        .append(shape)
                        .append("</a>");
            } else {
                svg.append(shape);
            }
        }
        for (LandGeometry.Area area : geometry.areas()) {
            if (area.ags().equals(highlighted)) {
                svg.append("<path d=\"")
                        .append(path(area, scale))
                        .append("\" fill=\"none\" stroke=\"#000000\" stroke-width=\"3\"/>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String path(LandGeometry.Area area, double scale) {
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it =
                        area.outline().getPathIterator(java.awt.geom.AffineTransform.getScaleInstance(scale, scale));
                !it.isDone();
                it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO ->
                    d.append('M').append(n(c[0])).append(' ').append(n(c[1]));
                case PathIterator.SEG_LINETO ->
                    d.append('L').append(n(c[0])).append(' ').append(n(c[1]));
                case PathIterator.SEG_CLOSE -> d.append('Z');
                default -> d.append('L').append(n(c[0])).append(' ').append(n(c[1]));
            }
        }
        return d.toString();
    }

    static String hex(Color colour) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    private static StringBuilder open(int width, int height, String alt) {
        return new StringBuilder("<svg viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(alt))
                .append("\" font-family=\"sans-serif\">");
    }

    private static double[] ticks(double min, double max) {
        double raw = (max - min) / 4;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        double start = Math.floor(min / step) * step;
        double end = Math.ceil(max / step) * step;
        int count = (int) Math.round((end - start) / step) + 1;
        double[] ticks = new double[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = start + i * step;
        }
        return ticks;
    }

    private static int decimalsFor(double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        return step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
    }

    static String n(double value) {
        String s = String.format(Locale.ROOT, "%.2f", value);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
