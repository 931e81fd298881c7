package de.integrationsmonitor.report;

import de.integrationsmonitor.report.pdf.LandOverviewRenderer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * Finishes the Kreis bar chart of the Land overview: flat bars, the bar labels just past the end of each bar,
 * and dashed reference lines for the Land and Germany (named in a legend below the plot), with room on the
 * value axis for all of them.
 *
 * <p>Reads the current indicator's fields {@code landMarker}, {@code landMarkerLabel}, {@code germanyMarker}
 * and {@code germanyMarkerLabel} (see {@link LandOverviewRenderer}). Named in the template's
 * {@code customizerClass}; JasperReports creates one instance per chart.
 */
public final class LandOverviewChartCustomizer extends JRAbstractChartCustomizer {

    private static final Color BAR = new Color(0x3B, 0x6E, 0x9E);
    private static final Color LAND = new Color(0xA1, 0x2A, 0x1E);
    private static final Color GERMANY = new Color(0x33, 0x33, 0x33);
    private static final BasicStroke DASHED =
            new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10.0f, new float[] {3.0f, 2.0f}, 0.0f);
    // the font mapper of the PDF exporter resolves the family through the jasperreports-fonts extension,
    // so the legend is embedded DejaVu like the rest of the page
    private static final Font LEGEND_FONT = new Font("DejaVu Sans", Font.PLAIN, 8);

    @Override
    public void customize(JFreeChart chart, JRChart jrChart) {
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xC5, 0xCD, 0xD6));

        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(false);
            bars.setSeriesPaint(0, BAR);
            bars.setItemMargin(0.0);
            bars.setDefaultPositiveItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
            bars.setDefaultNegativeItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
            bars.setItemLabelAnchorOffset(3.0);
        }
        CategoryAxis categories = plot.getDomainAxis();
        categories.setCategoryMargin(0.25);
        categories.setLowerMargin(0.01);
        categories.setUpperMargin(0.01);
        categories.setMaximumCategoryLabelWidthRatio(0.35f);

        Double land = (Double) getFieldValue("landMarker");
        Double germany = (Double) getFieldValue("germanyMarker");
        LegendItemCollection references = new LegendItemCollection();
        addMarker(plot, references, land, (String) getFieldValue("landMarkerLabel"), LAND);
        addMarker(plot, references, germany, (String) getFieldValue("germanyMarkerLabel"), GERMANY);
        if (references.getItemCount() > 0) {
            plot.setFixedLegendItems(references);
            LegendTitle legend = new LegendTitle(plot);
            legend.setItemFont(LEGEND_FONT);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(null);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
            chart.addLegend(legend);
        }
        fitValueAxis(plot, land, germany);
    }

    /** A dashed line across the bars, named in the legend below the chart rather than on the plot. */
    private static void addMarker(
            CategoryPlot plot, LegendItemCollection legend, Double value, String label, Color color) {
        if (value == null) {
            return;
        }
        plot.addRangeMarker(new ValueMarker(value, color, DASHED), Layer.FOREGROUND);
        legend.add(new LegendItem(label, null, null, null, new Line2D.Double(0.0, 0.0, 14.0, 0.0), DASHED, color));
    }

    /** Zero, every bar and both reference lines on the axis, plus room for the labels past the bar ends. */
    private static void fitValueAxis(CategoryPlot plot, Double land, Double germany) {
        double low = 0.0;
        double high = 0.0;
        CategoryDataset data = plot.getDataset();
        if (data != null) {
            for (int row = 0; row < data.getRowCount(); row++) {
                for (int column = 0; column < data.getColumnCount(); column++) {
                    Number value = data.getValue(row, column);
                    if (value != null) {
                        low = Math.min(low, value.doubleValue());
                        high = Math.max(high, value.doubleValue());
                    }
                }
            }
        }
        for (Double marker : new Double[] {land, germany}) {
            if (marker != null) {
                low = Math.min(low, marker);
                high = Math.max(high, marker);
            }
        }
        double span = high - low;
        if (span <= 0.0) {
            span = 1.0;
        }
        double room = span * 0.18;
        ValueAxis axis = plot.getRangeAxis();
        axis.setRange(new Range(low < 0.0 ? low - room : 0.0, high > 0.0 ? high + room : 0.0 + room * 0.1));
    }
}
