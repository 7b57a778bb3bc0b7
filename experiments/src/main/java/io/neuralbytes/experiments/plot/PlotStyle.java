package io.neuralbytes.experiments.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;

/** The look shared by every plot: sizes, fonts and colours, and rendering to an image. */
public final class PlotStyle {

    /** Default size of a plot in pixels. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 460;

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    static {
        // Plots are drawn into images only, so no display is needed (CI has none).
        System.setProperty("java.awt.headless", "true");
    }

    private PlotStyle() {
    }

    /** Applies the shared look to the styler of an XY, heat-map or category chart. */
    static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.DARK_GRAY);
        styler.setChartTitleFont(TITLE_FONT);
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(LABEL_FONT);
        styler.setAxisTickLabelsFont(LABEL_FONT.deriveFont(11f));
        styler.setLegendFont(LABEL_FONT.deriveFont(11f));
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setAntiAlias(true);
        styler.setToolTipsEnabled(false);
    }

    /** Draws {@code chart} into a new RGB image of the chart's size. */
    static BufferedImage render(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }
}
