package io.neuralbytes.experiments.mlp;

import io.neuralbytes.core.Matrix;
import io.neuralbytes.core.ProgressListener;
import io.neuralbytes.core.RandomSource;
import io.neuralbytes.experiments.output.AtomicFiles;
import io.neuralbytes.experiments.output.Counts;
import io.neuralbytes.experiments.plot.HeatMapPlot;
import io.neuralbytes.experiments.plot.LineChart;
import io.neuralbytes.mlp.Mlp;
import io.neuralbytes.mlp.TrainingHistory;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** One run of the sweep: trains a fresh network on OR, then draws its two plots. */
final class MlpRun {

    /** Inputs of logical OR, one sample per column: (0,0), (0,1), (1,0), (1,1). */
    static final Matrix X = Matrix.of(2, 4,
            0, 0, 1, 1,
            0, 1, 0, 1);
    /** Targets of logical OR, 1 x 4. */
    static final Matrix Y = Matrix.of(1, 4, 0, 1, 1, 1);

    /** The decision-boundary plot covers [PLOT_MIN, PLOT_MAX]^2. */
    static final double PLOT_MIN = -0.5;
    static final double PLOT_MAX = 1.5;
    /** Cells per side of the decision-boundary grid. */
    static final int GRID_CELLS = 100;

    private MlpRun() {
    }

    /**
     * Trains a network with the given hidden widths, initialised from {@code seed}, and writes
     * its loss curve and decision boundary into {@code folder}.
     */
    static MlpRunResult run(MlpRunSettings settings, int[] hiddenWidths, long seed, Path folder)
            throws IOException {
        long start = System.nanoTime();
        Mlp mlp = new Mlp(2, hiddenWidths, 1, new RandomSource(seed));
        TrainingHistory history = mlp.train(X, Y, settings.epochs(), settings.learningRate(),
                ProgressListener.NONE);
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        double[] predictions = mlp.predict(X).data();
        double accuracy = accuracy(predictions, Y.data());

        AtomicFiles.writePng(folder.resolve(settings.name() + "-loss.png"),
                lossChart(settings, history).render());
        AtomicFiles.writePng(folder.resolve(settings.name() + "-boundary.png"),
                boundaryPlot(settings, mlp, predictions).render());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new MlpRunResult(settings, history, predictions, accuracy, trainingSeconds,
                seconds);
    }

    /**
     * Returns the fraction of samples whose prediction falls on the target's side of 0.5
     * (0.5 itself counts as class 1). A NaN prediction is wrong for either target.
     */
    static double accuracy(double[] predictions, double[] targets) {
        int correct = 0;
        for (int i = 0; i < predictions.length; i++) {
            if (Double.isNaN(predictions[i])) {
                continue;
            }
            if ((predictions[i] >= 0.5) == (targets[i] >= 0.5)) {
                correct++;
            }
        }
        return (double) correct / predictions.length;
    }

    private static LineChart lossChart(MlpRunSettings settings, TrainingHistory history) {
        double[] costs = history.costs();
        // Epoch 0 is the cost of the initial weights, so even a diverged run has a first point.
        double[] epochs = new double[costs.length + 1];
        double[] cost = new double[costs.length + 1];
        cost[0] = history.initialCost();
        for (int k = 1; k <= costs.length; k++) {
            epochs[k] = k;
            cost[k] = costs[k - 1];
        }
        String title = "MLP on OR: cost, " + Counts.count(settings.epochs(), "epoch")
                + ", learning rate "
                + MlpRunSettings.formatRate(settings.learningRate());
        return new LineChart(title, "epoch", "cost J = 1/(2m) sum (a - y)^2")
                .series("cost", epochs, cost);
    }

    private static HeatMapPlot boundaryPlot(MlpRunSettings settings, Mlp mlp,
                                            double[] predictions) {
        int n = GRID_CELLS;
        double[] centers = HeatMapPlot.cellCenters(PLOT_MIN, PLOT_MAX, n);
        Matrix grid = new Matrix(2, n * n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                grid.set(0, r * n + c, centers[c]);
                grid.set(1, r * n + c, centers[r]);
            }
        }
        double[] p = mlp.predict(grid).data();

        String title = "Decision boundary, " + Counts.count(settings.epochs(), "epoch")
                + ", learning rate "
                + MlpRunSettings.formatRate(settings.learningRate());
        HeatMapPlot plot = new HeatMapPlot(title, "x1", "x2")
                .grid(PLOT_MIN, PLOT_MAX, PLOT_MIN, PLOT_MAX, n, n, p)
                .valueRange(0, 1, "p(y = 1)")
                .contour(0.5, "p = 0.5")
                .points("target 0", new double[] {0}, new double[] {0}, Color.BLACK,
                        SeriesMarkers.CIRCLE)
                .points("target 1", new double[] {0, 1, 1}, new double[] {1, 0, 1},
                        new Color(0xFFC20A), SeriesMarkers.DIAMOND);
        for (int j = 0; j < X.cols(); j++) {
            plot.label(X.get(0, j) + 0.04, X.get(1, j) + 0.09,
                    String.format(Locale.ROOT, "%.3f", predictions[j]));
        }
        return plot;
    }
}
