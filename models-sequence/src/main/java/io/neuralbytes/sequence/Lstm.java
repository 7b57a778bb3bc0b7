package io.neuralbytes.sequence;

import io.neuralbytes.core.AlignedArrays;
import io.neuralbytes.core.ArrayProducts;
import io.neuralbytes.core.Checks;
import io.neuralbytes.core.Exponentials;
import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import io.neuralbytes.core.WorkerPool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A long short-term memory (LSTM) language model:
 *
 * <pre>
 *   f_t = sigmoid(W_f h_(t-1) + U_f x_t + b_f)      forget gate
 *   i_t = sigmoid(W_i h_(t-1) + U_i x_t + b_i)      input gate
 *   g_t = tanh(W_g h_(t-1) + U_g x_t + b_g)         candidate cell
 *   o_t = sigmoid(W_o h_(t-1) + U_o x_t + b_o)      output gate
 *   c_t = f_t * c_(t-1) + i_t * g_t                 cell state (element-wise products)
 *   h_t = o_t * tanh(c_t)
 *   p_t = softmax(V h_t + c)
 *   loss = sum_t -ln p_t(y_t)
 * </pre>
 *
 * <p>The output bias is the parameter named "c", as in the equations; the cell state is
 * always called the cell in code. The candidate's parameters are W_g, U_g, b_g.
 *
 * <p>Shapes: each W_q is H x H, each U_q is H x V (U_q x_t is column x_t), each b_q has
 * length H, V is V x H, c has length V. Initialisation: every matrix uniform in
 * [-0.05, 0.05), every bias zero.
 *
 * <p>Each parameter U_q is stored transposed, as U_q^T (V x H), so that the column x_t a step
 * reads and the column of dU_q it writes are one contiguous row. The trainer then clips and
 * updates whole rows. The random draws fill U_q in its H x V order, so a seed gives the same
 * weights in either layout.
 *
 * <p>Work buffers for windows of up to T positions are allocated once, here. The four gates
 * are computed together: their recurrent weights are copied, transposed, into four
 * contiguous H x H blocks W_q^T, and each step runs one product per gate through
 * {@link ArrayProducts}, whose results are identical to the bit to the plain loops. Backward reads the W_q as they
 * are stored, one product per gate, so that transpose is the only copy of W made per window.
 * The output layer can be split over threads ({@link #setThreads}) without changing any
 * result. sigmoid and tanh are core's vectorised {@link Exponentials}, over a whole gate block
 * of H values at a time, within 2 ulp of the same formulas on {@code StrictMath}.
 */
public final class Lstm implements SequenceModel {
  /** Gate order in the arrays below: forget, input, candidate, output. */
  private static final int F = 0;
  private static final int I = 1;
  private static final int G = 2;
  private static final int O = 3;
  private static final String[] GATE_NAMES = {"f", "i", "g", "o"};
  private static final double INIT_LIMIT = 0.05;

  private final int vocab;
  private final int hidden;
  private final int maxWindow;

  private final Parameter[] W = new Parameter[4];
  private final Parameter[] U = new Parameter[4];
  private final Parameter[] b = new Parameter[4];
  private final SoftmaxOutput output;
  private final List<Parameter> parameters;
  private final List<Parameter> inputParameters;

  /**
   * The four W_q^T one after the other from {@link AlignedArrays#START}, each H x H and
   * contiguous (W_f^T first), refreshed at each forward.
   */
  private final double[] WT;
  /** Copies of the four W_q, laid out as {@link #WT}, taken at each forward for backward. */
  private final double[] Wcopy;
  /**
   * Gate activations of the window, L x 4H: row t is [f_t i_t g_t o_t], each of length H, built
   * in place from the pre-activations.
   */
  private final double[] gates;
  /** dLoss/da for the gates' pre-activations a, L x 4H in the layout of {@link #gates}. */
  private final double[] dA;
  /** Cell states, (L + 1) x H: row 0 is the cell the window started from, row t + 1 is c_t. */
  private final double[] cells;
  /** tanh(c_t), L x H. */
  private final double[] tanhCells;
  /** Hidden states, (L + 1) x H: row 0 is the state the window started from, row t + 1 is h_t. */
  private final double[] hs;
  /** Gradients flowing back through the recurrence, length H each. */
  private final double[] dh_next;
  private final double[] dc_next;
  /** h_(t-1) and the four pre-activations during {@link #step}. */
  private final double[] hPrevStep;
  private final double[] stepActivations;
  private final int[] inputs;
  /** dLoss/dh_t from the output layer during {@link #backward}, L x H (owned by the layer). */
  private final double[] dHs;
  /** {@link #backwardThroughTime}, bound once so that a step allocates nothing. */
  private final Runnable backwardThroughTime = this::backwardThroughTime;
  /** {@link #computeGateGradients}, bound once. */
  private final WorkerPool.RangeTask gateGradients = this::computeGateGradients;
  /** {@link #forwardThroughTime} and its window, the arguments of {@link #forward}. */
  private final Runnable forwardThroughTime = this::forwardThroughTime;
  private int[] windowText;
  private int windowFrom;
  private SequenceState windowState;
  private final TokenSet windowTokens;
  /** The tokens whose rows of each dU_q^T are non-zero, zeroed at the next backward. */
  private final TokenSet gradientRows;
  private int length;
  private int threads = 1;
  private boolean backwardReady;

  /**
   * Builds an LSTM with random initial weights.
   *
   * @param vocabularySize V, at least 1
   * @param hiddenSize H, at least 1
   * @param maxWindow T, the longest window forward accepts, at least 1
   * @param rng source of the initial weights (advanced)
   */
  public Lstm(int vocabularySize, int hiddenSize, int maxWindow, RandomSource rng) {
    this.vocab = Checks.requirePositive("vocabulary size", vocabularySize);
    this.hidden = Checks.requirePositive("hidden size", hiddenSize);
    this.maxWindow = Checks.requirePositive("maximum window length", maxWindow);
    int H = hidden;
    int T = maxWindow;

    List<Parameter> all = new ArrayList<>();
    for (int q = 0; q < 4; q++) {
      W[q] = new Parameter("W_" + GATE_NAMES[q], H, H);
      U[q] = new Parameter("U_" + GATE_NAMES[q], vocab, H);
      b[q] = new Parameter("b_" + GATE_NAMES[q], H, 1);
      Initializers.uniform(W[q].value(), -INIT_LIMIT, INIT_LIMIT, rng);
      WindowMath.uniformTransposed(U[q].value(), H, vocab, INIT_LIMIT, rng);
      all.add(W[q]);
      all.add(U[q]);
      all.add(b[q]);
    }
    output = new SoftmaxOutput(vocab, H, T);
    dHs = output.hiddenGradients();
    Initializers.uniform(output.V.value(), -INIT_LIMIT, INIT_LIMIT, rng);
    all.add(output.V);
    all.add(output.c);
    parameters = List.copyOf(all);
    inputParameters = List.of(U);

    WT = AlignedArrays.allocate(H * 4 * H);
    Wcopy = AlignedArrays.allocate(H * 4 * H);
    gates = new double[T * 4 * H];
    dA = new double[T * 4 * H];
    cells = new double[(T + 1) * H];
    tanhCells = new double[T * H];
    hs = new double[(T + 1) * H];
    dh_next = new double[H];
    dc_next = new double[H];
    hPrevStep = new double[H];
    stepActivations = new double[4 * H];
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
    return inputParameters;
  }

  @Override
  public List<Parameter> gradientsFiniteWithLoss() {
    return output.finiteWithLoss;
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
  public SequenceState newState() {
    return new SequenceState(hidden, true);
  }

  @Override
  public double forward(int[] tokens, int from, int length, SequenceState state) {
    WindowMath.checkWindow(tokens, from, length, maxWindow, vocab, state, hidden, true);
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
    int H4 = 4 * H;
    int L = length;
    stackTransposedWeights();
    System.arraycopy(state.hidden(), 0, hs, 0, H);
    System.arraycopy(state.cell(), 0, cells, 0, H);
    windowTokens.clear();

    for (int t = 0; t < L; t++) {
      int x = tokens[from + t];
      inputs[t] = x;
      windowTokens.add(x);
      int gateRow = t * H4;

      // a_q = b_q + U_q x_t + W_q h_(t-1) for each gate q, built where its activation goes.
      for (int q = 0; q < 4; q++) {
        System.arraycopy(b[q].value(), 0, gates, gateRow + q * H, H);
        WindowMath.addRow(U[q].value(), x, H, gates, gateRow + q * H);
      }
      for (int q = 0; q < 4; q++) {
        ArrayProducts.multiplyAdd(hs, t * H, H, WT, AlignedArrays.START + q * H * H, H, gates,
            gateRow + q * H, H4, 1, H, H);
      }

      // The activations, in place over each gate's block of H values.
      Exponentials.sigmoid(gates, gateRow + F * H, H, gates, gateRow + F * H);
      Exponentials.sigmoid(gates, gateRow + I * H, H, gates, gateRow + I * H);
      Exponentials.tanh(gates, gateRow + G * H, H, gates, gateRow + G * H);
      Exponentials.sigmoid(gates, gateRow + O * H, H, gates, gateRow + O * H);

      int prevRow = t * H;
      int row = (t + 1) * H;
      for (int j = 0; j < H; j++) {
        int gate = gateRow + j;
        cells[row + j] = gates[gate + F * H] * cells[prevRow + j]
            + gates[gate + I * H] * gates[gate + G * H];
      }
      Exponentials.tanh(cells, row, H, tanhCells, prevRow);
      for (int j = 0; j < H; j++) {
        hs[row + j] = gates[gateRow + O * H + j] * tanhCells[prevRow + j];
      }
      output.hiddenStateReady(t);
    }

    System.arraycopy(hs, L * H, state.hidden(), 0, H);
    System.arraycopy(cells, L * H, state.cell(), 0, H);
  }

  /**
   * Copies the four W_q into {@link #WT}, each transposed into its own H x H block, so that
   * the product of a gate streams 128 KB of contiguous memory, and into {@link #Wcopy} as they
   * are. Both layouts are needed. Forward puts the outputs j of W_q h in vector lanes, so it
   * reads rows of W_q^T. Backward puts the k of da_q W_q in lanes, so it reads rows of W_q. Each
   * adds its terms in ascending order, and the weights change at every step, so one transpose
   * per window stays. Both copies start on a 64-byte boundary (see {@link AlignedArrays}).
   */
  private void stackTransposedWeights() {
    int H = hidden;
    for (int q = 0; q < 4; q++) {
      WindowMath.transpose(W[q].value(), H, H, WT, AlignedArrays.START + q * H * H, H);
      System.arraycopy(W[q].value(), 0, Wcopy, AlignedArrays.START + q * H * H, H * H);
    }
  }

  @Override
  public void backward() {
    if (!backwardReady) {
      throw new IllegalStateException("backward needs a forward pass first");
    }
    backwardReady = false;
    // dV and dc are computed on the other threads while this one runs back through time.
    output.backward(backwardThroughTime);
    // Then the four gates' weight gradients, independent of each other, are split over the
    // threads. On two threads the other one has finished dV by then and would otherwise wait.
    output.windowPool().forRanges(4, 1, gateGradients);
    gradientRows.copyFrom(windowTokens);
  }

  /**
   * Backpropagates dHs, the gradient the output layer sends to each hidden state, through the
   * window's steps into dA, the gradients of the gates' pre-activations.
   */
  private void backwardThroughTime() {
    int H = hidden;
    int H4 = 4 * H;
    int L = length;

    Arrays.fill(dh_next, 0.0);
    Arrays.fill(dc_next, 0.0);
    for (int t = L - 1; t >= 0; t--) {
      int gateRow = t * H4;
      int prevRow = t * H;
      for (int j = 0; j < H; j++) {
        int n = prevRow + j;
        int gate = gateRow + j;
        double f = gates[gate + F * H];
        double in = gates[gate + I * H];
        double g = gates[gate + G * H];
        double o = gates[gate + O * H];
        double dh = dHs[n] + dh_next[j];
        double tc = tanhCells[n];
        // Each gate's derivative is taken of its output: sigmoid' = s (1 - s), tanh' = 1 - g^2.
        double dc = dh * o * (1.0 - tc * tc) + dc_next[j];
        dA[gate + O * H] = dh * tc * o * (1.0 - o);
        dA[gate + F * H] = dc * cells[n] * f * (1.0 - f);
        dA[gate + I * H] = dc * g * in * (1.0 - in);
        dA[gate + G * H] = dc * in * (1.0 - g * g);
        dc_next[j] = dc * f;
      }
      if (t == 0) {
        break;
      }
      // dh_next = sum_q W_q^T da_q, as the row da_q times W_q for q = f, i, g, o in turn: the
      // same terms, in the same order, as one product with the stacked [W_f; W_i; W_g; W_o].
      Arrays.fill(dh_next, 0.0);
      for (int q = 0; q < 4; q++) {
        ArrayProducts.multiplyAdd(dA, gateRow + q * H, H4, Wcopy, AlignedArrays.START + q * H * H,
            H, dh_next, 0, H, 1, H, H);
      }
    }

  }

  /**
   * Writes dW_q, db_q and dU_q from dA for the gates q in [from, to), in the order f, i, g, o.
   * The rows of dU_q^T that the previous window wrote are zeroed first.
   */
  private void computeGateGradients(int from, int to) {
    int H = hidden;
    int H4 = 4 * H;
    int L = length;
    for (int q = from; q < to; q++) {
      // dW_q = sum_t da_q,t h_(t-1)^T, H x H; da_q,t is the q-th block of row t of dA.
      ArrayProducts.multiplyTransA(WorkerPool.SERIAL, dA, q * H, H4, hs, 0, H, W[q].grad(), 0,
          H, H, L, H);
      double[] db = b[q].grad();
      Arrays.fill(db, 0.0);
      for (int t = 0; t < L; t++) {
        int gateRow = t * H4 + q * H;
        for (int j = 0; j < H; j++) {
          db[j] += dA[gateRow + j];
        }
      }
      // dU_q = sum_t da_q,t x_t^T: row x_t of dU_q^T gathers the da_q,t of the steps reading x_t.
      double[] dUT = U[q].grad();
      for (int n = 0; n < gradientRows.size(); n++) {
        WindowMath.zeroRow(dUT, gradientRows.get(n), H);
      }
      for (int t = 0; t < L; t++) {
        WindowMath.addToRow(dUT, inputs[t], H, dA, t * H4 + q * H);
      }
    }
  }

  @Override
  public int touchedTokens(int[] out) {
    return windowTokens.copyTo(out);
  }

  @Override
  public void step(int token, SequenceState state, double[] logits) {
    WindowMath.checkToken(token, vocab);
    WindowMath.checkState(state, hidden, true);
    WindowMath.checkLogits(logits, vocab);
    int H = hidden;
    double[] h = state.hidden();
    double[] cell = state.cell();
    System.arraycopy(h, 0, hPrevStep, 0, H);
    for (int q = 0; q < 4; q++) {
      double[] Wq = W[q].value();
      double[] UqT = U[q].value();
      double[] bq = b[q].value();
      for (int j = 0; j < H; j++) {
        double a = bq[j] + UqT[token * H + j];
        int wRow = j * H;
        for (int k = 0; k < H; k++) {
          a = Math.fma(Wq[wRow + k], hPrevStep[k], a);
        }
        stepActivations[q * H + j] = a;
      }
    }
    for (int j = 0; j < H; j++) {
      double f = Exponentials.sigmoid(stepActivations[F * H + j]);
      double in = Exponentials.sigmoid(stepActivations[I * H + j]);
      double g = Exponentials.tanh(stepActivations[G * H + j]);
      double o = Exponentials.sigmoid(stepActivations[O * H + j]);
      cell[j] = f * cell[j] + in * g;
      h[j] = o * Exponentials.tanh(cell[j]);
    }
    output.logits(h, logits);
  }
}
