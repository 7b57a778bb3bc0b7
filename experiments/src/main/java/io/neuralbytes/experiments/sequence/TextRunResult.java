package io.neuralbytes.experiments.sequence;

import io.neuralbytes.datasets.Vocabulary;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one text run: losses, samples and timings.
 *
 * @param spec the run
 * @param settings its settings
 * @param file the novel's file
 * @param fileSha256 the SHA-256 checksum of that file, hexadecimal
 * @param vocabulary the vocabulary the tokens index
 * @param textTokens tokens of the whole text
 * @param headerStripped whether a Project Gutenberg START line was found and the text before
 *     it removed
 * @param footerStripped whether a Project Gutenberg END line was found and the text after it
 *     removed
 * @param unknownTokens tokens of the text that fell on the unknown index
 * @param trainTokens tokens trained on (the whole text in step mode)
 * @param losses the loss of every step, summed over its window
 * @param windowLengths the number of inputs of every step's window
 * @param samples the samples drawn during training
 * @param divergence where and why training stopped on a NaN or infinite loss or gradient, or
 *     null when it did not
 * @param validationLosses in epoch mode, the mean validation loss per token after each pass;
 *     empty in step mode
 * @param trainLosses in epoch mode, the mean training loss per token of each pass
 *     (validation and training losses only of the passes completed before a divergence)
 * @param trainingSeconds wall-clock seconds of training and sampling
 * @param seconds wall-clock seconds of the whole run: loading, training, sampling
 */
record TextRunResult(TextRunSpec spec, TextRunSettings settings, Path file, String fileSha256,
    Vocabulary vocabulary, int textTokens, boolean headerStripped, boolean footerStripped,
    long unknownTokens, int trainTokens, double[] losses, int[] windowLengths,
    List<Sample> samples, Divergence divergence, double[] validationLosses,
    double[] trainLosses, double trainingSeconds, double seconds) {

  /**
   * A text drawn from the model.
   *
   * @param step the training step after which it was drawn
   * @param epoch the pass after which it was drawn, or 0 in step mode
   * @param start the token fed first, decoded, or the whole priming text
   * @param text the drawn tokens, decoded
   * @param tokens the drawn tokens
   * @param primed whether the sample continues a priming text from a zero state, rather than
   *     the training state
   */
  record Sample(long step, int epoch, String start, String text, int[] tokens, boolean primed) {
  }

  /**
   * The step at which training stopped, and the reason.
   *
   * @param step the step whose loss or gradient was NaN or infinite, counted from 1; the
   *     losses of the steps before it are kept
   * @param reason the trainer's message
   */
  record Divergence(long step, String reason) {
  }

  /** Returns whether training stopped on a NaN or infinite loss or gradient. */
  boolean diverged() {
    return divergence != null;
  }

  /** Returns the mean loss of steps {@code fromStep} to {@code toStep}, counted from 1, both included. */
  double meanLoss(int fromStep, int toStep) {
    return mean(losses, fromStep - 1, toStep);
  }

  /**
   * Returns the mean of values[from, to): their sum over their count, or, when that sum
   * overflows although every value is finite, the sum of each value over the count.
   */
  static double mean(double[] values, int from, int to) {
    int count = to - from;
    double sum = 0.0;
    for (int n = from; n < to; n++) {
      sum += values[n];
    }
    if (Double.isFinite(sum)) {
      return sum / count;
    }
    double scaled = 0.0;
    for (int n = from; n < to; n++) {
      scaled += values[n] / count;
    }
    return Double.isNaN(scaled) ? sum / count : scaled;
  }
}
