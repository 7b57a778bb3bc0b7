package io.neuralbytes.sequence;

import io.neuralbytes.core.Checks;
import io.neuralbytes.core.Exponentials;
import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import java.util.List;

/**
 * The plain, unoptimised {@link Rnn} as it was before its products moved to the core
 * kernels, kept so that tests can hold the optimised class to it: same initialisation, same results to the bit.
 * Its tanh comes from core's {@code Exponentials}, as in the model, one value at a time.
 *
 * <p>* A vanilla recurrent network language model (Elman RNN):
 *
 * <pre>
 *   h_t = tanh(U x_t + W h_(t-1) + b)
 *   p_t = softmax(V h_t + c)
 *   loss = sum_t -ln p_t(y_t)
 * </pre>
 *
 * <p>Shapes: U is H x V, W is H x H, b has length H, V is V x H, c has length V; x_t is a
 * token index, so U x_t is column x_t of U. Initialisation: U uniform in
 * [-sqrt(1/V), sqrt(1/V)), W and V uniform in [-sqrt(1/H), sqrt(1/H)), b and c zero.
 *
 * <p>Work buffers for windows of up to T positions are allocated once, here.
 *
 * <p>U is kept in the H x V layout of the equations, where {@link Rnn} stores U^T; tests
 * compare the two through a transpose. {@link SequenceTrainer} updates the input matrices as
 * V x H rows and rejects this model, so the tests train it with their own dense loop.
 */
final class PlainRnn implements SequenceModel {
  private final int vocab;
  private final int hidden;
  private final int maxWindow;

  private final Parameter U;
  private final Parameter W;
  private final Parameter b;
  private final PlainSoftmaxOutput output;
  private final List<Parameter> parameters;

  /** W^T, H x H, refreshed at each forward so the recurrence runs as row updates. */
  private final double[] WT;
  /** The hidden state the last window started from, length H. */
  private final double[] h0;
  /** h_t for the window, L x H. */
  private final double[] hs;
  /** dLoss/da_t where a_t is the tanh input, L x H. */
  private final double[] dA;
  /** dLoss/dh_(t-1) through the recurrence, length H. */
  private final double[] dh_next;
  /** h_(t-1) during {@link #step}, length H. */
  private final double[] hPrevStep;
  private final int[] inputs;
  private final TokenSet windowTokens;
  private final TokenSet gradientColumns;
  private int length;
  private boolean backwardReady;

  /**
   * Builds an RNN with random initial weights.
   *
   * @param vocabularySize V, at least 1
   * @param hiddenSize H, at least 1
   * @param maxWindow T, the longest window forward accepts, at least 1
   * @param rng source of the initial weights (advanced)
   */
  PlainRnn(int vocabularySize, int hiddenSize, int maxWindow, RandomSource rng) {
    this.vocab = Checks.requirePositive("vocabulary size", vocabularySize);
    this.hidden = Checks.requirePositive("hidden size", hiddenSize);
    this.maxWindow = Checks.requirePositive("window length", maxWindow);
    int H = hidden;
    int T = maxWindow;

    U = new Parameter("U", H, vocab);
    W = new Parameter("W", H, H);
    b = new Parameter("b", H, 1);
    output = new PlainSoftmaxOutput(vocab, H, T);
    parameters = List.of(U, W, b, output.V, output.c);

    double inputLimit = Math.sqrt(1.0 / vocab);
    double hiddenLimit = Math.sqrt(1.0 / H);
    Initializers.uniform(U.value(), -inputLimit, inputLimit, rng);
    Initializers.uniform(W.value(), -hiddenLimit, hiddenLimit, rng);
    Initializers.uniform(output.V.value(), -hiddenLimit, hiddenLimit, rng);

    WT = new double[H * H];
    h0 = new double[H];
    hs = new double[T * H];
    dA = new double[T * H];
    dh_next = new double[H];
    hPrevStep = new double[H];
    inputs = new int[T];
    windowTokens = new TokenSet(vocab, T);
    gradientColumns = new TokenSet(vocab, T);
  }

  @Override
  public int vocabularySize() {
    return vocab;
  }

  @Override
  public int hiddenSize() {
    return hidden;
  }

  @Override
  public int maxWindow() {
    return maxWindow;
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  @Override
  public List<Parameter> inputParameters() {
    return List.of(U);
  }

  @Override
  public SequenceState newState() {
    return new SequenceState(hidden, false);
  }

  @Override
  public double forward(int[] tokens, int from, int length, SequenceState state) {
    WindowMath.checkWindow(tokens, from, length, maxWindow, vocab, state, hidden, false);
    int H = hidden;
    int L = length;
    double[] Uw = U.value();
    double[] bw = b.value();
    WindowMath.transpose(W.value(), H, H, WT);
    System.arraycopy(state.hidden(), 0, h0, 0, H);
    windowTokens.clear();

    for (int t = 0; t < L; t++) {
      int x = tokens[from + t];
      inputs[t] = x;
      windowTokens.add(x);
      double[] hPrev = t == 0 ? h0 : hs;
      int prevRow = t == 0 ? 0 : (t - 1) * H;
      int row = t * H;

      // a_t = b + U x_t + W h_(t-1), built in the row of hs that then receives h_t.
      System.arraycopy(bw, 0, hs, row, H);
      PlainRnn.addColumn(Uw, x, H, vocab, hs, row);
      for (int k = 0; k < H; k++) {
        double hk = hPrev[prevRow + k];
        int wtRow = k * H;
        for (int i = 0; i < H; i++) {
          hs[row + i] += hk * WT[wtRow + i];
        }
      }
      for (int i = 0; i < H; i++) {
        hs[row + i] = Exponentials.tanh(hs[row + i]);
      }
    }

    System.arraycopy(hs, (L - 1) * H, state.hidden(), 0, H);
    this.length = L;
    backwardReady = true;
    return output.forward(hs, L, tokens, from + 1);
  }

  @Override
  public void backward() {
    if (!backwardReady) {
      throw new IllegalStateException("backward needs a forward pass first");
    }
    backwardReady = false;
    int H = hidden;
    int L = length;
    double[] Ww = W.value();
    double[] dU = U.grad();
    double[] dHs = output.backward(hs);

    java.util.Arrays.fill(dh_next, 0.0);
    for (int t = L - 1; t >= 0; t--) {
      int row = t * H;
      // da_t = (dh_t from the output + dh_next) * tanh'(a_t), with tanh' = 1 - h_t^2.
      for (int i = 0; i < H; i++) {
        double h = hs[row + i];
        dA[row + i] = (dHs[row + i] + dh_next[i]) * (1.0 - h * h);
      }
      if (t == 0) {
        break;
      }
      // dh_next = W^T da_t, summed as rows of W scaled by da_t.
      java.util.Arrays.fill(dh_next, 0.0);
      for (int i = 0; i < H; i++) {
        double da = dA[row + i];
        int wRow = i * H;
        for (int k = 0; k < H; k++) {
          dh_next[k] += da * Ww[wRow + k];
        }
      }
    }

    PlainRnn.accumulateRecurrentGradient(W.grad(), dA, h0, hs, L, H);
    WindowMath.sumRows(dA, L, H, b.grad());
    for (int n = 0; n < gradientColumns.size(); n++) {
      PlainRnn.zeroColumn(dU, gradientColumns.get(n), H, vocab);
    }
    for (int t = 0; t < L; t++) {
      PlainRnn.addToColumn(dU, inputs[t], H, vocab, dA, t * H);
    }
    gradientColumns.copyFrom(windowTokens);
  }

  @Override
  public int touchedTokens(int[] out) {
    return windowTokens.copyTo(out);
  }

  @Override
  public void step(int token, SequenceState state, double[] logits) {
    WindowMath.checkToken(token, vocab);
    WindowMath.checkState(state, hidden, false);
    WindowMath.checkLogits(logits, vocab);
    int H = hidden;
    double[] Uw = U.value();
    double[] Ww = W.value();
    double[] bw = b.value();
    double[] h = state.hidden();
    System.arraycopy(h, 0, hPrevStep, 0, H);
    for (int i = 0; i < H; i++) {
      double a = bw[i] + Uw[i * vocab + token];
      int wRow = i * H;
      for (int k = 0; k < H; k++) {
        a += Ww[wRow + k] * hPrevStep[k];
      }
      h[i] = Exponentials.tanh(a);
    }
    output.logits(h, logits);
  }

  /**
   * Overwrites dW (H x H) with sum_t dA_t h_(t-1)^T, where dA_t is row t of dA (L x H),
   * h_(-1) is h0 and h_(t-1) for t &gt; 0 is row t - 1 of hs (L x H).
   */
  static void accumulateRecurrentGradient(double[] dW, double[] dA, double[] h0, double[] hs,
      int L, int H) {
    java.util.Arrays.fill(dW, 0, H * H, 0.0);
    for (int t = 0; t < L; t++) {
      double[] hPrev = t == 0 ? h0 : hs;
      int prevRow = t == 0 ? 0 : (t - 1) * H;
      int aRow = t * H;
      for (int i = 0; i < H; i++) {
        double da = dA[aRow + i];
        int wRow = i * H;
        for (int j = 0; j < H; j++) {
          dW[wRow + j] += da * hPrev[prevRow + j];
        }
      }
    }
  }

  /** Adds column x of U (H x V) to a (length H): a += U x for the one-hot x. */
  static void addColumn(double[] U, int x, int H, int V, double[] a, int aFrom) {
    for (int i = 0; i < H; i++) {
      a[aFrom + i] += U[i * V + x];
    }
  }

  /** Adds da (length H, from {@code daFrom}) to column x of dU (H x V). */
  static void addToColumn(double[] dU, int x, int H, int V, double[] da, int daFrom) {
    for (int i = 0; i < H; i++) {
      dU[i * V + x] += da[daFrom + i];
    }
  }

  /** Sets column x of dU (H x V) to zero. */
  static void zeroColumn(double[] dU, int x, int H, int V) {
    for (int i = 0; i < H; i++) {
      dU[i * V + x] = 0.0;
    }
  }
}
