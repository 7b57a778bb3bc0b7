package io.neuralbytes.sequence;

import io.neuralbytes.core.Checks;
import io.neuralbytes.core.Exponentials;
import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The plain, unoptimised {@link Lstm} as it was before its products moved to the core
 * kernels, kept so that tests can hold the optimised class to it: same initialisation, same results to the bit.
 * Its sigmoid and tanh come from core's {@code Exponentials}, as in the model, one value at a time.
 *
 * <p>* A long short-term memory (LSTM) language model:
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
 * <p>Work buffers for windows of up to T positions are allocated once, here.
 *
 * <p>Each U_q is kept in the H x V layout of the equations, where {@link Lstm} stores U_q^T;
 * as with {@link PlainRnn}, tests compare through a transpose and train this model densely.
 */
final class PlainLstm implements SequenceModel {
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
  private final PlainSoftmaxOutput output;
  private final List<Parameter> parameters;
  private final List<Parameter> inputParameters;

  /** W_q^T for each gate, H x H, refreshed at each forward. */
  private final double[][] WT = new double[4][];
  /** Gate activations f_t, i_t, g_t, o_t for the window, each L x H. */
  private final double[][] gates = new double[4][];
  /** dLoss/da for each gate's pre-activation a, each L x H. */
  private final double[][] dA = new double[4][];
  /** c_t and tanh(c_t), each L x H. */
  private final double[] cells;
  private final double[] tanhCells;
  /** h_t, L x H. */
  private final double[] hs;
  /** The state the window started from, length H each. */
  private final double[] h0;
  private final double[] c0;
  /** Gradients flowing back through the recurrence, length H each. */
  private final double[] dh_next;
  private final double[] dc_next;
  /** h_(t-1) and the four pre-activations during {@link #step}. */
  private final double[] hPrevStep;
  private final double[] stepActivations;
  private final int[] inputs;
  private final TokenSet windowTokens;
  private final TokenSet gradientColumns;
  private int length;
  private boolean backwardReady;

  /**
   * Builds an LSTM with random initial weights.
   *
   * @param vocabularySize V, at least 1
   * @param hiddenSize H, at least 1
   * @param maxWindow T, the longest window forward accepts, at least 1
   * @param rng source of the initial weights (advanced)
   */
  PlainLstm(int vocabularySize, int hiddenSize, int maxWindow, RandomSource rng) {
    this.vocab = Checks.requirePositive("vocabulary size", vocabularySize);
    this.hidden = Checks.requirePositive("hidden size", hiddenSize);
    this.maxWindow = Checks.requirePositive("window length", maxWindow);
    int H = hidden;
    int T = maxWindow;

    List<Parameter> all = new ArrayList<>();
    for (int q = 0; q < 4; q++) {
      W[q] = new Parameter("W_" + GATE_NAMES[q], H, H);
      U[q] = new Parameter("U_" + GATE_NAMES[q], H, vocab);
      b[q] = new Parameter("b_" + GATE_NAMES[q], H, 1);
      Initializers.uniform(W[q].value(), -INIT_LIMIT, INIT_LIMIT, rng);
      Initializers.uniform(U[q].value(), -INIT_LIMIT, INIT_LIMIT, rng);
      all.add(W[q]);
      all.add(U[q]);
      all.add(b[q]);
      WT[q] = new double[H * H];
      gates[q] = new double[T * H];
      dA[q] = new double[T * H];
    }
    output = new PlainSoftmaxOutput(vocab, H, T);
    Initializers.uniform(output.V.value(), -INIT_LIMIT, INIT_LIMIT, rng);
    all.add(output.V);
    all.add(output.c);
    parameters = List.copyOf(all);
    inputParameters = List.of(U);

    cells = new double[T * H];
    tanhCells = new double[T * H];
    hs = new double[T * H];
    h0 = new double[H];
    c0 = new double[H];
    dh_next = new double[H];
    dc_next = new double[H];
    hPrevStep = new double[H];
    stepActivations = new double[4 * H];
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
    return inputParameters;
  }

  @Override
  public SequenceState newState() {
    return new SequenceState(hidden, true);
  }

  @Override
  public double forward(int[] tokens, int from, int length, SequenceState state) {
    WindowMath.checkWindow(tokens, from, length, maxWindow, vocab, state, hidden, true);
    int H = hidden;
    int L = length;
    for (int q = 0; q < 4; q++) {
      WindowMath.transpose(W[q].value(), H, H, WT[q]);
    }
    System.arraycopy(state.hidden(), 0, h0, 0, H);
    System.arraycopy(state.cell(), 0, c0, 0, H);
    windowTokens.clear();

    for (int t = 0; t < L; t++) {
      int x = tokens[from + t];
      inputs[t] = x;
      windowTokens.add(x);
      double[] hPrev = t == 0 ? h0 : hs;
      double[] cPrev = t == 0 ? c0 : cells;
      int prevRow = t == 0 ? 0 : (t - 1) * H;
      int row = t * H;

      // a_q = b_q + U_q x_t + W_q h_(t-1) for each gate q, built where its activation goes.
      for (int q = 0; q < 4; q++) {
        double[] a = gates[q];
        double[] WqT = WT[q];
        System.arraycopy(b[q].value(), 0, a, row, H);
        PlainRnn.addColumn(U[q].value(), x, H, vocab, a, row);
        for (int k = 0; k < H; k++) {
          double hk = hPrev[prevRow + k];
          int wtRow = k * H;
          for (int j = 0; j < H; j++) {
            a[row + j] += hk * WqT[wtRow + j];
          }
        }
      }

      double[] f = gates[F];
      double[] in = gates[I];
      double[] g = gates[G];
      double[] o = gates[O];
      for (int j = 0; j < H; j++) {
        int n = row + j;
        f[n] = Exponentials.sigmoid(f[n]);
        in[n] = Exponentials.sigmoid(in[n]);
        g[n] = Exponentials.tanh(g[n]);
        o[n] = Exponentials.sigmoid(o[n]);
        cells[n] = f[n] * cPrev[prevRow + j] + in[n] * g[n];
        tanhCells[n] = Exponentials.tanh(cells[n]);
        hs[n] = o[n] * tanhCells[n];
      }
    }

    System.arraycopy(hs, (L - 1) * H, state.hidden(), 0, H);
    System.arraycopy(cells, (L - 1) * H, state.cell(), 0, H);
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
    double[] dHs = output.backward(hs);
    double[] f = gates[F];
    double[] in = gates[I];
    double[] g = gates[G];
    double[] o = gates[O];

    Arrays.fill(dh_next, 0.0);
    Arrays.fill(dc_next, 0.0);
    for (int t = L - 1; t >= 0; t--) {
      int row = t * H;
      double[] cPrev = t == 0 ? c0 : cells;
      int prevRow = t == 0 ? 0 : (t - 1) * H;
      for (int j = 0; j < H; j++) {
        int n = row + j;
        double dh = dHs[n] + dh_next[j];
        double tc = tanhCells[n];
        // Each gate's derivative is taken of its output: sigmoid' = s (1 - s), tanh' = 1 - g^2.
        double dc = dh * o[n] * (1.0 - tc * tc) + dc_next[j];
        dA[O][n] = dh * tc * o[n] * (1.0 - o[n]);
        dA[F][n] = dc * cPrev[prevRow + j] * f[n] * (1.0 - f[n]);
        dA[I][n] = dc * g[n] * in[n] * (1.0 - in[n]);
        dA[G][n] = dc * in[n] * (1.0 - g[n] * g[n]);
        dc_next[j] = dc * f[n];
      }
      if (t == 0) {
        break;
      }
      // dh_next = sum_q W_q^T da_q, summed as rows of W_q scaled by da_q.
      Arrays.fill(dh_next, 0.0);
      for (int q = 0; q < 4; q++) {
        double[] Wq = W[q].value();
        double[] da = dA[q];
        for (int j = 0; j < H; j++) {
          double d = da[row + j];
          int wRow = j * H;
          for (int k = 0; k < H; k++) {
            dh_next[k] += d * Wq[wRow + k];
          }
        }
      }
    }

    for (int q = 0; q < 4; q++) {
      PlainRnn.accumulateRecurrentGradient(W[q].grad(), dA[q], h0, hs, L, H);
      WindowMath.sumRows(dA[q], L, H, b[q].grad());
      double[] dU = U[q].grad();
      for (int n = 0; n < gradientColumns.size(); n++) {
        PlainRnn.zeroColumn(dU, gradientColumns.get(n), H, vocab);
      }
      for (int t = 0; t < L; t++) {
        PlainRnn.addToColumn(dU, inputs[t], H, vocab, dA[q], t * H);
      }
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
    WindowMath.checkState(state, hidden, true);
    WindowMath.checkLogits(logits, vocab);
    int H = hidden;
    double[] h = state.hidden();
    double[] cell = state.cell();
    System.arraycopy(h, 0, hPrevStep, 0, H);
    for (int q = 0; q < 4; q++) {
      double[] Wq = W[q].value();
      double[] Uq = U[q].value();
      double[] bq = b[q].value();
      for (int j = 0; j < H; j++) {
        double a = bq[j] + Uq[j * vocab + token];
        int wRow = j * H;
        for (int k = 0; k < H; k++) {
          a += Wq[wRow + k] * hPrevStep[k];
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
