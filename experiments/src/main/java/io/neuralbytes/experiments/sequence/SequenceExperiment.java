package io.neuralbytes.experiments.sequence;

import io.neuralbytes.datasets.Novels;
import io.neuralbytes.datasets.Vocabulary;
import io.neuralbytes.experiments.Experiment;
import io.neuralbytes.experiments.ExperimentResult;
import io.neuralbytes.experiments.HistoryMemory;
import io.neuralbytes.experiments.IntRange;
import io.neuralbytes.experiments.ListOptions;
import io.neuralbytes.experiments.MemoryEstimate;
import io.neuralbytes.experiments.RunContext;
import io.neuralbytes.experiments.output.PreviousRunFiles;
import io.neuralbytes.experiments.output.ProgressReporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options and the run loop that {@code reproduce rnn} and {@code reproduce lstm} share:
 * each trains its model on a character run and a word run of the original.
 *
 * <p>The original called one training step on the next 50-token window an "epoch". Here a
 * step is a step, and {@code --epochs N} trains N whole passes over the text.
 */
abstract class SequenceExperiment implements Experiment {
  private static final Logger LOG = LoggerFactory.getLogger(SequenceExperiment.class);
  private static final int DEFAULT_STEPS = 100;
  /**
   * Estimated peak bytes of a run's history per step: a double loss and an int window length
   * while training, and both again in the trimmed copies of the result.
   */
  private static final int HISTORY_BYTES_PER_STEP = 24;

  @Spec
  CommandSpec spec;

  // Defaults are field initialisers, not picocli default values, because picocli applies
  // those only to a subcommand named on the command line, and a bare "reproduce" runs every
  // experiment without parsing its options.

  @Option(names = "--steps", paramLabel = "N",
      description = "Training steps, each on the next window of --window tokens, as the"
          + " original's 100 \"epochs\" (default: " + DEFAULT_STEPS + ").")
  Integer steps;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Train N whole passes over the first 90%% of each text instead of --steps,"
          + " and report the mean loss per token on the last 10%% after every pass.")
  Integer epochs;

  @Option(names = "--hidden", paramLabel = "H",
      description = "Hidden size (default: ${DEFAULT-VALUE}).")
  int hidden = 128;

  @Option(names = "--window", paramLabel = "T",
      description = "Tokens per training step; backpropagation stops at the window's start"
          + " (default: ${DEFAULT-VALUE}).")
  int window = 50;

  @Option(names = "--lr", paramLabel = "RATE",
      description = "Adagrad learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate = 0.01;

  @Option(names = "--sample-length", paramLabel = "N",
      description = "Tokens per sample, at least 1 (default: ${DEFAULT-VALUE}).")
  int sampleLength = 40;

  @Option(names = "--sample-every", paramLabel = "N",
      description = "Steps between samples; with --epochs, one sample follows each pass"
          + " instead (default: ${DEFAULT-VALUE}).")
  int sampleEvery = 20;

  @Option(names = "--temperature", paramLabel = "TAU",
      description = "Sampling temperature: 1 draws from the model's distribution, 0 takes"
          + " the most likely token (default: ${DEFAULT-VALUE}).")
  double temperature = 1.0;

  @Option(names = "--words", paramLabel = "K",
      description = "Most frequent words kept by the word runs; the rest map to one unknown"
          + " token (default: ${DEFAULT-VALUE}).")
  int words = 5000;

  @Option(names = "--level", paramLabel = "LEVEL", split = ",",
      description = "Runs to do: char, word or char,word (default: both).")
  List<String> levels;

  @Option(names = "--prime", paramLabel = "TEXT",
      description = "After training, also draw a sample that continues TEXT (lower-cased)"
          + " from a zero state. Every character or word of TEXT must be in the run's"
          + " vocabulary; this is checked before the first step.")
  String priming;

  @Option(names = "--keep-gutenberg-header",
      description = "Train on the whole file, Project Gutenberg header and footer included,"
          + " as the original did (default: only the novel's text).")
  boolean keepGutenbergHeader;

  /** The run that {@link #run} is training, still set after it failed, or null. */
  private TextRunSpec runInProgress;

  /** Returns the character run and the word run of this experiment. */
  abstract List<TextRunSpec> runs();

  /** Returns the heading text of the report section. */
  abstract String title();

  /**
   * Adds the model's arrays that grow with the hidden size H and the window T to
   * {@code estimate}. NOTE: the arrays that grow with the vocabulary are left out, because its
   * size is known only once the novel is read.
   */
  abstract void addModelArrays(MemoryEstimate estimate, long H, long T);

  @Override
  public Set<DataSet> dataSets() {
    return Set.of(DataSet.NOVELS);
  }

  /** Returns the ebook numbers of the runs that --level selects. */
  @Override
  public List<String> dataSetNames() {
    return selectedRuns().stream().map(run -> Integer.toString(run.ebook())).toList();
  }

  /**
   * Returns the options that set the size of the run in progress, or of the selected runs
   * when none is. Only a word run has --words.
   */
  @Override
  public List<String> sizeOptions() {
    List<TextRunSpec> sized = runInProgress != null ? List.of(runInProgress) : selectedRuns();
    boolean words = sized.stream().anyMatch(run -> run.level() == TextRunSpec.Level.WORD);
    List<String> options = new ArrayList<>(List.of("--hidden", "--window"));
    if (words) {
      options.add("--words");
    }
    // The loss history keeps one entry per step.
    options.add(epochs != null ? "--epochs" : "--steps");
    return options;
  }

  @Override
  public void validate() {
    requireInRange("--hidden", hidden);
    requireInRange("--window", window);
    requireInRange("--sample-every", sampleEvery);
    requireInRange("--sample-length", sampleLength);
    requireInRange("--words", words);
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw invalid("--lr must be a positive finite number, got " + learningRate);
    }
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw invalid("--temperature must be a finite number of 0 or more, got " + temperature);
    }
    if (steps != null && epochs != null) {
      throw invalid("--steps and --epochs exclude each other: give one, got --steps " + steps
          + " and --epochs " + epochs);
    }
    if (steps != null) {
      requireInRange("--steps", steps);
      String tooLarge = HistoryMemory.tooLargeMessage("--steps", steps, HISTORY_BYTES_PER_STEP,
          "step", Runtime.getRuntime().maxMemory());
      if (tooLarge != null) {
        throw invalid(tooLarge);
      }
    }
    if (epochs != null) {
      requireInRange("--epochs", epochs);
    }
    selectedRuns();
    String tooLarge = memoryEstimate().tooLargeMessage();
    if (tooLarge != null) {
      throw invalid(tooLarge);
    }
  }

  /** Returns the estimated memory of one run: its model and, with --steps, its history. */
  MemoryEstimate memoryEstimate() {
    MemoryEstimate estimate = new MemoryEstimate().option("--hidden", hidden)
        .option("--window", window);
    addModelArrays(estimate, hidden, window);
    if (steps != null) {
      estimate.option("--steps", steps).bytes((double) steps * HISTORY_BYTES_PER_STEP);
    }
    return estimate;
  }

  /**
   * Checks --prime against the vocabulary of every selected run whose novel is already in
   * the data folder, so that a bad priming text stops the program before anything trains.
   */
  @Override
  public void validateAgainstData(RunContext context) {
    if (priming == null) {
      return;
    }
    TextRunSettings settings = settings(context.seed());
    for (TextRunSpec run : selectedRuns()) {
      Vocabulary vocabulary;
      try {
        if (!Novels.isPresent(context.dataFolder(), run.ebook())) {
          continue;
        }
        vocabulary = TextRun.loadVocabulary(run, settings, context.dataFolder());
      } catch (IOException | IllegalArgumentException e) {
        // A problem with the novel itself is reported when the run loads it.
        continue;
      }
      try {
        TextRun.encodePriming(priming, vocabulary, run);
      } catch (IllegalArgumentException e) {
        throw invalid(e.getMessage());
      }
    }
  }

  @Override
  public ExperimentResult run(RunContext context) throws IOException {
    Path folder = context.experimentFolder(name());
    TextRunSettings settings = settings(context.seed());
    List<TextRunResult> results = new ArrayList<>();
    List<Map<String, Object>> entries = new ArrayList<>();
    List<String> written = new ArrayList<>();
    for (TextRunSpec run : selectedRuns()) {
      runInProgress = run;
      // Downloads the novel first when the data folder lacks it, unless --offline.
      context.data().novel(run.ebook());
      TextRunResult result = TextRun.run(run, settings, context.dataFolder(), context.threads(),
          planned -> ProgressReporter.start(run.run(), "steps", planned));
      written.addAll(TextRunReport.writeFiles(folder, result));
      if (result.losses().length > 0) {
        LOG.info("{}: {} in {} s (the original took {} s for 100 steps); loss {} at the first"
                + " step, mean {} over the last {}; files in {}", run.run(),
            TextRun.count(result.losses().length, "step"), format(result.seconds(), 1),
            format(run.originalSeconds(), 0), TextRunReport.loss(result.losses()[0], 1),
            TextRunReport.loss(TextRunReport.meanOfLast(result), 1),
            TextRun.count(TextRunReport.lastStepsAveraged(result), "step"),
            folder.toAbsolutePath());
      }
      results.add(result);
      entries.add(TextRunReport.summaryEntry(result));
    }
    runInProgress = null;
    PreviousRunFiles.delete(folder, TextRunReport.fileNames(runs()), written);
    return new ExperimentResult(name(), entries,
        SequenceReportSection.markdown(name(), title(), settings, results));
  }

  TextRunSettings settings(long seed) {
    return new TextRunSettings(hidden, window, learningRate,
        steps != null ? steps : DEFAULT_STEPS, epochs != null ? epochs : 0, sampleLength,
        sampleEvery, temperature, words, !keepGutenbergHeader, seed, priming);
  }

  /** Returns the runs that --level selects, in the fixed order char, word. */
  List<TextRunSpec> selectedRuns() {
    if (levels == null || levels.isEmpty()) {
      return runs();
    }
    List<TextRunSpec> selected = new ArrayList<>();
    for (String level : levels) {
      String name = level.trim().toLowerCase(Locale.ROOT);
      if (!name.equals("char") && !name.equals("word")) {
        throw invalid("--level must be char, word or char,word, got '" + level + "'");
      }
    }
    String repeated = ListOptions.firstRepeated(levels,
        level -> level.trim().toLowerCase(Locale.ROOT));
    if (repeated != null) {
      throw invalid(ListOptions.repeatedMessage("--level", repeated.trim()));
    }
    for (TextRunSpec run : runs()) {
      String name = run.level().name().toLowerCase(Locale.ROOT);
      if (levels.stream().anyMatch(l -> l.trim().equalsIgnoreCase(name))) {
        selected.add(run);
      }
    }
    return selected;
  }

  @Override
  public Map<String, IntRange> intRanges() {
    return Map.of("--steps", IntRange.atLeast(1), "--epochs", IntRange.atLeast(1),
        "--hidden", IntRange.atLeast(1), "--window", IntRange.atLeast(1),
        "--sample-length", IntRange.atLeast(1), "--sample-every", IntRange.atLeast(1),
        "--words", IntRange.atLeast(2));
  }

  private void requireInRange(String option, int value) {
    intRanges().get(option).require(option, value, spec.commandLine());
  }

  private ParameterException invalid(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
