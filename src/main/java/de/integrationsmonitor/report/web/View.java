package de.integrationsmonitor.report.web;

import de.integrationsmonitor.report.edition.AuthorTexts;
import de.integrationsmonitor.report.fill.Figure;
import de.integrationsmonitor.report.fill.GermanNumberFormat;
import de.integrationsmonitor.report.fill.KreisReport;
import de.integrationsmonitor.report.fill.LandOverview;
import de.integrationsmonitor.report.map.ChoroplethMap;
import de.integrationsmonitor.report.map.LandGeometry;
import de.integrationsmonitor.report.pdf.KreisReportRenderer;
import de.integrationsmonitor.report.pdf.MapMaker;
import gg.jte.Content;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the page templates ask of a model besides its fields: the wording, numbers in German format, the SVG of a
 * chart or map with its text alternative (from the same wording keys the PDFs use), and the authors' markup as HTML.
 * One per page.
 *
 * @param frame what every page of the edition shows around its content
 */
public record View(Frame frame, Wording t, MapMaker maps) {

    /**
     * The frame of every page: the edition, the report version the page belongs to, the Content-Security-Policy and
     * the one inline style sheet it allows.
     */
    public record Frame(
            String title,
            String editionTitle,
            String versionId,
            String inputsSha256,
            String csp,
            String css,
            boolean synthetic,
            String description) {}

    public String x(String key, Object... arguments) {
        return t.text(key, arguments);
    }

    public static String figure(Figure figure, int decimals, String unit) {
        return GermanNumberFormat.figure(figure, decimals, unit);
    }

    public static String shortName(String name) {
        return LandGeometry.shortName(name);
    }

    public static String date(java.time.LocalDate date) {
        return GermanNumberFormat.date(date);
    }

    /** The chart of a series as inline SVG; its alternative text is the PDF chart's. */
    public Content chart(KreisReport report, KreisReport.Series s) {
        return raw(Svg.lineChart(
                s,
                chartAlt(report, s),
                List.of(shortName(report.kreisName()), report.landName(), t.text("kreis.years.germany"))));
    }

    public String chartAlt(KreisReport report, KreisReport.Series s) {
        return KreisReportRenderer.chartAlt(t, s, shortName(report.kreisName()), report.landName());
    }

    /** The series' map of the Land's Kreise, the Kreis outlined; empty when the edition maps no such indicator. */
    public Optional<MapMaker.Made> map(KreisReport report, KreisReport.Series s) {
        if (s.landValues().isEmpty() || report.geometry().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(maps.choropleth(
                report.geometry().get(),
                report.landName(),
                s.label() + " " + s.mapYear(),
                s.landValues().stream()
                        .map(v -> new MapMaker.Value(v.ags(), v.name(), v.value()))
                        .toList(),
                s.direction(),
                s.decimals(),
                s.unit(),
                report.ags()));
    }

    public Content svg(LandGeometry geometry, MapMaker.Made made, String highlighted) {
        ChoroplethMap map = made.map();
        return raw(Svg.map(geometry, map.fills(), map.hatched(), highlighted, made.alt(), null));
    }

    /** Where the Kreis lies in its Land. */
    public Optional<Content> locator(KreisReport report) {
        return report.geometry().map(g -> {
            MapMaker.Made made = maps.locator(g, report.landName(), report.ags(), report.kreisName());
            return raw(Svg.map(g, made.map().fills(), Set.of(), report.ags(), made.alt(), null));
        });
    }

    private static final java.awt.Color LINKED = new java.awt.Color(0xC6, 0xD4, 0xE4);
    private static final java.awt.Color WITHOUT_PAGE = new java.awt.Color(0xF2, 0xF2, 0xF2);

    /** The Land's map on the index page: each Kreis with a page a link to it. */
    public Content linkedMap(LandGeometry geometry, Map<String, String> pages, String label) {
        Map<String, java.awt.Color> fills = new java.util.HashMap<>();
        geometry.areas().forEach(a -> fills.put(a.ags(), pages.containsKey(a.ags()) ? LINKED : WITHOUT_PAGE));
        return raw(Svg.map(geometry, fills, Set.of(), null, label, pages::get));
    }

    /** A Land overview's indicator: its map and its bars, with the PDF's alternative texts. */
    public Optional<MapMaker.Made> map(LandOverview overview, LandOverview.IndicatorRanking r) {
        return overview.geometry()
                .map(g -> maps.choropleth(
                        g,
                        overview.landName(),
                        r.label() + " " + overview.referenceYear(),
                        r.kreise().stream()
                                .map(k -> new MapMaker.Value(k.ags(), k.name(), k.value()))
                                .toList(),
                        r.orientation(),
                        r.decimals(),
                        r.unit(),
                        null));
    }

    public Content bars(LandOverview overview, LandOverview.IndicatorRanking r) {
        return raw(Svg.barChart(r, barsAlt(overview, r)));
    }

    public String barsAlt(LandOverview overview, LandOverview.IndicatorRanking r) {
        List<String> kreise = r.kreise().stream()
                .map(k -> k.name() + " " + figure(k.value(), r.decimals(), r.unit()))
                .toList();
        return t.text(
                "chart.alt.ranking",
                r.label(),
                overview.landName(),
                String.join(", ", kreise),
                overview.landName(),
                figure(r.landValue(), r.decimals(), r.unit()),
                figure(r.germanyValue(), r.decimals(), r.unit()));
    }

    private static final Pattern TAG = Pattern.compile("<style is(Bold|Italic)=\"true\">|</style>");

    /** An author's block (JasperReports styled markup, text already escaped) as HTML. */
    public static Content markup(AuthorTexts.Block block) {
        StringBuilder html = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(block.markup());
        int at = 0;
        while (m.find()) {
            html.append(block.markup(), at, m.start());
            if (m.group(1) == null) {
                html.append(open.isEmpty() ? "" : "</" + open.pop() + ">");
            } else {
                String tag = m.group(1).equals("Bold") ? "strong" : "em";
                open.push(tag);
                html.append('<').append(tag).append('>');
            }
            at = m.end();
        }
        html.append(block.markup().substring(at));
        while (!open.isEmpty()) {
            html.append("</").append(open.pop()).append('>');
        }
        return raw(html.toString().replace("\n", "<br>"));
    }

    /** A map legend's colour (or the hatching of "ohne Wert") as a small inline SVG, hidden from screen readers. */
    public static Content swatch(ChoroplethMap.LegendEntry entry) {
        String lines = "";
        if (entry.hatched()) {
            StringBuilder hatch = new StringBuilder();
            for (int x = -14; x < 24; x += 4) {
                hatch.append("<line x1=\"")
                        .append(x)
                        .append("\" y1=\"14\" x2=\"")
                        .append(x + 14)
                        .append("\" y2=\"0\" stroke=\"#737373\" stroke-width=\"1\"/>");
            }
            lines = hatch.toString();
        }
        String fill = entry.hatched() ? "#d9d9d9" : Svg.hex(entry.colour());
        return raw("<svg class=\"swatch\" viewBox=\"0 0 24 14\" aria-hidden=\"true\" focusable=\"false\">"
                + "<rect width=\"24\" height=\"14\" fill=\"" + fill + "\"/>" + lines
                + "<rect width=\"24\" height=\"14\" fill=\"none\" stroke=\"#4d4d4d\"/></svg>");
    }

    public static Content raw(String html) {
        return output -> output.writeContent(html);
    }

    /** The symbols of the legend, in the PDF's order. */
    public static final List<String> SYMBOLS = List.of("-", "0", ".", "x", "/", "...", "()", "p", "r", "s", "e");

    static Function<String, String> none() {
        return k -> null;
    }
}
