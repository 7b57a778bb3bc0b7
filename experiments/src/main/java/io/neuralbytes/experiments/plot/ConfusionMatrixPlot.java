package io.neuralbytes.experiments.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

/**
 * A confusion matrix: true class down the rows (first class at the top), predicted class
 * across the columns, each cell showing its count and shaded by it.
 */
public final class ConfusionMatrixPlot {

    private ConfusionMatrixPlot() {
    }

    /**
     * Renders {@code counts[trueClass][predictedClass]}.
     *
     * @param classNames one name per class, in class-index order
     */
    public static BufferedImage render(String title, List<String> classNames, int[][] counts) {
        int k = classNames.size();
        if (k < 1 || counts.length != k) {
            throw new IllegalArgumentException("confusion matrix: " + counts.length
                    + " rows for " + k + " class names; expected one row per class");
        }
        int max = 0;
        List<Number[]> cells = new ArrayList<>(k * k);
        for (int t = 0; t < k; t++) {
            if (counts[t].length != k) {
                throw new IllegalArgumentException("confusion matrix: row " + t + " has "
                        + counts[t].length + " counts; expected " + k);
            }
            for (int p = 0; p < k; p++) {
                // XChart puts y index 0 at the bottom, so the first class gets the top row.
                cells.add(new Number[] {p, k - 1 - t, counts[t][p]});
                max = Math.max(max, counts[t][p]);
            }
        }
        List<String> rowNames = new ArrayList<>(classNames);
        java.util.Collections.reverse(rowNames);

        int size = Math.max(PlotStyle.HEIGHT, 120 + 48 * k);
        // The builder, unlike the plain constructor, applies the default theme's colours and fonts.
        HeatMapChart chart = new HeatMapChartBuilder().width(size + 100).height(size).build();
        chart.setTitle(title);
        chart.setXAxisTitle("predicted class");
        chart.setYAxisTitle("true class");
        HeatMapStyler styler = chart.getStyler();
        PlotStyle.apply(styler);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setShowValue(true);
        styler.setValueFont(PlotStyle.LABEL_FONT);
        styler.setValueFontColor(Color.BLACK);
        styler.setHeatMapValueDecimalPattern("0");
        styler.setMin(0);
        styler.setMax(Math.max(1, max));
        styler.setRangeColors(new Color[] {ColorScale.whiteToBlue().color(0),
                ColorScale.whiteToBlue().color(0.5), ColorScale.whiteToBlue().color(0.85)});
        styler.setXAxisLabelRotation(k > 5 ? 45 : 0);
        styler.setPlotContentSize(1.0);
        chart.addSeries("count", classNames, rowNames, cells);
        return PlotStyle.render(chart);
    }
}
