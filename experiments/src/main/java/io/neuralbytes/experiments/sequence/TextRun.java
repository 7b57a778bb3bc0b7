package io.neuralbytes.experiments.sequence;

import io.neuralbytes.core.ProgressListener;
import io.neuralbytes.core.RandomSource;
import io.neuralbytes.datasets.CharVocabulary;
import io.neuralbytes.datasets.Checksums;
import io.neuralbytes.datasets.EncodedText;
import io.neuralbytes.datasets.Novels;
import io.neuralbytes.datasets.TextCorpus;
import io.neuralbytes.datasets.TextSplit;
import io.neuralbytes.datasets.Vocabulary;
import io.neuralbytes.datasets.WordVocabulary;
import io.neuralbytes.experiments.output.Counts;
import io.neuralbytes.experiments.output.ProgressReporter;
import io.neuralbytes.experiments.sequence.TextRunResult.Sample;
import io.neuralbytes.sequence.Sampler;
import io.neuralbytes.sequence.SequenceModel;
import io.neuralbytes.sequence.SequenceTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one text run: loads the novel, builds its vocabulary, trains the model and draws the
 * samples. Files are written by {@link TextRunReport}.
 */
final class TextRun {
  private static final Logger LOG = LoggerFactory.getLogger(TextRun.class);

  private TextRun() {
  }

  /**
   * Loads the novel of {@code spec} from {@code dataFolder} and trains on it.
   *
   * @param progressFactory opens a progress reporter for a number of planned steps; in
   *     epoch mode that is the steps of all passes
   * @throws IllegalArgumentException if the novel is missing, the text is shorter than one
   *     window, or the priming text has a token outside the vocabulary
   */
  static TextRunResult run(TextRunSpec spec, TextRunSettings settings, Path dataFolder,
      LongFunction<ProgressReporter> progressFactory) throws IOException {
    return run(spec, settings, dataFolder, 1, progressFactory);
  }

  /**
   * Runs as {@link #run(TextRunSpec, TextRunSettings, Path, LongFunction)} with the model's
   * large loops split over {@code threads} threads; the results are the same for any count.
   */
  static TextRunResult run(TextRunSpec spec, TextRunSettings settings, Path dataFolder,
      int threads, LongFunction<ProgressReporter> progressFactory) throws IOException {
    long start = System.nanoTime();
    Path file = Novels.find(dataFolder, spec.ebook());
    TextCorpus corpus = load(file, settings);
    Vocabulary vocabulary = vocabulary(spec, settings, corpus);
    EncodedText encoded = vocabulary.encode(corpus);
    boolean headerStripped = settings.stripGutenbergHeader() && corpus.hasGutenbergStart();
    boolean footerStripped = settings.stripGutenbergHeader() && corpus.hasGutenbergEnd();
    requireWindow(encoded, settings.window(), headerStripped || footerStripped);
    // The vocabulary is known now, so a bad priming text stops the run before the first step.
    int[] priming = settings.priming() == null
        ? null
        : encodePriming(settings.priming(), vocabulary, spec);
    int[] text = encoded.indices();
    int[] train = text;
    int[] validation = new int[0];
    if (settings.epochMode()) {
      TextSplit split = encoded.split(TextRunSettings.TRAIN_FRACTION);
      split.requireWindow(settings.window());
      train = split.train();
      validation = split.validation();
    }
    LOG.info("{}: {} {} on {} ({}), {} tokens, vocabulary {}, hidden {}, window {}, lr {},"
            + " {}, seed {}", spec.run(), spec.level().name().toLowerCase(Locale.ROOT),
        spec.model(), file.getFileName(),
        spec.title(), text.length, vocabulary.describe(), settings.hiddenSize(),
        settings.window(), settings.learningRate(),
        settings.epochMode() ? count(settings.epochs(), "epoch") : count(settings.steps(), "step"),
        settings.seed());

    RandomSource root = new RandomSource(settings.seed());
    RandomSource initRng = root.split();
    RandomSource sampleRng = root.split();
    SequenceModel model = spec.model().create(vocabulary.size(), settings.hiddenSize(),
        settings.window(), initRng);
    model.setThreads(threads);
    SequenceTrainer trainer =
        new SequenceTrainer(model, train, settings.window(), settings.learningRate());
    Sampler sampler = new Sampler(model);

    long planned = settings.epochMode()
        ? (long) ceilDiv(train.length - 1, settings.window()) * settings.epochs()
        : settings.steps();
    long trainingStart = System.nanoTime();
    Training training;
    try (ProgressReporter progress = progressFactory.apply(planned)) {
      training = settings.epochMode()
          ? trainEpochs(spec, trainer, sampler, sampleRng, vocabulary, validation, settings, planned,
              progress::onProgress)
          : trainSteps(spec, trainer, sampler, sampleRng, vocabulary, settings,
              progress::onProgress);
    }
    if (priming != null && training.divergedAt == 0) {
      int[] drawn = sampler.sample(priming, settings.sampleLength(), settings.temperature(),
          sampleRng);
      training.samples.add(new Sample(trainer.steps(), 0, vocabulary.decode(priming),
          vocabulary.decode(drawn), drawn, true));
    }
    long end = System.nanoTime();

    TextRunResult.Divergence divergence = training.divergedAt == 0
        ? null
        : new TextRunResult.Divergence(training.divergedAt, training.divergenceReason);
    return new TextRunResult(spec, settings, file, Checksums.sha256(file), vocabulary,
        text.length, headerStripped, footerStripped,
        encoded.unknownCount(), train.length, training.losses(), training.windowLengths(),
        training.samples, divergence,
        Arrays.copyOf(training.validationLosses, training.completedEpochs),
        Arrays.copyOf(training.trainLosses, training.completedEpochs),
        (end - trainingStart) / 1e9, (end - start) / 1e9);
  }

  /**
   * Checks that the text has the tokens of one window. The message names the file and states
   * whether the Project Gutenberg header and footer were removed, because that is often why a
   * text is short.
   */
  private static void requireWindow(EncodedText encoded, int window, boolean stripped) {
    try {
      encoded.requireWindow(window);
    } catch (IllegalArgumentException e) {
      if (!stripped) {
        throw e;
      }
      throw new IllegalArgumentException(e.getMessage() + "; this counts only the text between"
          + " the Project Gutenberg START and END lines"
          + (encoded.length() == 0 ? ", and there is none" : "")
          + " (--keep-gutenberg-header trains on the whole file)", e);
    }
  }

  /**
   * Takes one training step, or records the divergence in {@code training} and returns
   * false when the loss or a gradient is not finite; the weights then stay as before it.
   */
  private static boolean step(TextRunSpec spec, SequenceTrainer trainer, Training training) {
    try {
      double loss = trainer.step();
      training.add(loss, trainer.lastWindowLength());
      return true;
    } catch (IllegalStateException e) {
      training.divergedAt = trainer.steps() + 1;
      training.divergenceReason = e.getMessage();
      LOG.warn("{}: {}; the losses of the {} before it are kept; try a smaller --lr",
          spec.run(), e.getMessage(), count((int) trainer.steps(), "step"));
      return false;
    }
  }

  /** Returns the vocabulary that {@link #run} builds for {@code spec} and {@code settings}. */
  static Vocabulary loadVocabulary(TextRunSpec spec, TextRunSettings settings, Path dataFolder)
      throws IOException {
    return vocabulary(spec, settings, load(Novels.find(dataFolder, spec.ebook()), settings));
  }

  private static TextCorpus load(Path file, TextRunSettings settings) throws IOException {
    return TextCorpus.load(file,
        TextCorpus.Options.defaults().withStripGutenberg(settings.stripGutenbergHeader()));
  }

  private static Vocabulary vocabulary(TextRunSpec spec, TextRunSettings settings,
      TextCorpus corpus) {
    return spec.level() == TextRunSpec.Level.CHAR
        ? CharVocabulary.codes256()
        : WordVocabulary.mostFrequent(corpus, settings.wordVocabularySize());
  }

  private static Training trainSteps(TextRunSpec spec, SequenceTrainer trainer, Sampler sampler,
      RandomSource sampleRng, Vocabulary vocabulary, TextRunSettings settings,
      ProgressListener progress) {
    Training training = new Training(settings.steps());
    for (int step = 1; step <= settings.steps(); step++) {
      if (!step(spec, trainer, training)) {
        break;
      }
      double loss = training.losses[training.count - 1];
      progress.onProgress(step, settings.steps(), loss);
      if (step % settings.sampleEvery() == 0) {
        training.samples.add(sample(trainer, sampler, sampleRng, vocabulary, settings, 0));
      }
    }
    return training;
  }

  private static Training trainEpochs(TextRunSpec spec, SequenceTrainer trainer, Sampler sampler,
      RandomSource sampleRng, Vocabulary vocabulary, int[] validation, TextRunSettings settings,
      long planned, ProgressListener progress) {
    Training training = new Training(planned);
    training.validationLosses = new double[settings.epochs()];
    training.trainLosses = new double[settings.epochs()];
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      double lossSum = 0.0;
      long tokens = 0;
      do {
        if (!step(spec, trainer, training)) {
          return training;
        }
        double loss = training.losses[training.count - 1];
        lossSum += loss;
        tokens += trainer.lastWindowLength();
        progress.onProgress(trainer.steps(), planned, loss);
      } while (!trainer.atEndOfText());
      training.trainLosses[epoch - 1] = lossSum / tokens;
      training.validationLosses[epoch - 1] =
          SequenceTrainer.meanLoss(trainer.model(), validation, settings.window());
      LOG.info("{}: epoch {}: mean loss per token {} on the training text, {} on the held-out"
              + " text", spec.run(), epoch, String.format("%.4f", training.trainLosses[epoch - 1]),
          String.format("%.4f", training.validationLosses[epoch - 1]));
      training.completedEpochs = epoch;
      training.samples.add(sample(trainer, sampler, sampleRng, vocabulary, settings, epoch));
    }
    return training;
  }

  /**
   * Encodes a priming text with the run's vocabulary, lower-cased like the novels.
   *
   * @throws IllegalArgumentException if the text is empty or has a token that falls on the
   *     unknown index, because the model never learned a distinct meaning for it
   */
  static int[] encodePriming(String text, Vocabulary vocabulary, TextRunSpec spec) {
    EncodedText encoded = vocabulary.encode("priming text", text.toLowerCase(Locale.ROOT));
    if (encoded.length() == 0) {
      throw new IllegalArgumentException("--prime '" + text + "' has no "
          + (spec.level() == TextRunSpec.Level.CHAR ? "character" : "word")
          + "; give at least one");
    }
    if (encoded.unknownCount() > 0) {
      throw new IllegalArgumentException("--prime '" + text + "' has "
          + encoded.unknownTokens().keySet() + " outside the vocabulary of " + spec.run()
          + " (" + vocabulary.describe() + "); use tokens of " + spec.title());
    }
    return encoded.indices();
  }

  /** Draws a sample from the first input token of the last window and the current state. */
  private static Sample sample(SequenceTrainer trainer, Sampler sampler, RandomSource rng,
      Vocabulary vocabulary, TextRunSettings settings, int epoch) {
    int first = trainer.lastWindowFirstToken();
    int[] drawn = sampler.sample(first, trainer.state(), settings.sampleLength(),
        settings.temperature(), rng);
    return new Sample(trainer.steps(), epoch, vocabulary.token(first), vocabulary.decode(drawn),
        drawn, false);
  }

  /** Returns "1 step", "100 steps" and so on. */
  static String count(int n, String unit) {
    return Counts.count(n, unit);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /** Losses and samples collected while training. */
  private static final class Training {
    private double[] losses;
    private int[] windowLengths;
    private int count;
    private final List<Sample> samples = new ArrayList<>();
    private double[] validationLosses = new double[0];
    private double[] trainLosses = new double[0];
    private int completedEpochs;
    /** The step at which training diverged, counted from 1, or 0. */
    private long divergedAt;
    private String divergenceReason;

    Training(long expectedSteps) {
      int capacity = (int) Math.min(Math.max(expectedSteps, 16), Integer.MAX_VALUE - 8);
      losses = new double[capacity];
      windowLengths = new int[capacity];
    }

    void add(double loss, int windowLength) {
      if (count == losses.length) {
        losses = Arrays.copyOf(losses, 2 * count);
        windowLengths = Arrays.copyOf(windowLengths, 2 * count);
      }
      losses[count] = loss;
      windowLengths[count] = windowLength;
      count++;
    }

    double[] losses() {
      return Arrays.copyOf(losses, count);
    }

    int[] windowLengths() {
      return Arrays.copyOf(windowLengths, count);
    }
  }
}
