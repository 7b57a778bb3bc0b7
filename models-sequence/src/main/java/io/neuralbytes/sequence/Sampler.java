package io.neuralbytes.sequence;

import io.neuralbytes.core.RandomSource;

/**
 * Draws text from a {@link SequenceModel}: each next token comes from softmax(z / tau), where
 * z are the logits after the previous token and tau is the temperature. At tau = 0 the most
 * likely token is taken (the lowest index among ties); a lower tau gives a distribution with
 * lower or equal entropy.
 *
 * <p>The sampler owns scratch buffers of length V, so one instance must not be used by two
 * threads at once. The model's parameters are only read.
 */
public final class Sampler {
  private final SequenceModel model;
  private final double[] logits;
  private final double[] probabilities;

  public Sampler(SequenceModel model) {
    this.model = model;
    this.logits = new double[model.vocabularySize()];
    this.probabilities = new double[model.vocabularySize()];
  }

  /**
   * Feeds {@code startToken} from a copy of {@code state} and draws {@code count} tokens, each
   * fed back as the next input.
   *
   * @param state the state to start from (not modified)
   * @param rng source of the draws (advanced; not used at temperature 0)
   * @return the drawn tokens, without the start token
   * @throws IllegalArgumentException if the token is outside the vocabulary, count is
   *     negative, or the temperature is negative, NaN or infinite
   */
  public int[] sample(int startToken, SequenceState state, int count, double temperature,
      RandomSource rng) {
    checkTemperature(temperature);
    if (count < 0) {
      throw new IllegalArgumentException("sample length must be 0 or more, got " + count);
    }
    if (startToken < 0 || startToken >= model.vocabularySize()) {
      throw new IllegalArgumentException("start token " + startToken
          + " is outside the vocabulary [0, " + model.vocabularySize() + ")");
    }
    SequenceState running = state.copy();
    int[] drawn = new int[count];
    int token = startToken;
    for (int n = 0; n < count; n++) {
      model.step(token, running, logits);
      token = draw(logits, temperature, rng);
      drawn[n] = token;
    }
    return drawn;
  }

  /**
   * Feeds the priming tokens from a zero state, then draws {@code count} tokens that
   * continue them.
   *
   * @return the drawn tokens, without the priming tokens
   * @throws IllegalArgumentException if the priming text is empty or has a token outside the
   *     vocabulary (the message gives its position), or as {@link #sample(int, SequenceState,
   *     int, double, RandomSource)}
   */
  public int[] sample(int[] priming, int count, double temperature, RandomSource rng) {
    checkTemperature(temperature);
    if (priming.length == 0) {
      throw new IllegalArgumentException("priming text is empty; it needs at least one token");
    }
    for (int p = 0; p < priming.length; p++) {
      if (priming[p] < 0 || priming[p] >= model.vocabularySize()) {
        throw new IllegalArgumentException("priming token " + priming[p] + " at position " + p
            + " is outside the vocabulary [0, " + model.vocabularySize() + ")");
      }
    }
    SequenceState state = model.newState();
    for (int p = 0; p < priming.length - 1; p++) {
      model.step(priming[p], state, logits);
    }
    return sample(priming[priming.length - 1], state, count, temperature, rng);
  }

  private int draw(double[] z, double temperature, RandomSource rng) {
    if (temperature == 0.0) {
      return argmax(z);
    }
    distribution(z, temperature, probabilities);
    return draw(probabilities, rng);
  }

  /**
   * Writes softmax(z / temperature) into {@code out}; at temperature 0 writes 1 at the first
   * maximum of z and 0 elsewhere.
   *
   * @param z logits (not modified)
   * @param out probabilities, same length as z (modified; may alias z)
   * @throws IllegalArgumentException if the temperature is negative, NaN or infinite
   */
  public static void distribution(double[] z, double temperature, double[] out) {
    checkTemperature(temperature);
    if (out.length != z.length) {
      throw new IllegalArgumentException("output has length " + out.length
          + " but the logits have length " + z.length);
    }
    if (temperature == 0.0) {
      int best = argmax(z);
      java.util.Arrays.fill(out, 0.0);
      out[best] = 1.0;
      return;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double value : z) {
      max = Math.max(max, value);
    }
    double sum = 0.0;
    for (int v = 0; v < z.length; v++) {
      out[v] = Math.exp((z[v] - max) / temperature);
      sum += out[v];
    }
    for (int v = 0; v < z.length; v++) {
      out[v] /= sum;
    }
  }

  /**
   * Draws index v with probability weights[v] / sum(weights). The weights need not sum to
   * exactly 1: the draw is scaled by their actual sum, so a sum off by rounding is harmless.
   *
   * @param weights non-negative weights with a positive finite sum (not modified)
   * @param rng source of the draw (advanced by one number)
   * @throws IllegalArgumentException if the weights do not have a positive finite sum
   */
  public static int draw(double[] weights, RandomSource rng) {
    double total = 0.0;
    for (double w : weights) {
      total += w;
    }
    if (!(total > 0.0) || Double.isInfinite(total)) {
      throw new IllegalArgumentException(
          "weights must have a positive finite sum to draw from, got " + total);
    }
    double u = rng.nextDouble() * total;
    double cumulative = 0.0;
    int lastPositive = -1;
    for (int v = 0; v < weights.length; v++) {
      if (weights[v] > 0.0) {
        cumulative += weights[v];
        lastPositive = v;
        if (u < cumulative) {
          return v;
        }
      }
    }
    // Rounding can leave the cumulative sum a little below u; the last possible token wins.
    return lastPositive;
  }

  private static int argmax(double[] z) {
    int best = 0;
    for (int v = 1; v < z.length; v++) {
      if (z[v] > z[best]) {
        best = v;
      }
    }
    return best;
  }

  private static void checkTemperature(double temperature) {
    if (!(temperature >= 0.0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException(
          "temperature must be a finite number of 0 or more, got " + temperature);
    }
  }
}
