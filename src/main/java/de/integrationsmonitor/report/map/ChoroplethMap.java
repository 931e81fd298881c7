package de.integrationsmonitor.report.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * A map of a Land's Kreise drawn as vector graphics into the PDF (JasperReports {@link Graphics2DRenderable}, no
 * raster image): each area filled with its class colour, areas without a value grey and hatched, one Kreis outlined
 * when the map shows where it lies, and a legend with the class limits beside the map. Colours are opaque (PDF/A-1
 * forbids transparency); the text is DejaVu like the rest of the page.
 */
public final class ChoroplethMap extends AbstractRenderer implements Graphics2DRenderable, Serializable {

    private static final long serialVersionUID = 1L;

    /** One line of the legend: a swatch and what it means; without colour and hatching a line of text only. */
    public record LegendEntry(Color colour, boolean hatched, String label) implements Serializable {}

    public static final Color NO_VALUE = new Color(0xD9, 0xD9, 0xD9);
    /**
     * An area that stands for several Kreise of the Gebietsstand (the geometry knows only their successor): white,
     * hatched both ways, in no class; the legend entry with this colour is drawn so.
     */
    public static final Color SHARED = new Color(0xFF, 0xFF, 0xFE);

    static final Color HATCH = new Color(0x73, 0x73, 0x73);
    private static final Color BORDER = new Color(0x4D, 0x4D, 0x4D);
    private static final Color HIGHLIGHT = new Color(0x00, 0x00, 0x00);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    // resolved to the embedded DejaVu through the jasperreports-fonts extension, as in the charts
    private static final Font LEGEND_FONT = new Font("DejaVu Sans", Font.PLAIN, 7);
    private static final Font LEGEND_TITLE_FONT = new Font("DejaVu Sans", Font.BOLD, 7);

    private final LandGeometry geometry;
    private final Map<String, Color> fills;
    private final Set<String> hatched;
    private final Set<String> shared;
    private final String highlighted;
    private final String legendTitle;
    private final List<LegendEntry> legend;

    /**
     * @param fills       colour of each area by its AGS; areas not listed are grey
     * @param hatched     areas drawn grey and hatched (no value, or shown for Kreise the geometry cannot show)
     * @param highlighted the AGS outlined in black, or null
     * @param legend      the legend beside the map, top to bottom; empty for none
     */
    public ChoroplethMap(
            LandGeometry geometry,
            Map<String, Color> fills,
            Set<String> hatched,
            String highlighted,
            String legendTitle,
            List<LegendEntry> legend) {
        this(geometry, fills, hatched, Set.of(), highlighted, legendTitle, legend);
    }

    /**
     * @param shared areas that stand for several Kreise with values of their own: cross-hatched over white, in no
     *               class
     */
    public ChoroplethMap(
            LandGeometry geometry,
            Map<String, Color> fills,
            Set<String> hatched,
            Set<String> shared,
            String highlighted,
            String legendTitle,
            List<LegendEntry> legend) {
        this.shared = Set.copyOf(shared);
        this.geometry = geometry;
        this.fills = Map.copyOf(fills);
        this.hatched = Set.copyOf(hatched);
        this.highlighted = highlighted;
        this.legendTitle = legendTitle == null ? "" : legendTitle;
        this.legend = List.copyOf(legend);
    }

    public Map<String, Color> fills() {
        return fills;
    }

    public Set<String> hatched() {
        return hatched;
    }

    public List<LegendEntry> legend() {
        return legend;
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D g, Rectangle2D box) throws JRException {
        Graphics2D graphics = (Graphics2D) g.create();
        try {
            double legendWidth = legend.isEmpty() ? 0 : Math.min(190, box.getWidth() * 0.42);
            double mapWidth = box.getWidth() - legendWidth;
            double scale = Math.min(mapWidth / geometry.width(), box.getHeight() / geometry.height());
            AffineTransform place = new AffineTransform();
            place.translate(box.getX(), box.getY());
            place.scale(scale, scale);
            for (LandGeometry.Area area : geometry.areas()) {
                Shape shape = place.createTransformedShape(area.outline());
                if (shared.contains(area.ags())) {
                    graphics.setColor(SHARED);
                    graphics.fill(shape);
                    crossHatch(graphics, shape);
                    continue;
                }
                boolean noValue = hatched.contains(area.ags()) || !fills.containsKey(area.ags());
                graphics.setColor(noValue ? NO_VALUE : fills.get(area.ags()));
                graphics.fill(shape);
                if (hatched.contains(area.ags())) {
                    hatch(graphics, shape);
                }
            }
            graphics.setStroke(new BasicStroke(0.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            graphics.setColor(BORDER);
            for (LandGeometry.Area area : geometry.areas()) {
                graphics.draw(place.createTransformedShape(area.outline()));
            }
            if (highlighted != null) {
                for (LandGeometry.Area area : geometry.areas()) {
                    if (area.ags().equals(highlighted)) {
                        graphics.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                        graphics.setColor(HIGHLIGHT);
                        graphics.draw(place.createTransformedShape(area.outline()));
                    }
                }
            }
            if (!legend.isEmpty()) {
                drawLegend(graphics, box.getX() + geometry.width() * scale + 12, box.getY() + 4, legendWidth - 12);
            }
        } finally {
            graphics.dispose();
        }
    }

    private static void hatch(Graphics2D graphics, Shape shape) {
        Shape clip = graphics.getClip();
        graphics.clip(shape);
        Rectangle2D bounds = shape.getBounds2D();
        graphics.setColor(HATCH);
        graphics.setStroke(new BasicStroke(0.5f));
        for (double x = bounds.getMinX() - bounds.getHeight(); x < bounds.getMaxX(); x += 3.5) {
            graphics.draw(new Line2D.Double(x, bounds.getMaxY(), x + bounds.getHeight(), bounds.getMinY()));
        }
        graphics.setClip(clip);
    }

    private static void crossHatch(Graphics2D graphics, Shape shape) {
        hatch(graphics, shape);
        Shape clip = graphics.getClip();
        graphics.clip(shape);
        Rectangle2D bounds = shape.getBounds2D();
        graphics.setColor(HATCH);
        graphics.setStroke(new BasicStroke(0.5f));
        for (double x = bounds.getMinX() - bounds.getHeight(); x < bounds.getMaxX(); x += 3.5) {
            graphics.draw(new Line2D.Double(x, bounds.getMinY(), x + bounds.getHeight(), bounds.getMaxY()));
        }
        graphics.setClip(clip);
    }

    /** Each label wrapped to the legend's width: a line too long for it continues below, nothing is cut. */
    private void drawLegend(Graphics2D graphics, double x, double y, double width) {
        double line = 11;
        graphics.setColor(TEXT);
        if (!legendTitle.isEmpty()) {
            graphics.setFont(LEGEND_TITLE_FONT);
            for (String part : wrapToWidth(legendTitle, graphics.getFontMetrics(LEGEND_TITLE_FONT), width)) {
                graphics.drawString(part, (float) x, (float) (y + 7));
                y += line;
            }
            y += 2;
        }
        graphics.setFont(LEGEND_FONT);
        java.awt.FontMetrics metrics = graphics.getFontMetrics(LEGEND_FONT);
        for (LegendEntry entry : legend) {
            List<String> lines = wrapToWidth(entry.label(), metrics, width - 17);
            if (entry.colour() != null || entry.hatched()) {
                Rectangle2D swatch = new Rectangle2D.Double(x, y, 12, 8);
                boolean sharedEntry = SHARED.equals(entry.colour());
                graphics.setColor(sharedEntry ? SHARED : entry.hatched() ? NO_VALUE : entry.colour());
                graphics.fill(swatch);
                if (sharedEntry) {
                    crossHatch(graphics, swatch);
                } else if (entry.hatched()) {
                    hatch(graphics, swatch);
                }
                graphics.setStroke(new BasicStroke(0.4f));
                graphics.setColor(BORDER);
                graphics.draw(swatch);
            }
            graphics.setColor(TEXT);
            for (String part : lines) {
                graphics.drawString(part, (float) (x + 17), (float) (y + 7));
                y += line;
            }
        }
    }

    /** The words of a label in lines no wider than {@code width}; a single word wider than that stands alone. */
    public static List<String> wrapToWidth(String text, FontMetrics metrics, double width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (current.length() > 0 && metrics.stringWidth(candidate) > width) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }
}
