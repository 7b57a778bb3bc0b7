package io.neuralbytes.sequence;

import io.neuralbytes.core.AlignedArrays;
import io.neuralbytes.core.ArrayProducts;
import io.neuralbytes.core.Checks;
import io.neuralbytes.core.Exponentials;
import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import io.neuralbytes.core.WorkerPool;
import java.util.Arrays;
import java.util.List;

/**
 * A vanilla recurrent network language model (Elman RNN):
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
 * <p>The parameter U is stored transposed, as U^T (V x H): the column x_t that a step reads,
 * and the only column of dU it writes, is then one contiguous row of H values instead of H
 * values V apart, and the trainer clips and updates the touched rows as whole runs of memory.
 * The random draws fill U in its H x V order, so a seed gives the same weights in either
 * layout.
 *
 * <p>Work buffers for windows of up to T positions are allocated once, here. The products run
 * through {@link ArrayProducts}, whose results are identical to the bit to the plain loops, and
 * the output layer can be split over threads ({@link #setThreads}) without changing them.
 * tanh is core's vectorised {@link Exponentials#tanh}, over a whole row of a_t at a time,
 * within 2 ulp of {@code StrictMath.tanh}.
 */
public final class Rnn implements SequenceModel {
  private final int vocab;
  private final int hidden;
  private final int maxWindow;

  private final Parameter U;
  private final Parameter W;
  private final Parameter b;
  private final SoftmaxOutput output;
  private final List<Parameter> parameters;

  /**
   * W^T, H x H from {@link AlignedArrays#START}, refreshed at each forward so the recurrence runs
   * as row updates.
   */
  private final double[] WT;
  /** A copy of W, H x H from {@link AlignedArrays#START}, taken at each forward for backward. */
  private final double[] Wcopy;
  /**
   * The hidden states of the window, (L + 1) x H: row 0 is the state the window started from,
   * row t + 1 is h_t. So rows 0 .. L-1 are the h_(t-1) the recurrence read.
   */
  private final double[] hs;
  /** dLoss/da_t where a_t is the tanh input, L x H. */
  private final double[] dA;
  /** dLoss/dh_(t-1) through the recurrence, length H. */
  private final double[] dh_next;
  /** h_(t-1) during {@link #step}, length H. */
  private final double[] hPrevStep;
  private final int[] inputs;
  /** dLoss/dh_t from the output layer during {@link #backward}, L x H (owned by the layer). */
  private final double[] dHs;
  /** {@link #backwardThroughTime}, bound once so that a step allocates nothing. */
  private final Runnable backwardThroughTime = this::backwardThroughTime;
  /** {@link #forwardThroughTime} and its window, the arguments of {@link #forward}. */
  private final Runnable forwardThroughTime = this::forwardThroughTime;
  private int[] windowText;
  private int windowFrom;
  private SequenceState windowState;
  private final TokenSet windowTokens;
  /** The tokens whose rows of dU^T are non-zero, zeroed at the next backward. */
  private final TokenSet gradientRows;
  private int length;
  private int threads = 1;
  private boolean backwardReady;

  /**
   * Builds an RNN with random initial weights.
   *
   * @param vocabularySize V, at least 1
   * @param hiddenSize H, at least 1
   * @param maxWindow T, the longest window forward accepts, at least 1
   * @param rng source of the initial weights (advanced)
   */
  public Rnn(int vocabularySize, int hiddenSize, int maxWindow, RandomSource rng) {
    this.vocab = Checks.requirePositive("vocabulary size", vocabularySize);
    this.hidden = Checks.requirePositive("hidden size", hiddenSize);
    this.maxWindow = Checks.requirePositive("maximum window length", maxWindow);
    int H = hidden;
    int T = maxWindow;

    U = new Parameter("U", vocab, H);
    W = new Parameter("W", H, H);
    b = new Parameter("b", H, 1);
    output = new SoftmaxOutput(vocab, H, T);
    dHs = output.hiddenGradients();
    parameters = List.of(U, W, b, output.V, output.c);

    double inputLimit = Math.sqrt(1.0 / vocab);
    double hiddenLimit = Math.sqrt(1.0 / H);
    WindowMath.uniformTransposed(U.value(), H, vocab, inputLimit, rng);
    Initializers.uniform(W.value(), -hiddenLimit, hiddenLimit, rng);
    Initializers.uniform(output.V.value(), -hiddenLimit, hiddenLimit, rng);

    WT = AlignedArrays.allocate(H * H);
    Wcopy = AlignedArrays.allocate(H * H);
    hs = new double[(T + 1) * H];
    dA = new double[T * H];
    dh_next = new double[H];
    hPrevStep = new double[H];
    inputs = new int[T];
    windowTokens = new TokenSet(vocab, T);
    gradientRows = new TokenSet(vocab, T);
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
  public List<Parameter> gradientsFiniteWithLoss() {
    return output.finiteWithLoss;
  }

  @Override
  public SequenceState newState() {
    return new SequenceState(hidden, false);
  }

  @Override
  public void setThreads(int threads) {
    output.setPool(WorkerPool.shared(threads));
    this.threads = threads;
  }

  @Override
  public int threads() {
    return threads;
  }

  @Override
  public double forward(int[] tokens, int from, int length, SequenceState state) {
    WindowMath.checkWindow(tokens, from, length, maxWindow, vocab, state, hidden, false);
    this.length = length;
    windowText = tokens;
    windowFrom = from;
    windowState = state;
    // While the recurrence runs, other threads fill Z with c for the logits.
    double loss = output.forward(hs, hidden, length, tokens, from + 1, forwardThroughTime);
    windowText = null;
    windowState = null;
    backwardReady = true;
    return loss;
  }

  /**
   * Runs the recurrence over the window given to {@link #forward} and passes each hidden state
   * to the output layer as soon as it is known.
   */
  private void forwardThroughTime() {
    int[] tokens = windowText;
    int from = windowFrom;
    SequenceState state = windowState;
    int H = hidden;
    int L = length;
    double[] UT = U.value();
    double[] bw = b.value();
    WindowMath.transpose(W.value(), H, H, WT, AlignedArrays.START, H);
    System.arraycopy(W.value(), 0, Wcopy, AlignedArrays.START, H * H);
    System.arraycopy(state.hidden(), 0, hs, 0, H);
    windowTokens.clear();

    for (int t = 0; t < L; t++) {
      int x = tokens[from + t];
      inputs[t] = x;
      windowTokens.add(x);
      int row = (t + 1) * H;

      // a_t = b + U x_t + W h_(t-1), built in the row of hs that then receives h_t.
      System.arraycopy(bw, 0, hs, row, H);
      WindowMath.addRow(UT, x, H, hs, row);
      ArrayProducts.multiplyAdd(hs, row - H, H, WT, AlignedArrays.START, H, hs, row, H, 1, H, H);
      Exponentials.tanh(hs, row, H, hs, row);
      output.hiddenStateReady(t);
    }

    System.arraycopy(hs, L * H, state.hidden(), 0, H);
  }

  @Override
  public void backward() {
    if (!backwardReady) {
      throw new IllegalStateException("backward needs a forward pass first");
    }
    backwardReady = false;
    // dV and dc are computed on the other threads while this one runs back through time.
    output.backward(backwardThroughTime);
  }

  /**
   * Backpropagates dHs, the gradient the output layer sends to each hidden state, through the
   * window's steps, and writes the gradients of the recurrent and input parameters.
   */
  private void backwardThroughTime() {
    int H = hidden;
    int L = length;
    double[] dUT = U.grad();

    Arrays.fill(dh_next, 0.0);
    for (int t = L - 1; t >= 0; t--) {
      int row = t * H;
      int hRow = (t + 1) * H;
      // da_t = (dh_t from the output + dh_next) * tanh'(a_t), with tanh' = 1 - h_t^2.
      for (int i = 0; i < H; i++) {
        double h = hs[hRow + i];
        dA[row + i] = (dHs[row + i] + dh_next[i]) * (1.0 - h * h);
      }
      if (t == 0) {
        break;
      }
      // dh_next = W^T da_t, summed as rows of W scaled by da_t.
      Arrays.fill(dh_next, 0.0);
      ArrayProducts.multiplyAdd(dA, row, H, Wcopy, AlignedArrays.START, H, dh_next, 0, H, 1, H,
          H);
    }

    // dW = sum_t da_t h_(t-1)^T = dA^T [h_(-1) ... h_(L-2)], H x H.
    ArrayProducts.multiplyTransA(WorkerPool.SERIAL, dA, 0, H, hs, 0, H, W.grad(), 0, H, H, L, H);
    WindowMath.sumRows(dA, L, H, b.grad());
    // dU = sum_t da_t x_t^T: row x_t of dU^T gathers the da_t of the steps that read x_t.
    for (int n = 0; n < gradientRows.size(); n++) {
      WindowMath.zeroRow(dUT, gradientRows.get(n), H);
    }
    for (int t = 0; t < L; t++) {
      WindowMath.addToRow(dUT, inputs[t], H, dA, t * H);
    }
    gradientRows.copyFrom(windowTokens);
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
    double[] UT = U.value();
    double[] Ww = W.value();
    double[] bw = b.value();
    double[] h = state.hidden();
    System.arraycopy(h, 0, hPrevStep, 0, H);
    for (int i = 0; i < H; i++) {
      double a = bw[i] + UT[token * H + i];
      int wRow = i * H;
      for (int k = 0; k < H; k++) {
        a = Math.fma(Ww[wRow + k], hPrevStep[k], a);
      }
      h[i] = Exponentials.tanh(a);
    }
    output.logits(h, logits);
  }

}
