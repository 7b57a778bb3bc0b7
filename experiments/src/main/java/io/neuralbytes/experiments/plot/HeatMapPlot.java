package io.neuralbytes.experiments.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A heat map of a function sampled on a regular grid over a rectangle, with a colour bar,
 * an optional contour line at one level and optional marked points. A typical use is a
 * classifier's predicted probability with its 0.5 decision boundary and the training points.
 *
 * <p>The grid has {@code rows x cols} cells covering [xMin, xMax] x [yMin, yMax]; the value of
 * cell (r, c) is {@code values[r * cols + c]}, sampled at the cell's centre (see
 * {@link #cellCenters}), with row 0 at the bottom (smallest y). XChart draws the axes, title,
 * legend, contour and points; the cells are painted beneath them.
 */
public final class HeatMapPlot {

    private static final int COLOR_BAR_WIDTH = 90;

    private record Points(String name, double[] x, double[] y, Color color, Marker marker) { }

    private record Label(double x, double y, String text) { }

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private double xMin;
    private double xMax;
    private double yMin;
    private double yMax;
    private int rows;
    private int cols;
    private double[] values;
    private double valueMin = Double.NaN;
    private double valueMax = Double.NaN;
    private String valueTitle = "";
    private ColorScale colorScale = ColorScale.blueWhiteRed();
    private double contourLevel = Double.NaN;
    private String contourName;
    private final List<Points> points = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private int width = PlotStyle.WIDTH;
    private int height = PlotStyle.HEIGHT + 40;

    public HeatMapPlot(String title, String xTitle, String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    /**
     * Returns the centres of {@code n} equal cells covering [min, max]:
     * {@code min + (i + 0.5) (max - min) / n}.
     */
    public static double[] cellCenters(double min, double max, int n) {
        double[] centers = new double[n];
        for (int i = 0; i < n; i++) {
            centers[i] = min + (i + 0.5) * (max - min) / n;
        }
        return centers;
    }

    /** Sets the grid; see the class comment for the layout of {@code values}. */
    public HeatMapPlot grid(double xMin, double xMax, double yMin, double yMax,
                            int rows, int cols, double[] values) {
        if (rows < 2 || cols < 2 || values.length != rows * cols) {
            throw new IllegalArgumentException("heat map grid: " + rows + " x " + cols
                    + " with " + values.length
                    + " values; expected at least 2 x 2 and rows * cols values");
        }
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("heat map grid: x range [" + xMin + ", " + xMax
                    + "] and y range [" + yMin + ", " + yMax + "] must be non-empty");
        }
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.rows = rows;
        this.cols = cols;
        this.values = values.clone();
        return this;
    }

    /** Fixes the values mapped to the two ends of the colour scale and titles the colour bar. */
    public HeatMapPlot valueRange(double min, double max, String title) {
        if (!(min < max)) {
            throw new IllegalArgumentException("heat map value range [" + min + ", " + max
                    + "] is empty");
        }
        this.valueMin = min;
        this.valueMax = max;
        this.valueTitle = title;
        return this;
    }

    public HeatMapPlot colorScale(ColorScale scale) {
        this.colorScale = scale;
        return this;
    }

    /** Draws the line where the sampled function crosses {@code level}. */
    public HeatMapPlot contour(double level, String name) {
        this.contourLevel = level;
        this.contourName = name;
        return this;
    }

    /** Marks points with one marker and colour, listed in the legend under {@code name}. */
    public HeatMapPlot points(String name, double[] x, double[] y, Color color, Marker marker) {
        points.add(new Points(name, x.clone(), y.clone(), color, marker));
        return this;
    }

    /** Writes {@code text} with its lower left corner at (x, y) in data coordinates. */
    public HeatMapPlot label(double x, double y, String text) {
        labels.add(new Label(x, y, text));
        return this;
    }

    public BufferedImage render() {
        if (values == null) {
            throw new IllegalStateException("heat map '" + title + "' has no grid");
        }
        double low = valueMin;
        double high = valueMax;
        if (Double.isNaN(low)) {
            low = Double.POSITIVE_INFINITY;
            high = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
            if (!(low < high)) {
                low = Double.isFinite(low) ? low - 0.5 : 0;
                high = low + 1;
            }
        }

        int chartWidth = width - COLOR_BAR_WIDTH;
        XYChart chart = buildChart(chartWidth);
        BufferedImage overlay = new BufferedImage(chartWidth, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D overlayGraphics = overlay.createGraphics();
        chart.paint(overlayGraphics, chartWidth, height);
        overlayGraphics.dispose();

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        paintCells(image, chart, low, high);
        g.drawImage(overlay, 0, 0, null);
        int top = (int) Math.round(chart.getScreenYFromChart(yMax));
        int bottom = (int) Math.round(chart.getScreenYFromChart(yMin));
        paintColorBar(g, chartWidth, top, bottom, low, high);
        g.dispose();
        return image;
    }

    private XYChart buildChart(int chartWidth) {
        XYChart chart = new XYChart(chartWidth, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        PlotStyle.apply(chart.getStyler());
        chart.getStyler().setChartBackgroundColor(PlotStyle.TRANSPARENT);
        chart.getStyler().setPlotBackgroundColor(PlotStyle.TRANSPARENT);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setLegendBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(xMin);
        chart.getStyler().setXAxisMax(xMax);
        chart.getStyler().setYAxisMin(yMin);
        chart.getStyler().setYAxisMax(yMax);
        chart.getStyler().setMarkerSize(13);
        chart.getStyler().setAnnotationTextFont(PlotStyle.LABEL_FONT);
        chart.getStyler().setAnnotationTextFontColor(Color.BLACK);

        if (!Double.isNaN(contourLevel)) {
            double[][] line = Contour.segments(values, rows, cols,
                    cellCenters(xMin, xMax, cols), cellCenters(yMin, yMax, rows), contourLevel);
            String name = contourName;
            if (line[0].length == 0) {
                line = new double[][] {{Double.NaN}, {Double.NaN}};
                name = contourName + " (not in view)";
            }
            XYSeries contour = chart.addSeries(name, line[0], line[1]);
            contour.setMarker(SeriesMarkers.NONE);
            contour.setLineColor(Color.BLACK);
            contour.setLineWidth(2.2f);
        }
        for (Points p : points) {
            XYSeries series = chart.addSeries(p.name, p.x, p.y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(p.marker);
            series.setMarkerColor(p.color);
        }
        if (chart.getSeriesMap().isEmpty()) {
            // XChart needs one series to lay out the axes; this one has nothing to draw.
            XYSeries empty = chart.addSeries(" ", new double[] {Double.NaN},
                    new double[] {Double.NaN});
            empty.setShowInLegend(false);
        }
        for (Label label : labels) {
            chart.addAnnotation(new AnnotationText(label.text, label.x, label.y, false));
        }
        return chart;
    }

    /** Paints every pixel of the plot area with the colour of the cell under it. */
    private void paintCells(BufferedImage image, XYChart chart, double low, double high) {
        double left = chart.getScreenXFromChart(xMin);
        double right = chart.getScreenXFromChart(xMax);
        double top = chart.getScreenYFromChart(yMax);
        double bottom = chart.getScreenYFromChart(yMin);
        int px0 = Math.max(0, (int) Math.ceil(left));
        int px1 = Math.min(image.getWidth(), (int) Math.floor(right));
        int py0 = Math.max(0, (int) Math.ceil(top));
        int py1 = Math.min(image.getHeight(), (int) Math.floor(bottom));
        for (int py = py0; py < py1; py++) {
            int r = (int) ((bottom - (py + 0.5)) / (bottom - top) * rows);
            r = Math.max(0, Math.min(rows - 1, r));
            for (int px = px0; px < px1; px++) {
                int c = (int) (((px + 0.5) - left) / (right - left) * cols);
                c = Math.max(0, Math.min(cols - 1, c));
                double v = values[r * cols + c];
                image.setRGB(px, py, colorScale.rgb((v - low) / (high - low)));
            }
        }
    }

    private void paintColorBar(Graphics2D g, int x, int top, int bottom,
                               double low, double high) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int barLeft = x + 10;
        int barWidth = 18;
        for (int py = top; py < bottom; py++) {
            double t = (bottom - py - 0.5) / (bottom - top);
            g.setColor(colorScale.color(t));
            g.fillRect(barLeft, py, barWidth, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(barLeft, top, barWidth, bottom - top);
        g.setFont(PlotStyle.LABEL_FONT.deriveFont(11f));
        FontMetrics metrics = g.getFontMetrics();
        for (int i = 0; i <= 4; i++) {
            double v = low + (high - low) * i / 4;
            int py = (int) Math.round(bottom - (bottom - top) * i / 4.0);
            g.drawLine(barLeft + barWidth, py, barLeft + barWidth + 4, py);
            g.drawString(formatValue(v), barLeft + barWidth + 7, py + metrics.getAscent() / 2 - 1);
        }
        g.setFont(PlotStyle.LABEL_FONT);
        g.drawString(valueTitle, barLeft, top - 8);
    }

    private static String formatValue(double v) {
        return new java.text.DecimalFormat("0.###").format(v);
    }
}
