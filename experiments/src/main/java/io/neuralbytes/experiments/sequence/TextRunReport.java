package io.neuralbytes.experiments.sequence;

import io.neuralbytes.experiments.output.AtomicFiles;
import io.neuralbytes.experiments.plot.LineChart;
import io.neuralbytes.experiments.sequence.TextRunResult.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the files of one text run into its experiment's folder and builds its summary entry
 * and report text:
 *
 * <ul>
 *   <li>{@code <run>-loss.csv}: step, window length, loss summed over the window, loss per
 *       token;</li>
 *   <li>{@code <run>-loss.png}: the loss per step, raw and as a moving average: summed over
 *       the window in step mode, per token in epoch mode (where the last window of a pass is
 *       shorter); a divergence is marked at its step;</li>
 *   <li>{@code <run>-samples.txt}: the samples, one a line, a line break shown as
 *       {@value #LINE_BREAK} as in report.md;</li>
 *   <li>{@code <run>-vocabulary.txt}: the vocabulary the token indices refer to;</li>
 *   <li>in epoch mode, {@code <run>-epochs.csv}: mean training and validation loss per token
 *       after each pass.</li>
 * </ul>
 */
final class TextRunReport {
  /** Steps averaged by the smoothed loss curve (at least; more for long runs). */
  private static final int SMOOTHING_STEPS = 10;

  /** Stands for a line break in a sample or a quoted token, in every file. */
  static final String LINE_BREAK = "↵";

  /** Steps at the end of a run averaged by {@code mean_loss_last_steps}, at most. */
  static final int LAST_STEPS = 10;

  private TextRunReport() {
  }

  /** Writes the run's files into {@code folder} and returns their names. */
  static List<String> writeFiles(Path folder, TextRunResult result) throws IOException {
    String run = result.spec().run();
    AtomicFiles.writeString(folder.resolve(run + "-loss.csv"), lossCsv(result));
    AtomicFiles.writePng(folder.resolve(run + "-loss.png"), lossChart(result).render());
    result.vocabulary().save(folder.resolve(run + "-vocabulary.txt"));
    List<String> written = new ArrayList<>(List.of(run + "-loss.csv", run + "-loss.png",
        run + "-vocabulary.txt"));
    // A run without samples writes no empty file, and its report section explains why.
    if (!result.samples().isEmpty()) {
      AtomicFiles.writeString(folder.resolve(run + "-samples.txt"), samplesText(result));
      written.add(run + "-samples.txt");
    }
    if (result.settings().epochMode()) {
      AtomicFiles.writeString(folder.resolve(run + "-epochs.csv"), epochsCsv(result));
      written.add(run + "-epochs.csv");
    }
    return written;
  }

  /** Returns the pattern of the names {@link #writeFiles} gives the files of these runs. */
  static Pattern fileNames(List<TextRunSpec> runs) {
    String names = runs.stream().map(run -> Pattern.quote(run.run()))
        .collect(Collectors.joining("|"));
    return Pattern.compile("(" + names + ")-(loss\\.csv|loss\\.png|samples\\.txt"
        + "|vocabulary\\.txt|epochs\\.csv)");
  }

  /**
   * Formats a loss with {@code decimals} decimals, or with four significant digits and an
   * exponent from ten million on, where a diverging run's losses would print hundreds of
   * digits.
   */
  static String loss(double value, int decimals) {
    String pattern = Math.abs(value) >= 1e7 ? "%.4g" : "%." + decimals + "f";
    return String.format(Locale.ROOT, pattern, value);
  }

  static String lossCsv(TextRunResult result) {
    StringBuilder csv = new StringBuilder("step,window_tokens,loss,loss_per_token\n");
    double[] losses = result.losses();
    for (int s = 0; s < losses.length; s++) {
      int tokens = result.windowLengths()[s];
      csv.append(s + 1).append(',').append(tokens).append(',').append(losses[s]).append(',')
          .append(losses[s] / tokens).append('\n');
    }
    return csv.toString();
  }

  private static String epochsCsv(TextRunResult result) {
    StringBuilder csv = new StringBuilder("epoch,train_loss_per_token,validation_loss_per_token\n");
    for (int e = 0; e < result.validationLosses().length; e++) {
      csv.append(e + 1).append(',').append(result.trainLosses()[e]).append(',')
          .append(result.validationLosses()[e]).append('\n');
    }
    return csv.toString();
  }

  static LineChart lossChart(TextRunResult result) {
    boolean perToken = result.settings().epochMode();
    double[] losses = perToken ? lossesPerToken(result) : result.losses();
    int smoothing = Math.max(SMOOTHING_STEPS, losses.length / 100);
    String window = "window of " + result.settings().window() + " tokens";
    LineChart chart = new LineChart(result.spec().run() + ": " + result.spec().title(), "step",
        perToken ? "loss per token of the step's " + window : "loss summed over the " + window);
    if (result.diverged()) {
      // The non-finite point after the kept losses makes the chart mark the divergence.
      double[] marked = Arrays.copyOf(losses, losses.length + 1);
      marked[losses.length] = divergedValue(result.divergence().reason());
      chart.series("loss", marked);
    } else {
      chart.series("loss", losses);
    }
    // The mean of a single loss is that loss, a point the chart already draws.
    if (losses.length > 1) {
      chart.series("mean of the last " + smoothing + " steps", movingAverage(losses, smoothing));
    }
    return chart;
  }

  /** Returns each step's loss divided by its window's tokens. */
  static double[] lossesPerToken(TextRunResult result) {
    double[] losses = result.losses();
    double[] perToken = new double[losses.length];
    for (int s = 0; s < losses.length; s++) {
      perToken[s] = losses[s] / result.windowLengths()[s];
    }
    return perToken;
  }

  /** Returns the non-finite value the trainer's message names: NaN or an infinity. */
  private static double divergedValue(String reason) {
    if (reason.contains(" is -Infinity")) {
      return Double.NEGATIVE_INFINITY;
    }
    return reason.contains(" is Infinity") ? Double.POSITIVE_INFINITY : Double.NaN;
  }

  /** Returns the mean of each value and the up to {@code span - 1} values before it. */
  static double[] movingAverage(double[] values, int span) {
    double[] averages = new double[values.length];
    double sum = 0.0;
    for (int n = 0; n < values.length; n++) {
      sum += values[n];
      if (n >= span) {
        sum -= values[n - span];
      }
      int first = Math.max(0, n + 1 - span);
      if (!Double.isFinite(sum)) {
        // An overflowed running sum stays infinite, so the window is summed again (scaled if needed).
        averages[n] = TextRunResult.mean(values, first, n + 1);
        sum = averages[n] * (n + 1 - first);
        continue;
      }
      averages[n] = sum / (n + 1 - first);
    }
    return averages;
  }

  private static String samplesText(TextRunResult result) {
    StringBuilder text = new StringBuilder();
    for (Sample sample : result.samples()) {
      text.append("step ").append(sample.step());
      if (sample.epoch() > 0) {
        text.append(" (after epoch ").append(sample.epoch()).append(')');
      }
      if (sample.primed()) {
        text.append(", primed from a zero state");
      }
      text.append(", starting after ").append(quote(sample.start())).append(":\n")
          .append(showLineBreaks(sample.text())).append("\n\n");
    }
    return text.toString();
  }

  /** Returns the run's summary.json entry. */
  static Map<String, Object> summaryEntry(TextRunResult result) {
    TextRunSettings settings = result.settings();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("run", result.spec().run());
    entry.put("model", result.spec().model().name().toLowerCase(Locale.ROOT));
    entry.put("level", result.spec().level().name().toLowerCase(Locale.ROOT));
    entry.put("novel", result.spec().title());
    entry.put("ebook", result.spec().ebook());
    entry.put("file", result.file().getFileName().toString());
    entry.put("gutenberg_header_stripped", result.headerStripped());
    entry.put("gutenberg_footer_stripped", result.footerStripped());

    entry.put("text_tokens", result.textTokens());
    entry.put("unknown_tokens", result.unknownTokens());
    entry.put("vocabulary_size", result.vocabulary().size());
    entry.put("hidden", settings.hiddenSize());
    entry.put("window", settings.window());
    entry.put("learning_rate", settings.learningRate());
    entry.put("seed", settings.seed());

    entry.put("steps", result.losses().length);
    entry.put("epochs", settings.epochs());
    entry.put("seconds", round(result.seconds(), 3));
    entry.put("training_seconds", round(result.trainingSeconds(), 3));
    entry.put("original_seconds", result.spec().originalSeconds());

    double[] losses = result.losses();
    entry.put("uniform_loss", uniformLoss(result));
    entry.put("initial_loss", losses.length == 0 ? null : losses[0]);
    entry.put("final_loss", result.diverged() ? null : finalLoss(result));
    entry.put("final_loss_means", finalLossMeaning(settings));
    entry.put("mean_loss_last_steps", losses.length == 0 ? null : meanOfLast(result));
    entry.put("last_steps_averaged", lastStepsAveraged(result));
    entry.put("diverged", result.diverged());
    entry.put("diverged_at", result.diverged() ? result.divergence().step() : null);
    entry.put("divergence", result.diverged() ? result.divergence().reason() : null);
    if (settings.epochMode()) {
      entry.put("train_loss_per_token", List.of(boxed(result.trainLosses())));
      entry.put("validation_loss_per_token", List.of(boxed(result.validationLosses())));
    }
    return entry;
  }

  /**
   * Returns the final loss. In step mode it is the loss of the last step, summed over its
   * window. In epoch mode it is the mean loss per token of the last whole pass over the
   * training text, so that the shorter last window of a pass does not distort it.
   */
  static double finalLoss(TextRunResult result) {
    if (result.settings().epochMode()) {
      return result.trainLosses()[result.trainLosses().length - 1];
    }
    return result.losses()[result.losses().length - 1];
  }

  /** Says in words what {@link #finalLoss} is, for summary.json. */
  static String finalLossMeaning(TextRunSettings settings) {
    return settings.epochMode()
        ? "mean loss per token of the last pass over the training text"
        : "loss of the last step, summed over its window of up to " + settings.window()
            + " tokens";
  }

  /** Returns the loss of a uniform guess over one full window: T ln V. */
  static double uniformLoss(TextRunResult result) {
    return result.settings().window() * Math.log(result.vocabulary().size());
  }

  /** Returns the number of steps {@link #meanOfLast} averages: min(10, steps trained). */
  static int lastStepsAveraged(TextRunResult result) {
    return Math.min(LAST_STEPS, result.losses().length);
  }

  /** Returns the mean loss of the last {@link #lastStepsAveraged} steps, summed per window. */
  static double meanOfLast(TextRunResult result) {
    int count = result.losses().length;
    return result.meanLoss(count - lastStepsAveraged(result) + 1, count);
  }

  private static Double[] boxed(double[] values) {
    Double[] boxed = new Double[values.length];
    for (int n = 0; n < values.length; n++) {
      boxed[n] = values[n];
    }
    return boxed;
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  /** Returns a token in quotes, with a line break shown as {@value #LINE_BREAK}. */
  static String quote(String token) {
    return "\"" + showLineBreaks(token) + "\"";
  }

  /** Returns the text with each line break shown as {@value #LINE_BREAK}. */
  static String showLineBreaks(String text) {
    return text.replace("\n", LINE_BREAK);
  }
}
