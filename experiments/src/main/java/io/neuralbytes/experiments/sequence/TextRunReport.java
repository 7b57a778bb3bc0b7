package io.neuralbytes.experiments.sequence;

import io.neuralbytes.experiments.output.AtomicFiles;
import io.neuralbytes.experiments.plot.LineChart;
import io.neuralbytes.experiments.sequence.TextRunResult.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 *   <li>{@code <run>-loss.png}: the loss per step, raw and as a moving average;</li>
 *   <li>{@code <run>-samples.txt}: the samples;</li>
 *   <li>{@code <run>-vocabulary.txt}: the vocabulary the token indices refer to;</li>
 *   <li>in epoch mode, {@code <run>-epochs.csv}: mean training and validation loss per token
 *       after each pass.</li>
 * </ul>
 */
final class TextRunReport {
  /** Steps averaged by the smoothed loss curve (at least; more for long runs). */
  private static final int SMOOTHING_STEPS = 10;

  private TextRunReport() {
  }

  /** Writes the run's files into {@code folder} and returns their names. */
  static List<String> writeFiles(Path folder, TextRunResult result) throws IOException {
    String run = result.spec().run();
    AtomicFiles.writeString(folder.resolve(run + "-loss.csv"), lossCsv(result));
    AtomicFiles.writePng(folder.resolve(run + "-loss.png"), lossChart(result).render());
    AtomicFiles.writeString(folder.resolve(run + "-samples.txt"), samplesText(result));
    result.vocabulary().save(folder.resolve(run + "-vocabulary.txt"));
    List<String> written = new ArrayList<>(List.of(run + "-loss.csv", run + "-loss.png",
        run + "-samples.txt", run + "-vocabulary.txt"));
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

  private static LineChart lossChart(TextRunResult result) {
    double[] losses = result.losses();
    int smoothing = Math.max(SMOOTHING_STEPS, losses.length / 100);
    return new LineChart(result.spec().run() + ": " + result.spec().title(),
        "step (one window of " + result.settings().window() + " tokens)",
        "loss summed over the window")
        .series("loss", losses)
        .series("mean of the last " + smoothing + " steps", movingAverage(losses, smoothing));
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
      averages[n] = sum / Math.min(n + 1, span);
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
          .append(sample.text()).append("\n\n");
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
    entry.put("gutenberg_header_stripped", settings.stripGutenbergHeader());

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

    entry.put("uniform_loss", uniformLoss(result));
    entry.put("first_loss", result.losses()[0]);
    entry.put("final_loss", result.losses()[result.losses().length - 1]);
    entry.put("mean_loss_last_10_steps", meanOfLast(result, 10));
    if (settings.epochMode()) {
      entry.put("train_loss_per_token", List.of(boxed(result.trainLosses())));
      entry.put("validation_loss_per_token", List.of(boxed(result.validationLosses())));
    }
    return entry;
  }

  /** Returns the loss of a uniform guess over one full window: T ln V. */
  static double uniformLoss(TextRunResult result) {
    return result.settings().window() * Math.log(result.vocabulary().size());
  }

  static double meanOfLast(TextRunResult result, int steps) {
    int count = result.losses().length;
    return result.meanLoss(Math.max(1, count - steps + 1), count);
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

  /** Returns a token in quotes, with a line break shown as \n. */
  static String quote(String token) {
    return "\"" + token.replace("\n", "\\n") + "\"";
  }
}
