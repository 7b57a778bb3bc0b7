package io.neuralbytes.sequence;

import io.neuralbytes.core.ArrayProducts;
import io.neuralbytes.core.Exponentials;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.WorkerPool;
import java.util.Arrays;

/**
 * The output layer both models share: z_t = V h_t + c, p_t = softmax(z_t), and the loss
 * -ln p_t(y_t) summed over the window.
 *
 * <p>Shapes: V is V x H, c has length V. Over a window of L positions (L at most T) the
 * logits of all positions form one V x L matrix Z = V [h_0 ... h_(L-1)] + c 1^T, so the layer
 * runs as three matrix products ({@link ArrayProducts}): Z = V H^T in the forward pass, and
 * dV = dY H and dH = dY^T V in the backward pass, where H is the L x H matrix of hidden states
 * and dY = P - Y. Z is stored with Lp columns, L rounded up to a multiple of 8, so that every
 * row of it is a whole number of vectors. The extra columns are computed and never read.
 * Z is turned into P and then into dY in place. The exponentials are core's
 * {@link Exponentials#exp}, over a part of a row of Z at a time, within 2 ulp of
 * {@code StrictMath.exp}.
 *
 * <p>With a thread pool of more than one thread, and a window of at least
 * {@link WorkerPool#MIN_SPLIT_WORK} multiply-adds (V H L), each loop over the V rows (or the L
 * columns) is split into contiguous parts, and every element is still summed in the same order, so the
 * results do not depend on the number of threads.
 */
final class SoftmaxOutput {
  /** Z's row length is a multiple of this many columns (8 doubles, one AVX-512 vector). */
  private static final int COLUMN_MULTIPLE = 8;
  /**
   * Rows of dV per chunk handed to a thread: 5,000 words give 79 chunks of about 0.4 million
   * multiply-adds each, small enough to share out evenly, large enough to keep a row block of
   * the product's kernel busy.
   */
  private static final int GRADIENT_ROWS_PER_CHUNK = 64;

  final Parameter V;
  final Parameter c;

  private final int vocab;
  private final int hidden;
  private WorkerPool pool = WorkerPool.SERIAL;
  /**
   * The pool of the current window: {@link #pool}, or the serial pool when the window's products
   * (V x H x L multiply-adds) are too small to gain from threads ({@link WorkerPool#forWork}).
   */
  private WorkerPool windowPool = WorkerPool.SERIAL;

  /** Z, then P, then dY; V x Lp, row-major. */
  private final double[] logits;
  /** [h_0 ... h_(L-1)], H x Lp. */
  private final double[] hiddenT;
  /** dLoss/dh_t from this layer, L x H: row t belongs to position t. */
  private final double[] dHidden;
  /** Per position: max_v z, then sum_v exp(z - max), then its inverse; length Lp. */
  private final double[] columnMax;
  private final double[] columnSum;
  /** Per position, z of its target before the softmax; length Lp. */
  private final double[] logitOfTarget;
  /** Targets of the last forward window, length T. */
  private final int[] targets;

  /** The loop bodies run on the pool, bound once so that a step allocates nothing. */
  private final WorkerPool.RangeTask logitRows = this::computeLogitRows;
  private final WorkerPool.RangeTask softmaxColumns = this::exponentiateColumns;
  private final WorkerPool.RangeTask normalizeRows = this::normalizeRows;
  private final WorkerPool.RangeTask gradientRows = this::computeGradientRows;

  /** L, Lp and the hidden states of the last forward window (row t at hsOffset + t H). */
  private int length;
  private int stride;
  private double[] hs;
  private int hsOffset;
  private boolean backwardReady;
  private boolean weightsReady;

  SoftmaxOutput(int vocab, int hidden, int maxWindow) {
    this.vocab = vocab;
    this.hidden = hidden;
    this.V = new Parameter("V", vocab, hidden);
    this.c = new Parameter("c", vocab, 1);
    int maxStride = paddedLength(maxWindow);
    this.logits = new double[vocab * maxStride];
    this.hiddenT = new double[hidden * maxStride];
    this.dHidden = new double[maxWindow * hidden];
    this.columnMax = new double[maxStride];
    this.columnSum = new double[maxStride];
    this.logitOfTarget = new double[maxStride];
    this.targets = new int[maxWindow];
  }

  private static int paddedLength(int length) {
    return (length + COLUMN_MULTIPLE - 1) / COLUMN_MULTIPLE * COLUMN_MULTIPLE;
  }

  /** Uses {@code pool} for the loops of forward and backward. */
  void setPool(WorkerPool pool) {
    this.pool = pool;
  }

  /**
   * Computes P for the L positions whose hidden states are rows of {@code hs} and returns the
   * summed loss of the targets {@code tokens[targetFrom .. targetFrom + L)}.
   *
   * @param hs hidden states, row t (h_t, length H) at {@code hsOffset + t H}; not modified, and
   *     read again by {@link #backward}
   */
  double forward(double[] hs, int hsOffset, int L, int[] tokens, int targetFrom) {
    int H = hidden;
    int Lp = paddedLength(L);
    this.hs = hs;
    this.hsOffset = hsOffset;
    this.length = L;
    this.stride = Lp;
    for (int t = 0; t < L; t++) {
      for (int k = 0; k < H; k++) {
        hiddenT[k * Lp + t] = hs[hsOffset + t * H + k];
      }
    }
    System.arraycopy(tokens, targetFrom, targets, 0, L);

    windowPool = pool.forWork((long) vocab * hidden * L);
    windowPool.forRanges(vocab, 4, logitRows);
    windowPool.forRanges(L, COLUMN_MULTIPLE, softmaxColumns);
    double loss = 0.0;
    for (int t = 0; t < L; t++) {
      // -ln p(y) = ln sum_v exp(z_v - max) + max - z_y
      loss += Math.log(columnSum[t]) + columnMax[t] - logitOfTarget[t];
      columnSum[t] = 1.0 / columnSum[t];
    }
    windowPool.forRanges(vocab, 4, normalizeRows);
    backwardReady = true;
    return loss;
  }

  /** Z = c 1^T + V [h_0 ... h_(L-1)] for the rows v in [from, to). */
  private void computeLogitRows(int from, int to) {
    int Lp = stride;
    double[] cw = c.value();
    for (int v = from; v < to; v++) {
      Arrays.fill(logits, v * Lp, v * Lp + Lp, cw[v]);
    }
    ArrayProducts.multiplyAdd(V.value(), from * hidden, hidden, hiddenT, 0, Lp, logits,
        from * Lp, Lp, to - from, hidden, Lp);
  }

  /**
   * For the columns t in [from, to): the max over v, the logit of the target, and then
   * exp(z - max) in place and its sum over v, in ascending v.
   */
  private void exponentiateColumns(int from, int to) {
    int Lp = stride;
    Arrays.fill(columnMax, from, to, Double.NEGATIVE_INFINITY);
    for (int v = 0; v < vocab; v++) {
      int row = v * Lp;
      for (int t = from; t < to; t++) {
        columnMax[t] = Math.max(columnMax[t], logits[row + t]);
      }
    }
    for (int t = from; t < to; t++) {
      logitOfTarget[t] = logits[targets[t] * Lp + t];
    }
    Arrays.fill(columnSum, from, to, 0.0);
    for (int v = 0; v < vocab; v++) {
      int row = v * Lp;
      for (int t = from; t < to; t++) {
        logits[row + t] -= columnMax[t];
      }
      Exponentials.exp(logits, row + from, to - from, logits, row + from);
      for (int t = from; t < to; t++) {
        columnSum[t] += logits[row + t];
      }
    }
  }

  /** P = exp(Z - max) / sum for the rows v in [from, to). */
  private void normalizeRows(int from, int to) {
    int L = length;
    int Lp = stride;
    for (int v = from; v < to; v++) {
      int row = v * Lp;
      for (int t = 0; t < L; t++) {
        logits[row + t] *= columnSum[t];
      }
    }
  }

  /**
   * Turns P into dY = P - Y and returns dLoss/dh_t of the last forward window as an L x H array
   * (row t for position t; owned by this layer). dV and dc follow in {@link #weightGradients}.
   */
  double[] backward() {
    if (!backwardReady) {
      throw new IllegalStateException("backward needs a forward pass first");
    }
    backwardReady = false;
    weightsReady = true;
    int L = length;
    int Lp = stride;
    int H = hidden;
    double[] dY = logits;

    // dY = P - Y: subtract 1 at each target.
    for (int t = 0; t < L; t++) {
      dY[targets[t] * Lp + t] -= 1.0;
    }
    // dH = dY^T V, L x H, over parts of the rows t.
    ArrayProducts.multiplyTransA(windowPool, dY, 0, Lp, V.value(), 0, H, dHidden, 0, H, L, vocab, H);
    return dHidden;
  }

  /**
   * Writes dV and dc of the window {@link #backward} ran on, reading dY and the hidden states
   * given to forward. On more than one thread, the other threads compute them while the calling
   * thread runs {@code alongside} (the model's backpropagation through time, which needs none of
   * them), and the calling thread then helps with the rows left.
   */
  void weightGradients(Runnable alongside) {
    if (!weightsReady) {
      throw new IllegalStateException("the weight gradients need backward first");
    }
    weightsReady = false;
    windowPool.runAlongside(alongside, vocab, GRADIENT_ROWS_PER_CHUNK, gradientRows);
  }

  /** dc = dY 1 and dV = dY [h_0 ... h_(L-1)]^T for the rows v in [from, to). */
  private void computeGradientRows(int from, int to) {
    int L = length;
    int Lp = stride;
    int H = hidden;
    double[] dY = logits;
    double[] dc = c.grad();
    double[] dV = V.grad();

    int v = from;
    // Four rows at a time: four independent sums, each still over t in ascending order.
    for (; v + 4 <= to; v += 4) {
      int row = v * Lp;
      double sum0 = 0.0;
      double sum1 = 0.0;
      double sum2 = 0.0;
      double sum3 = 0.0;
      for (int t = 0; t < L; t++) {
        sum0 += dY[row + t];
        sum1 += dY[row + Lp + t];
        sum2 += dY[row + 2 * Lp + t];
        sum3 += dY[row + 3 * Lp + t];
      }
      dc[v] = sum0;
      dc[v + 1] = sum1;
      dc[v + 2] = sum2;
      dc[v + 3] = sum3;
    }
    for (; v < to; v++) {
      double sum = 0.0;
      for (int t = 0; t < L; t++) {
        sum += dY[v * Lp + t];
      }
      dc[v] = sum;
    }

    ArrayProducts.multiply(WorkerPool.SERIAL, dY, from * Lp, Lp, hs, hsOffset, H, dV,
        from * H, H, to - from, L, H);
  }

  /** Writes z = V h + c for one hidden state h (length H) into logits (length V). */
  void logits(double[] h, double[] out) {
    int H = hidden;
    double[] Vw = V.value();
    double[] cw = c.value();
    for (int v = 0; v < vocab; v++) {
      double z = cw[v];
      int row = v * H;
      for (int k = 0; k < H; k++) {
        z += Vw[row + k] * h[k];
      }
      out[v] = z;
    }
  }
}
