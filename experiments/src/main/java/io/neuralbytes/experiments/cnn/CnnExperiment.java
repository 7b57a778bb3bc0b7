package io.neuralbytes.experiments.cnn;

import io.neuralbytes.cnn.ConvNet;
import io.neuralbytes.cnn.ConvNetConfig;
import io.neuralbytes.cnn.ConvNetTrainer;
import io.neuralbytes.cnn.Evaluation;
import io.neuralbytes.cnn.TrainingHistory;
import io.neuralbytes.cnn.TrainingSettings;
import io.neuralbytes.core.RandomSource;
import io.neuralbytes.datasets.Cifar10;
import io.neuralbytes.experiments.Experiment;
import io.neuralbytes.experiments.ExperimentResult;
import io.neuralbytes.experiments.HistoryMemory;
import io.neuralbytes.experiments.IntRange;
import io.neuralbytes.experiments.MemoryEstimate;
import io.neuralbytes.experiments.RunContext;
import io.neuralbytes.experiments.output.Counts;
import io.neuralbytes.experiments.output.ProgressReporter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code reproduce cnn}: the Python original's CNN run on CIFAR-10. The defaults are the
 * original's settings. The data are the first 100 images of each training file in grey, split
 * 70/30 at random from the seed. The network has 4 filters of 3x3 without bias and 10
 * classes, trained for 50 epochs of plain SGD at lr 0.001, one image per update, in the same
 * order every epoch.
 *
 * <p>Beyond the original, the network is also tested on the images of {@code test_batch.bin}.
 * Training runs on one thread whatever the value of {@code --threads}, because each update
 * depends on the previous one.
 */
@Command(name = CnnExperiment.NAME,
        mixinStandardHelpOptions = true,
        usageHelpWidth = 100,
        description = {
            "Train the original's small CNN on CIFAR-10 images: the first images of each"
                    + " training file, split into training and held-out images by the seed,"
                    + " then measure the accuracy on the held-out images and on test_batch.bin.",
            "Write cost.png, confusion-test.png, filters.png and CSV files under"
                    + " <out>/cnn/."})
public final class CnnExperiment implements Experiment {

    static final String NAME = "cnn";

    /** Epochs between the costs the original printed, which the report's cost table lists. */
    static final int LOG_EVERY = 10;

    /** The original's network: 4 filters of 3x3. */
    static final int ORIGINAL_FILTERS = 4;
    static final int ORIGINAL_FILTER_SIZE = 3;

    /** The original's data: the first 100 images of each training file, 70% for training. */
    static final int ORIGINAL_IMAGES_PER_FILE = 100;
    static final double ORIGINAL_TRAIN_FRACTION = 0.7;

    /** Records in one official CIFAR-10 training file. */
    static final int MAX_IMAGES_PER_FILE = 10_000;
    /** Records in the official test_batch.bin. */
    static final int TEST_IMAGES = 10_000;

    /** Estimated peak: the mean cost of each epoch, and its copy when training diverges. */
    static final int HISTORY_BYTES_PER_EPOCH = 16;

    private static final Logger LOG = LoggerFactory.getLogger(CnnExperiment.class);
    private static final Pattern FILTER_SIZE = Pattern.compile("(\\d{1,3})(?:x(\\d{1,3}))?");

    @Spec
    CommandSpec spec;

    // Defaults are field values taken from the original's settings, so each is defined once.

    @Option(names = "--epochs", paramLabel = "N",
            description = "Passes over the training images (default: ${DEFAULT-VALUE}).")
    int epochs = TrainingSettings.original().epochs();

    @Option(names = "--lr", paramLabel = "RATE",
            description = "SGD learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = TrainingSettings.original().learningRate();

    @Option(names = "--filters", paramLabel = "K",
            description = "Number of convolution filters (default: ${DEFAULT-VALUE}).")
    int filters = ORIGINAL_FILTERS;

    @Option(names = "--filter-size", paramLabel = "HxW",
            description = "Filter height and width in pixels, such as 3x3 or 5; at most 32"
                    + " (default: ${DEFAULT-VALUE}).")
    String filterSize = ORIGINAL_FILTER_SIZE + "x" + ORIGINAL_FILTER_SIZE;

    @Option(names = "--filter-bias",
            description = "Give each filter a bias; the original has none.")
    boolean filterBias;

    @Option(names = "--batch-size", paramLabel = "B",
            description = "Images per update, which uses their mean gradient (default:"
                    + " ${DEFAULT-VALUE}, one image per update as the original).")
    int batchSize = TrainingSettings.original().batchSize();

    @Option(names = "--shuffle",
            description = "Draw a new image order every epoch from the seed; by default every"
                    + " epoch uses the same order, as the original.")
    boolean shuffle;

    @Option(names = "--rgb",
            description = "Train on the red, green and blue channels instead of grey.")
    boolean rgb;

    @Option(names = "--images-per-file", paramLabel = "N",
            description = "Images taken from the start of each of the five training files,"
                    + " at most 10000 (default: ${DEFAULT-VALUE}).")
    int imagesPerFile = ORIGINAL_IMAGES_PER_FILE;

    @Option(names = "--train-fraction", paramLabel = "F",
            description = "Share of those images used for training; the rest are held out"
                    + " (default: ${DEFAULT-VALUE}).")
    double trainFraction = ORIGINAL_TRAIN_FRACTION;

    private int filterHeight;
    private int filterWidth;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<DataSet> dataSets() {
        return Set.of(DataSet.CIFAR10);
    }

    @Override
    public List<String> dataSetNames() {
        return List.of("cifar10");
    }

    /** Returns false: training runs on one thread, because each update needs the last. */
    @Override
    public boolean usesThreads() {
        return false;
    }

    @Override
    public List<String> sizeOptions() {
        // --epochs sets the length of the cost history.
        return List.of("--images-per-file", "--filters", "--batch-size", "--epochs");
    }

    @Override
    public void validate() {
        requireInRange("--epochs", epochs);
        String tooLarge = HistoryMemory.tooLargeMessage("--epochs", epochs,
                HISTORY_BYTES_PER_EPOCH, "epoch",
                Runtime.getRuntime().maxMemory());
        if (tooLarge != null) {
            throw invalid(tooLarge);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw invalid("--lr must be a positive finite number, got " + plain(learningRate));
        }
        requireInRange("--filters", filters);
        parseFilterSize();
        requireInRange("--images-per-file", imagesPerFile);
        int total = totalImages();
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw invalid("--train-fraction must be greater than 0 and less than 1, got "
                    + plain(trainFraction));
        }
        int trainCount = trainCount();
        if (trainCount < 1 || trainCount >= total) {
            throw invalid("--train-fraction " + plain(trainFraction) + " of " + total
                    + " images leaves " + trainCount + " for training and "
                    + (total - trainCount) + " held out; expected at least 1 of each");
        }
        if (batchSize < 1 || batchSize > trainCount) {
            throw invalid("--batch-size must be between 1 and the " + trainCount
                    + " training images, got " + batchSize);
        }
        tooLarge = memoryEstimate().tooLargeMessage();
        if (tooLarge != null) {
            throw invalid(tooLarge);
        }
    }

    /** Returns the estimated memory of the run: its images, network and cost history. */
    MemoryEstimate memoryEstimate() {
        MemoryEstimate estimate = new MemoryEstimate().option("--filters", filters)
                .option("--filter-size", filterSize)
                .option("--images-per-file", imagesPerFile)
                .option("--epochs", epochs);
        long channels = rgb ? Cifar10.CHANNELS : 1;
        long imageSize = channels * Cifar10.HEIGHT * Cifar10.WIDTH;
        long features = (long) filters * (Cifar10.HEIGHT - filterHeight + 1)
                * (Cifar10.WIDTH - filterWidth + 1);
        // The images as read, then copied into the training and held-out sets.
        estimate.doubles("the training images", totalImages(), imageSize, 2,
                "--images-per-file");
        estimate.doubles("the test images", TEST_IMAGES, imageSize, 1);
        // Filters and dense weights with their gradients, and the feature maps Z, A and dA.
        estimate.doubles("the filters", filters, channels * filterHeight * filterWidth, 2,
                "--filters", "--filter-size");
        estimate.doubles("the dense weights", Cifar10.CLASS_COUNT, features, 2,
                "--filters", "--filter-size");
        estimate.doubles("the feature maps", 1, features, 3,
                "--filters", "--filter-size");
        return estimate.bytes((double) epochs * HISTORY_BYTES_PER_EPOCH);
    }

    @Override
    public ExperimentResult run(RunContext context) throws IOException {
        validate();
        // Downloads CIFAR-10 when the data folder lacks it, before the run's clock starts.
        Path cifarFolder = context.data().cifar10();
        long start = System.nanoTime();
        RandomSource root = new RandomSource(context.seed());
        RandomSource splitRng = root.split();
        RandomSource initRng = root.split();
        RandomSource orderRng = root.split();

        CifarSubset data = CifarSubset.load(cifarFolder, imagesPerFile, rgb,
                trainCount(), splitRng);
        ConvNetConfig config = new ConvNetConfig(rgb ? Cifar10.CHANNELS : 1, Cifar10.HEIGHT,
                Cifar10.WIDTH, filters, filterHeight, filterWidth, filterBias,
                Cifar10.CLASS_COUNT);
        TrainingSettings settings = new TrainingSettings(epochs, learningRate, batchSize, shuffle);
        logSettings(context, data, config, settings);

        ConvNet model = new ConvNet(config, initRng);
        long trainingStart = System.nanoTime();
        TrainingHistory history = train(model, data, settings, orderRng);
        double trainingSeconds = (System.nanoTime() - trainingStart) / 1e9;

        Evaluation heldOut = Evaluation.of(model, data.heldOut());
        Evaluation test = Evaluation.of(model, data.test());
        LOG.info("cnn: held-out accuracy: {} ({} of {} images)", percent(heldOut.accuracy()),
                heldOut.correct(), heldOut.count());
        LOG.info("cnn: test accuracy: {} ({} of {} images of {})", percent(test.accuracy()),
                test.correct(), test.count(), Cifar10.TEST_FILE);

        CnnRun run = new CnnRun(context, data, config, settings, imagesPerFile, model, history,
                heldOut, test, trainingSeconds);
        return CnnOutputs.write(context.experimentFolder(NAME), run, start);
    }

    private static TrainingHistory train(ConvNet model, CifarSubset data,
                                         TrainingSettings settings, RandomSource orderRng) {
        try (ProgressReporter progress = ProgressReporter.start(NAME, "epochs",
                settings.epochs())) {
            // The progress lines show each epoch's cost, so no separate line repeats it.
            TrainingHistory history = ConvNetTrainer.train(model, data.train(), settings,
                    orderRng, progress);
            if (history.diverged()) {
                LOG.warn("cnn: training stopped at epoch {} of {} because the average cost became"
                        + " {}; try a smaller --lr", history.epochs(), settings.epochs(),
                        history.finalCost());
            }
            return history;
        }
    }

    private void logSettings(RunContext context, CifarSubset data, ConvNetConfig config,
                             TrainingSettings settings) {
        LOG.info("cnn: {} filters of {}x{} over {} ({}), {}, {} classes", config.filters(),
                config.filterHeight(), config.filterWidth(),
                config.channels() == 1 ? "1 channel" : config.channels() + " channels",
                rgb ? "RGB" : "grey", config.filterBias() ? "filter bias" : "no filter bias",
                config.classes());
        LOG.info("cnn: {}, lr {}, batch size {}, {} order, seed {}, one thread",
                Counts.count(settings.epochs(), "epoch"), settings.learningRate(), settings.batchSize(),
                settings.shuffle() ? "shuffled" : "fixed", context.seed());
        LOG.info("cnn: {} training and {} held-out images from the first {} of each training"
                        + " file, {} test images, read from {}", data.train().count(),
                data.heldOut().count(), imagesPerFile, data.test().count(), data.folder());
    }

    private void parseFilterSize() {
        Matcher matcher = FILTER_SIZE.matcher(filterSize == null ? "" : filterSize.strip());
        if (!matcher.matches()) {
            throw invalid("--filter-size must be HxW or N, such as 3x3 or 5, got '"
                    + filterSize + "'");
        }
        filterHeight = Integer.parseInt(matcher.group(1));
        filterWidth = matcher.group(2) == null ? filterHeight : Integer.parseInt(matcher.group(2));
        int limit = Math.min(Cifar10.HEIGHT, Cifar10.WIDTH);
        if (filterHeight < 1 || filterWidth < 1 || filterHeight > Cifar10.HEIGHT
                || filterWidth > Cifar10.WIDTH) {
            throw invalid("--filter-size must be between 1x1 and " + limit + "x" + limit
                    + " for 32x32 images, got '" + filterSize + "'");
        }
    }

    private int totalImages() {
        return Cifar10.TRAIN_BATCHES * imagesPerFile;
    }

    /** Returns the training share rounded to the nearest image, 350 of 500 by default. */
    private int trainCount() {
        return (int) Math.round(trainFraction * totalImages());
    }

    /**
     * Returns the ranges of --epochs, --filters and --images-per-file. That of --batch-size
     * depends on the other options, so validate() checks it alone.
     */
    @Override
    public Map<String, IntRange> intRanges() {
        return Map.of("--epochs", IntRange.atLeast(1), "--filters", IntRange.atLeast(1),
                "--images-per-file", new IntRange(1, MAX_IMAGES_PER_FILE));
    }

    private void requireInRange(String option, int value) {
        intRanges().get(option).require(option, value, spec.commandLine());
    }

    private ParameterException invalid(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Returns the number in plain decimal notation, such as 0.0001 rather than 1.0E-4. */
    private static String plain(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    /** Everything one run produced, for {@link CnnOutputs}. */
    record CnnRun(RunContext context, CifarSubset data, ConvNetConfig config,
                  TrainingSettings settings, int imagesPerFile, ConvNet model,
                  TrainingHistory history, Evaluation heldOut, Evaluation test,
                  double trainingSeconds) {

        /** Returns the names of the test images' classes. */
        List<String> classNames() {
            return data.classNames();
        }
    }
}
