package io.neuralbytes.experiments.mlp;

import io.neuralbytes.experiments.Experiment;
import io.neuralbytes.experiments.ExperimentResult;
import io.neuralbytes.experiments.HistoryMemory;
import io.neuralbytes.experiments.IntRange;
import io.neuralbytes.experiments.ListOptions;
import io.neuralbytes.experiments.MemoryEstimate;
import io.neuralbytes.experiments.RunContext;
import io.neuralbytes.experiments.output.AtomicFiles;
import io.neuralbytes.experiments.output.Counts;
import io.neuralbytes.experiments.output.PreviousRunFiles;
import io.neuralbytes.experiments.output.ProgressReporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The original's MLP experiment: a network with sigmoid units learns logical OR by full-batch
 * gradient descent on the mean squared error, once for every pair of epochs and learning rate
 * in the sweep.
 *
 * <p>The sweep is epochs {100, 200, 500, 1000, 2000, 4000, 6000, 8000, 10000} times learning
 * rates {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1}, plus 80,000 epochs at 0.01 and at 0.1: 56 runs.
 * Every run starts from the same weights, drawn from {@code --seed}, so the runs differ only
 * in their settings and the results do not depend on {@code --threads}.
 */
@Command(name = "mlp",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = {
            "Train an MLP on logical OR for every pair of epochs and learning rate of the"
                    + " original sweep (56 runs); write predictions.txt, a loss curve and a"
                    + " decision-boundary plot per run, and the report section.",
            "--epochs and --lr replace the sweep's values with the given ones; the two"
                    + " 80,000-epoch runs (at 0.01 and 0.1) are added only without --epochs."})
public final class MlpExperiment implements Experiment {

    static final String NAME = "mlp";
    static final List<Integer> SWEEP_EPOCHS =
            List.of(100, 200, 500, 1000, 2000, 4000, 6000, 8000, 10000);
    static final List<Double> SWEEP_RATES = List.of(1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1);
    /** The original added two long runs to the grid: this many epochs at 0.01 and 0.1. */
    static final int LONG_EPOCHS = 80_000;
    static final List<Double> LONG_RATES = List.of(1e-2, 1e-1);
    /** Names of the plots of one run, {@code <run>-loss.png} and {@code <run>-boundary.png}. */
    static final Pattern RUN_FILES =
            Pattern.compile("e[0-9]+-lr[0-9.e+-]+-(loss|boundary)\\.png");

    /** Upper bound of --hidden-layers, for the reason that the option's help gives. */
    static final int MAX_HIDDEN_LAYERS = 1000;
    /** Most equal hidden layers that {@link #networkText} lists one by one. */
    static final int LISTED_EQUAL_LAYERS = 4;
    /**
     * Estimated peak bytes of a run's history per epoch: the double cost while training, and
     * the epoch and the cost again in the arrays of the loss plot.
     */
    static final int HISTORY_BYTES_PER_EPOCH = 24;

    private static final Logger log = LoggerFactory.getLogger(MlpExperiment.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", split = ",", paramLabel = "N",
            description = "Run only these numbers of epochs (full-batch updates), at every"
                    + " learning rate of the sweep or of --lr. Repeatable or comma-separated.")
    List<Integer> epochs;

    @Option(names = "--lr", split = ",", paramLabel = "RATE",
            description = "Run only these learning rates, at every number of epochs of the"
                    + " sweep or of --epochs. Repeatable or comma-separated.")
    List<Double> learningRates;

    @Option(names = "--hidden-layers", paramLabel = "N", defaultValue = "1",
            description = "Number of hidden layers, from 0 to " + MAX_HIDDEN_LAYERS
                    + " (default: ${DEFAULT-VALUE}, as in the original script; 0 gives logistic"
                    + " regression). The sigmoid's slope is at most 0.25, so with small weights"
                    + " each layer shrinks the gradient fourfold or more, and far deeper"
                    + " networks no longer learn.")
    int hiddenLayers;

    @Option(names = "--hidden-width", paramLabel = "N", defaultValue = "2",
            description = "Sigmoid units in each hidden layer (default: ${DEFAULT-VALUE}).")
    int hiddenWidth;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> sizeOptions() {
        // --epochs sets the length of the recorded cost history.
        return List.of("--hidden-layers", "--hidden-width", "--epochs");
    }

    @Override
    public void validate() {
        for (int e : epochs != null ? epochs : List.<Integer>of()) {
            requireInRange("--epochs", e);
        }
        for (double rate : learningRates != null ? learningRates : List.<Double>of()) {
            if (!(rate > 0) || !Double.isFinite(rate)) {
                throw invalid("--lr must be a positive finite number, got " + rate
                        + decimalCommaHint());
            }
        }
        requireDistinct("--epochs", epochs);
        requireDistinct("--lr", learningRates);
        requireInRange("--hidden-layers", hiddenLayers);
        requireInRange("--hidden-width", hiddenWidth);
        requireFitsInMemory(Runtime.getRuntime().maxMemory());
    }

    /**
     * Rejects a network or an --epochs value whose arrays cannot exist or clearly do not fit
     * in {@code maxHeapBytes}. NOTE: the estimate is for one run, but up to --threads runs
     * train at once, so a sweep can still run out of memory.
     */
    private void requireFitsInMemory(long maxHeapBytes) {
        int maxEpochs = plannedRuns().stream().mapToInt(MlpRunSettings::epochs).max().orElse(0);
        String tooLarge = HistoryMemory.tooLargeMessage("--epochs", maxEpochs,
                HISTORY_BYTES_PER_EPOCH, "epoch", maxHeapBytes);
        if (tooLarge == null) {
            tooLarge = networkEstimate(maxEpochs).tooLargeMessage();
        }
        if (tooLarge != null) {
            throw invalid(tooLarge);
        }
    }

    /** Returns the estimated memory of one run of {@code runEpochs} epochs. */
    MemoryEstimate networkEstimate(int runEpochs) {
        MemoryEstimate estimate = new MemoryEstimate()
                .option("--hidden-width", hiddenWidth)
                .option("--hidden-layers", hiddenLayers);
        if (epochs != null) {
            estimate.option("--epochs", runEpochs);
        }
        int[] hidden = hiddenWidths();
        long[] widths = new long[hidden.length + 2];
        widths[0] = MlpRun.X.rows();
        for (int l = 1; l <= hidden.length; l++) {
            widths[l] = hidden[l - 1];
        }
        widths[widths.length - 1] = MlpRun.Y.rows();
        // The decision-boundary plot predicts every cell of its grid in one batch.
        long gridPoints = (long) MlpRun.GRID_CELLS * MlpRun.GRID_CELLS;
        for (int l = 1; l < widths.length; l++) {
            // Weights, biases and their gradients.
            estimate.doubles("the weights W" + l, widths[l], widths[l - 1], 2, "--hidden-width");
            estimate.doubles("the biases b" + l, widths[l], 1, 2, "--hidden-width");
            // Activations A and their gradients dZ for the grid's batch.
            estimate.doubles("the activations A" + l + " of the plot's grid", widths[l],
                    gridPoints, 2, "--hidden-width");
        }
        return estimate.bytes((double) runEpochs * HISTORY_BYTES_PER_EPOCH);
    }

    @Override
    public Map<String, IntRange> intRanges() {
        return Map.of("--epochs", IntRange.atLeast(1), "--hidden-layers",
                new IntRange(0, MAX_HIDDEN_LAYERS),
                "--hidden-width", IntRange.atLeast(1));
    }

    private void requireInRange(String option, int value) {
        intRanges().get(option).require(option, value, spec.commandLine());
    }

    /**
     * Returns " from '0,1'; a comma separates list values, so write 0.1 with a decimal point"
     * when an --lr value looks like a decimal written with a comma, else "".
     */
    private String decimalCommaHint() {
        for (String value : spec.findOption("--lr").originalStringValues()) {
            if (value.matches("[0-9]+,[0-9]+")) {
                return " from '" + value + "'; a comma separates list values, so write "
                        + value.replace(',', '.') + " with a decimal point";
            }
        }
        return "";
    }

    /** Rejects a list option that names a value twice, such as {@code --lr 0.1,1e-1}. */
    private <T> void requireDistinct(String option, List<T> values) {
        T repeated = ListOptions.firstRepeated(values, value -> value);
        if (repeated != null) {
            throw invalid(ListOptions.repeatedMessage(option, repeated));
        }
    }

    private ParameterException invalid(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * Returns the runs to do: the given epochs (or the sweep's) times the given learning rates
     * (or the sweep's), ordered by epochs then rate. Without --epochs the long runs are added
     * for each of their rates that is selected.
     */
    List<MlpRunSettings> plannedRuns() {
        List<Integer> epochValues = epochs != null ? epochs : SWEEP_EPOCHS;
        List<Double> rateValues = learningRates != null ? learningRates : SWEEP_RATES;
        // validate() rejects a repeated value, and the set would keep such a run once anyway.
        Set<MlpRunSettings> runs = new LinkedHashSet<>();
        for (int e : epochValues.stream().sorted().toList()) {
            for (double rate : rateValues.stream().sorted().toList()) {
                runs.add(new MlpRunSettings(e, rate));
            }
        }
        if (epochs == null) {
            for (double rate : LONG_RATES) {
                if (rateValues.contains(rate)) {
                    runs.add(new MlpRunSettings(LONG_EPOCHS, rate));
                }
            }
        }
        return new ArrayList<>(runs);
    }

    int[] hiddenWidths() {
        int[] widths = new int[hiddenLayers];
        Arrays.fill(widths, hiddenWidth);
        return widths;
    }

    @Override
    public ExperimentResult run(RunContext context) throws IOException {
        List<MlpRunSettings> planned = plannedRuns();
        int[] widths = hiddenWidths();
        Path folder = context.experimentFolder(NAME);
        log.info("mlp: {} on logical OR (4 points), network {}, sigmoid units, MSE,"
                        + " full-batch gradient descent, weights uniform in [-0.1, 0.1),"
                        + " seed {}, {}",
                Counts.count(planned.size(), "run"), networkText(widths), context.seed(),
                Counts.count(context.threads(), "thread"));

        long start = System.nanoTime();
        List<MlpRunResult> results = runAll(planned, widths, context);
        double seconds = (System.nanoTime() - start) / 1e9;

        MlpReport report = new MlpReport(results, widths, context.seed(), seconds);
        AtomicFiles.writeString(folder.resolve("predictions.txt"), report.predictionsText());
        List<String> written = new ArrayList<>();
        for (MlpRunResult result : results) {
            written.add(result.lossPlot());
            written.add(result.boundaryPlot());
        }
        PreviousRunFiles.delete(folder, RUN_FILES, written);
        log.info("mlp: {} in {} s; plots and predictions.txt in {}",
                Counts.count(results.size(), "run"),
                String.format("%.1f", seconds), folder.toAbsolutePath());
        return new ExperimentResult(NAME, report.summaryEntries(), report.markdownSection());
    }

    private List<MlpRunResult> runAll(List<MlpRunSettings> planned, int[] widths,
                                      RunContext context) throws IOException {
        Path folder = context.experimentFolder(NAME);
        ExecutorService pool = Executors.newFixedThreadPool(context.threads());
        try (ProgressReporter progress = ProgressReporter.start(NAME, "runs", planned.size())) {
            List<Future<MlpRunResult>> futures = new ArrayList<>();
            for (MlpRunSettings settings : planned) {
                futures.add(pool.submit(() -> {
                    MlpRunResult result = MlpRun.run(settings, widths, context.seed(), folder);
                    log.debug("mlp: {} final cost {}, accuracy {}, {} s", settings.name(),
                            result.history().finalCost(), result.accuracy(), result.seconds());
                    progress.step();
                    return result;
                }));
            }
            List<MlpRunResult> results = new ArrayList<>();
            for (Future<MlpRunResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("mlp sweep interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                // Such as an OutOfMemoryError, which the caller reports with what to do.
                throw error;
            }
            throw new IllegalStateException("mlp run failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Returns the layer sizes from the 2 inputs to the 1 output, such as "2-2-1". A run of
     * more than {@link #LISTED_EQUAL_LAYERS} equal hidden layers is written "(2 x 100)", so
     * that a deep network takes one short line in the log, the report and predictions.txt.
     */
    static String networkText(int[] widths) {
        StringBuilder text = new StringBuilder("2-");
        int start = 0;
        while (start < widths.length) {
            int end = start;
            while (end < widths.length && widths[end] == widths[start]) {
                end++;
            }
            int count = end - start;
            if (count > LISTED_EQUAL_LAYERS) {
                text.append('(').append(widths[start]).append(" x ").append(count).append(")-");
            } else {
                for (int i = start; i < end; i++) {
                    text.append(widths[i]).append('-');
                }
            }
            start = end;
        }
        return text.append('1').toString();
    }
}
