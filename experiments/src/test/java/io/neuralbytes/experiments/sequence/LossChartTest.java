package io.neuralbytes.experiments.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuralbytes.experiments.plot.Legends;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** The loss plot of a text run lists only series that it draws. */
class LossChartTest {

  private static TextRunResult diverged(double... losses) {
    TextRunSettings settings = new TextRunSettings(8, 50, 1e308, 20, 0, 40, 20, 1.0, 5000,
        true, 0, null);
    int[] windows = new int[losses.length];
    Arrays.fill(windows, 50);
    return new TextRunResult(TextRunSpec.CHAR_RNN, settings, null, null, null, 0, true, true,
        0, 0, losses, windows, List.of(),
        new TextRunResult.Divergence(losses.length + 1, "the loss is NaN"),
        new double[0], new double[0], 0, 0);
  }

  @Test
  void oneLossHasNoMean() {
    XYChart chart = TextRunReport.lossChart(diverged(277.6)).chart();
    assertEquals(List.of("loss", "loss: last finite value, NaN from step 2"), Legends.legendEntries(chart));
  }

  @Test
  void twoLossesHaveMean() {
    XYChart chart = TextRunReport.lossChart(diverged(277.6, 275.0)).chart();
    assertEquals(List.of("loss", "loss: last finite value, NaN from step 3", "mean of the last 10 steps"),
        Legends.legendEntries(chart));
  }

  @Test
  void noLossLeavesEmptyLegend() {
    XYChart chart = TextRunReport.lossChart(diverged()).chart();
    assertEquals(List.of(), Legends.legendEntries(chart));
  }
}
