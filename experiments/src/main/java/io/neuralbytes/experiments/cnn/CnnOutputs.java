package io.neuralbytes.experiments.cnn;

import io.neuralbytes.cnn.ConvNetConfig;
import io.neuralbytes.cnn.TrainingHistory;
import io.neuralbytes.cnn.TrainingSettings;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.experiments.ExperimentResult;
import io.neuralbytes.experiments.cnn.CnnExperiment.CnnRun;
import io.neuralbytes.experiments.output.AtomicFiles;
import io.neuralbytes.experiments.plot.ConfusionMatrixPlot;
import io.neuralbytes.experiments.plot.ImageGridPlot;
import io.neuralbytes.experiments.plot.LineChart;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the plots and CSV files of a CNN run and builds its summary entry and report section. */
final class CnnOutputs {

    static final String COST_PLOT = "cost.png";
    static final String CONFUSION_PLOT = "confusion-test.png";
    static final String FILTER_PLOT = "filters.png";
    static final String COST_CSV = "costs.csv";
    static final String CONFUSION_CSV = "confusion-test.csv";

    /** Average cost the Python original printed at epochs 10, 20, 30, 40 and 50 of its README run. */
    static final double[] ORIGINAL_COSTS = {2.2791, 2.0504, 1.8229, 1.5603, 1.2269};

    /** Accuracy the original printed on its held-out 30% after that run. */
    static final double ORIGINAL_HELD_OUT_ACCURACY = 0.1733;

    private CnnOutputs() {
    }

    /**
     * Writes every file of the run into {@code folder} and returns what the results store
     * merges into {@code summary.json} and {@code report.md}.
     *
     * @param startNanos {@link System#nanoTime()} when the run started, for its duration
     */
    static ExperimentResult write(Path folder, CnnRun run, long startNanos) throws IOException {
        double[] costs = run.history().epochCosts();
        AtomicFiles.writeString(folder.resolve(COST_CSV), costCsv(costs));
        AtomicFiles.writeString(folder.resolve(CONFUSION_CSV),
                confusionCsv(run.classNames(), run.test().confusion()));
        AtomicFiles.writePng(folder.resolve(COST_PLOT), costChart(run).render());
        AtomicFiles.writePng(folder.resolve(CONFUSION_PLOT), ConfusionMatrixPlot.render(
                String.format("Test images (%,d): true class by predicted class", run.test().count()),
                run.classNames(), run.test().confusion()));
        AtomicFiles.writePng(folder.resolve(FILTER_PLOT), filterPlot(run));
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new ExperimentResult(CnnExperiment.NAME, List.of(summary(run, seconds)),
                CnnReport.section(run, seconds));
    }

    /** Returns whether the run used every setting of the original's README run. */
    static boolean isOriginalRun(CnnRun run) {
        ConvNetConfig config = run.config();
        TrainingSettings settings = run.settings();
        int total = run.data().train().count() + run.data().heldOut().count();
        return config.channels() == 1 && config.filters() == CnnExperiment.ORIGINAL_FILTERS
                && config.filterHeight() == CnnExperiment.ORIGINAL_FILTER_SIZE
                && config.filterWidth() == CnnExperiment.ORIGINAL_FILTER_SIZE
                && !config.filterBias() && settings.equals(TrainingSettings.original())
                && run.imagesPerFile() == CnnExperiment.ORIGINAL_IMAGES_PER_FILE
                && run.data().train().count()
                        == Math.round(CnnExperiment.ORIGINAL_TRAIN_FRACTION * total);
    }

    private static Map<String, Object> summary(CnnRun run, double seconds) {
        ConvNetConfig config = run.config();
        TrainingSettings settings = run.settings();
        TrainingHistory history = run.history();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("run", "cifar10-" + (config.channels() == 1 ? "grey" : "rgb"));
        entry.put("seconds", round(seconds, 3));
        entry.put("initial_loss", history.epochs() == 0 ? null : history.costAtEpoch(1));
        entry.put("final_loss", history.finalCost());
        entry.put("test_accuracy", run.test().accuracy());
        entry.put("heldout_accuracy", run.heldOut().accuracy());

        entry.put("test_images", run.test().count());
        entry.put("heldout_images", run.heldOut().count());
        entry.put("train_images", run.data().train().count());

        entry.put("epochs", settings.epochs());
        entry.put("epochs_trained", history.epochs());
        entry.put("diverged", history.diverged());
        entry.put("diverged_at", history.diverged() ? history.epochs() : null);
        entry.put("learning_rate", settings.learningRate());
        entry.put("batch_size", settings.batchSize());
        entry.put("shuffle", settings.shuffle());
        entry.put("channels", config.channels());
        entry.put("filters", config.filters());
        entry.put("filter_height", config.filterHeight());
        entry.put("filter_width", config.filterWidth());
        entry.put("filter_bias", config.filterBias());
        entry.put("images_per_file", run.imagesPerFile());
        entry.put("seed", run.context().seed());
        entry.put("training_seconds", round(run.trainingSeconds(), 3));

        List<Double> costs = new ArrayList<>();
        for (double cost : history.epochCosts()) {
            costs.add(cost);
        }
        entry.put("epoch_costs", costs);
        return entry;
    }

    private static LineChart costChart(CnnRun run) {
        LineChart chart = new LineChart("CNN on CIFAR-10: average cost per epoch", "epoch",
                "average cost")
                .series("this run (seed " + run.context().seed() + ")",
                        run.history().epochCosts());
        if (isOriginalRun(run)) {
            double[] epochs = new double[ORIGINAL_COSTS.length];
            for (int i = 0; i < epochs.length; i++) {
                epochs[i] = (i + 1) * CnnExperiment.LOG_EVERY;
            }
            chart.series("Python original (printed every 10 epochs)", epochs, ORIGINAL_COSTS);
        }
        return chart;
    }

    /** Draws each filter channel as a small image, stretched from its minimum to its maximum. */
    private static BufferedImage filterPlot(CnnRun run) {
        ConvNetConfig config = run.config();
        Parameter F = run.model().conv().filters();
        int kh = config.filterHeight();
        int kw = config.filterWidth();
        int C = config.channels();
        List<double[]> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        // The experiment trains on grey (one channel) or RGB (three channels) images.
        String[] channelNames = C == 3 ? new String[] {" R", " G", " B"} : new String[] {""};
        for (int k = 0; k < config.filters(); k++) {
            for (int c = 0; c < C; c++) {
                double[] image = new double[kh * kw];
                System.arraycopy(F.value(), (k * C + c) * kh * kw, image, 0, kh * kw);
                images.add(image);
                captions.add("filter " + (k + 1) + channelNames[c]);
            }
        }
        int pixelSize = Math.max(2, 72 / Math.max(kh, kw));
        return new ImageGridPlot("Learned filters", kh, kw).normalizeEach(true).pixelSize(pixelSize).columns(Math.max(4, C * 2))
                .render(images, captions);
    }

    static String costCsv(double[] costs) {
        StringBuilder csv = new StringBuilder("epoch,average_cost\n");
        for (int e = 0; e < costs.length; e++) {
            csv.append(e + 1).append(',').append(costs[e]).append('\n');
        }
        return csv.toString();
    }

    static String confusionCsv(List<String> classNames, int[][] confusion) {
        StringBuilder csv = new StringBuilder("true\\predicted");
        for (String name : classNames) {
            csv.append(',').append(name);
        }
        csv.append('\n');
        for (int t = 0; t < confusion.length; t++) {
            csv.append(classNames.get(t));
            for (int count : confusion[t]) {
                csv.append(',').append(count);
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
