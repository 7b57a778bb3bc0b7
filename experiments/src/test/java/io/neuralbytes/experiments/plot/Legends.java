package io.neuralbytes.experiments.plot;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Reads what a chart's legend lists, for the tests of the charts. */
public final class Legends {

    private Legends() {
    }

    /** Returns the names of the chart's series that its legend shows, in order. */
    public static List<String> legendEntries(XYChart chart) {
        return chart.getSeriesMap().values().stream()
                .filter(XYSeries::isShowInLegend)
                .map(XYSeries::getName)
                .toList();
    }
}
