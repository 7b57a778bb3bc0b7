package io.neuralbytes.experiments.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of one or more series, such as loss curves.
 *
 * <p>A series that becomes NaN or infinite is drawn up to its last finite point, which gets a
 * red cross, and a red vertical line marks the x where the first non-finite value appears.
 * The legend entry and a red note name that x. A series without any finite value gets only
 * the line and the note, no legend entry, and a single finite point is drawn as a dot. A
 * long series is thinned to about {@value #MAX_POINTS} points for drawing, keeping its first
 * and last finite points.
 *
 * <pre>{@code
 * BufferedImage image = new LineChart("Cost", "epoch", "cost")
 *         .logarithmicY(true)
 *         .series("lr 0.1", epochs, costs)
 *         .render();
 * }</pre>
 */
public final class LineChart {

    static final int MAX_POINTS = 1500;

    private record Series(String name, double[] x, double[] y) { }

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<Series> series = new ArrayList<>();
    private boolean logarithmicY;
    private int width = PlotStyle.WIDTH;
    private int height = PlotStyle.HEIGHT;

    public LineChart(String title, String xTitle, String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    /**
     * Adds a series; {@code x} and {@code y} must have the same, non-zero length, and
     * {@code x} must be finite.
     */
    public LineChart series(String name, double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length
                    + " values and y has " + y.length + "; expected the same non-zero length");
        }
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    /** Adds a series whose x values are 1, 2, ..., y.length (for example epochs). */
    public LineChart series(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        return series(name, x, y);
    }

    /**
     * Uses a logarithmic y axis; ignored when a finite value is zero or negative, because a
     * logarithmic axis cannot show it.
     */
    public LineChart logarithmicY(boolean enabled) {
        this.logarithmicY = enabled;
        return this;
    }

    public LineChart size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** Returns the index of the first NaN or infinite value, or {@code y.length} if none. */
    public static int firstNonFinite(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                return i;
            }
        }
        return y.length;
    }

    public BufferedImage render() {
        return PlotStyle.render(chart());
    }

    /** Builds the XChart chart that {@link #render()} draws, for tests to inspect. */
    public XYChart chart() {
        if (series.isEmpty()) {
            throw new IllegalStateException("line chart '" + title + "' has no series");
        }
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        PlotStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(9);

        boolean allPositive = true;
        boolean anyFinite = false;
        for (Series s : series) {
            int end = firstNonFinite(s.y);
            for (int i = 0; i < end; i++) {
                allPositive &= s.y[i] > 0;
                anyFinite = true;
            }
        }
        boolean logarithmic = logarithmicY && allPositive && anyFinite;
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        if (!logarithmic && anyFinite) {
            chart.setCustomYAxisTickLabelsFormatter(tickFormatter(finiteRange()));
        }
        // Without a finite value the y axis has no scale, so it shows no tick labels.
        chart.getStyler().setYAxisTicksVisible(anyFinite);

        int divergedCount = 0;
        for (Series s : series) {
            if (addSeries(chart, s, divergedCount, !anyFinite)) {
                divergedCount++;
            }
        }
        // When no series has a finite value, no legend entry is left, so the legend is hidden.
        boolean anyInLegend = chart.getSeriesMap().values().stream()
                .anyMatch(XYSeries::isShowInLegend);
        chart.getStyler().setLegendVisible(anyInLegend);
        return chart;
    }

    /**
     * Adds one series and returns whether it diverged; {@code divergedBefore} places its note.
     * With {@code placeholderNeeded}, a series without a finite value adds an invisible point
     * for XChart to lay out the axes, because no series of the chart has a point to draw.
     */
    private boolean addSeries(XYChart chart, Series s, int divergedBefore,
                              boolean placeholderNeeded) {
        int end = firstNonFinite(s.y);
        if (end > 0) {
            int[] kept = thinnedIndices(end);
            // XChart 3.8.8 puts the ticks of equally spaced x values on multiples of their
            // spacing (every 3 or 22 epochs, say). One extra point halfway along the first
            // segment, on the line that is drawn anyway, makes it choose round steps.
            int extra = kept.length >= 3 ? 1 : 0;
            double[] x = new double[kept.length + extra];
            double[] y = new double[kept.length + extra];
            x[0] = s.x[kept[0]];
            y[0] = s.y[kept[0]];
            if (extra == 1) {
                x[1] = (s.x[kept[0]] + s.x[kept[1]]) / 2;
                y[1] = (s.y[kept[0]] + s.y[kept[1]]) / 2;
            }
            for (int i = 1; i < kept.length; i++) {
                x[i + extra] = s.x[kept[i]];
                y[i + extra] = s.y[kept[i]];
            }
            XYSeries line = chart.addSeries(s.name, x, y);
            // A line through one point draws nothing, so a lone point gets a marker.
            line.setMarker(end == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            line.setLineWidth(1.8f);
        }
        if (end == s.y.length) {
            return false;
        }

        String kind = Double.isNaN(s.y[end]) ? "NaN" : "infinite";
        String label = s.name + ": " + kind + " from " + xTitle + " " + formatX(s.x[end]);
        if (end > 0) {
            // The cross marks the last finite value, and the legend entry names it as such.
            label = s.name + ": last finite value, " + kind + " from " + xTitle + " "
                    + formatX(s.x[end]);
            XYSeries marker = chart.addSeries(label,
                    new double[] {s.x[end - 1]}, new double[] {s.y[end - 1]});
            marker.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            marker.setMarker(SeriesMarkers.CROSS);
            marker.setMarkerColor(Color.RED);
        } else if (placeholderNeeded) {
            // Nothing finite to draw, so the series gets no legend entry (the red note names
            // the divergence). The placeholder is placed one x before the divergence: at the
            // divergence itself, as the only x value, XChart 3.8.8 drew the dashed line off
            // its tick.
            XYSeries placeholder = chart.addSeries(label, new double[] {s.x[0] - 1},
                    new double[] {logarithmicY ? 1 : 0});
            placeholder.setMarker(SeriesMarkers.NONE);
            placeholder.setLineColor(PlotStyle.TRANSPARENT);
            placeholder.setShowInLegend(false);
        }
        // The x axis is stretched to reach the divergence: with one finite point before it,
        // XChart 3.8.8 drew the line on the wrong side of that point.
        Double xMax = chart.getStyler().getXAxisMax();
        chart.getStyler().setXAxisMax(xMax == null ? s.x[end] : Math.max(xMax, s.x[end]));
        AnnotationLine divergence = new AnnotationLine(s.x[end], true, false);
        chart.addAnnotation(divergence);
        chart.getStyler().setAnnotationLineColor(Color.RED);
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        // In screen space XChart measures an annotation's y from the bottom of the chart.
        AnnotationText text = new AnnotationText(s.name + ": " + kind + " at " + xTitle + " "
                + formatX(s.x[end]), width / 2.0, height - 45 - 16 * divergedBefore, true);
        chart.getStyler().setAnnotationTextFontColor(Color.RED);
        chart.getStyler().setAnnotationTextFont(PlotStyle.LABEL_FONT);
        chart.addAnnotation(text);
        return true;
    }

    /** Returns max - min over the finite prefixes of all series. */
    private double finiteRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            int end = firstNonFinite(s.y);
            for (int i = 0; i < end; i++) {
                min = Math.min(min, s.y[i]);
                max = Math.max(max, s.y[i]);
            }
        }
        return max - min;
    }

    /**
     * Returns a tick-label format with enough decimals to tell ticks apart over a range of
     * {@code range}, in plain notation: XChart's default switches to E notation for the
     * narrow ranges of a barely moving loss.
     */
    static java.util.function.Function<Double, String> tickFormatter(double range) {
        int decimals = range > 0 ? (int) Math.ceil(-Math.log10(range)) + 2 : 4;
        decimals = Math.max(1, Math.min(12, decimals));
        java.text.DecimalFormat format = new java.text.DecimalFormat("0." + "#".repeat(decimals),
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        // From ten million on, a diverging loss would print hundreds of digits per label.
        java.text.DecimalFormat scientific = new java.text.DecimalFormat("0.###E0",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        return value -> Math.abs(value) >= 1e7 ? scientific.format(value) : format.format(value);
    }

    /** Returns at most about MAX_POINTS indices spread over [0, end), always 0 and end - 1. */
    static int[] thinnedIndices(int end) {
        if (end <= MAX_POINTS) {
            int[] all = new int[end];
            for (int i = 0; i < end; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] kept = new int[MAX_POINTS];
        for (int i = 0; i < MAX_POINTS; i++) {
            kept[i] = (int) Math.round((double) i * (end - 1) / (MAX_POINTS - 1));
        }
        return kept;
    }

    private static String formatX(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
                : Double.toString(x);
    }
}
