package io.neuralbytes.sequence;

import io.neuralbytes.core.AlignedArrays;
import io.neuralbytes.core.ArrayProducts;
import io.neuralbytes.core.Exponentials;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.WorkerPool;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The output layer both models share: z_t = V h_t + c, p_t = softmax(z_t), and the loss
 * -ln p_t(y_t) summed over the window.
 *
 * <p>Shapes: V is V x H, c has length V. Over a window of L positions (L at most T) the
 * logits of all positions form one V x L matrix Z = V [h_0 ... h_(L-1)] + c 1^T, so the layer
 * runs as three matrix products ({@link ArrayProducts}): Z = V H^T in the forward pass, and
 * dV = dY H and dH = dY^T V in the backward pass, where H is the L x H matrix of hidden states
 * and dY = P - Y. Z is stored with Lp columns, L rounded up to a multiple of 8, so that every
 * row of it is a whole number of vectors. The extra columns hold a zero hidden state, so their
 * logits are c. The softmax runs over them too, so that its loops stay on whole vectors, and
 * nothing reads their results. Z is turned into P and then into dY in place. The
 * exponentials are core's {@link Exponentials#exp}, over a part of a row of Z at a time,
 * within 2 ulp of {@code StrictMath.exp}.
 *
 * <p>With a thread pool of more than one thread, and a window of at least
 * {@link WorkerPool#MIN_SPLIT_WORK} multiply-adds (V H L), each loop over the V rows (or the L
 * columns) is split into contiguous parts, and every element is still summed in the same order,
 * so the results do not depend on the number of threads. Loops that write Z are split by rows,
 * because split by columns two threads would write into the same cache line of every row.
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
  /**
   * Rows of Z per chunk handed to a thread: 256 rows by all Lp columns, about 1.8 million
   * multiply-adds for H = 128 and a window of 50, 20 chunks for 5,000 words. Each chunk copies
   * the hidden states into the product's packed panels, so chunks of 64 rows would copy four
   * times as much. A chunk spans every column, so that V (5 MB for 5,000 words) is read once per
   * window: with chunks of 16 columns that started as soon as their positions were known,
   * V was read four times and the logits took twice as long.
   */
  private static final int LOGIT_ROWS_PER_CHUNK = 256;
  /** Index of Z(0, 0) in {@link #logits}. */
  private static final int Z0 = AlignedArrays.START;
  /** Checks a thread spins through before it yields while it waits for the recurrence. */
  private static final int AWAIT_SPINS = 1_000;

  final Parameter V;
  final Parameter c;
  /**
   * V and c, whose gradients are finite whenever the loss of the window is. A finite loss
   * needs a finite max in every column of Z, and a NaN hidden state makes its whole column NaN.
   * So the hidden states are finite, each in [-1, 1] (tanh(a) for the RNN, o tanh(c) for the
   * LSTM). Every sum_v exp(z - max) is then at least 1, every element of dY = P - Y lies in
   * [-1, 1], and every element of dc and dV is at most L in size.
   */
  final List<Parameter> finiteWithLoss;

  private final int vocab;
  private final int hidden;
  private WorkerPool pool = WorkerPool.SERIAL;
  /**
   * The pool of the current window: {@link #pool}, or the serial pool when the window's products
   * (V x H x L multiply-adds) are too small to gain from threads ({@link WorkerPool#forWork}).
   */
  private WorkerPool windowPool = WorkerPool.SERIAL;

  /**
   * Z, then P, then dY; V x Lp, row-major from {@link #Z0}, so that every row starts on a
   * 64-byte boundary (see {@link AlignedArrays}).
   */
  private final double[] logits;
  /** [h_0 ... h_(L-1)], H x Lp. */
  private final double[] hiddenT;
  /** dLoss/dh_t from this layer, L x H: row t belongs to position t. */
  private final double[] dHidden;
  /**
   * Per block of {@link #LOGIT_ROWS_PER_CHUNK} rows of Z, the max of each column over the block,
   * taken on more than one thread right after the block is computed; blocks x Lp.
   */
  private final double[] blockMax;
  /** Per position: max_v z, then sum_v exp(z - max), then its inverse; length Lp. */
  private final double[] columnMax;
  private final double[] columnSum;
  /** Per position, z of its target before the softmax; length Lp. */
  private final double[] logitOfTarget;
  /** Targets of the last forward window, length T. */
  private final int[] targets;

  /** The loop bodies run on the pool, bound once so that a step allocates nothing. */
  private final WorkerPool.RangeTask exponentialRows = this::exponentiateAndSumRows;
  private final WorkerPool.RangeTask normalizeRows = this::normalizeRows;
  private final WorkerPool.RangeTask gradientRows = this::computeGradientRows;
  private final WorkerPool.RangeTask logitChunks = this::computeLogitChunks;
  private final Runnable recurrenceThenRelease = this::runRecurrenceThenRelease;
  private final Runnable hiddenGradientsThenThroughTime =
      this::computeHiddenGradientsThenThroughTime;

  /** The model's recurrence during a {@link #forward} on more than one thread. */
  private Runnable recurrence;
  /** The model's backpropagation through time during a {@link #backward}. */
  private Runnable throughTime;
  /** Whether the recurrence of the current window has ended, so every hidden state is known. */
  private volatile boolean recurrenceDone;
  /** Number of rows of Z, from row 0, already exponentiated and added to {@link #columnSum}. */
  private volatile int summedRows;
  /** Blocks of {@link #LOGIT_ROWS_PER_CHUNK} rows of Z. */
  private final int rowChunks;
  /** Per block of rows of Z on more than one thread: UNFILLED, FILLING or FILLED with c. */
  private final AtomicIntegerArray filled;
  private static final int UNFILLED = 0;
  private static final int FILLING = 1;
  private static final int FILLED = 2;

  /** L, Lp and the hidden states of the last forward window (row t at hsOffset + t H). */
  private int length;
  private int stride;
  private double[] hs;
  private int hsOffset;
  private boolean backwardReady;

  SoftmaxOutput(int vocab, int hidden, int maxWindow) {
    this.vocab = vocab;
    this.hidden = hidden;
    this.V = new Parameter("V", vocab, hidden);
    this.c = new Parameter("c", vocab, 1);
    this.finiteWithLoss = List.of(V, c);
    this.rowChunks = (vocab + LOGIT_ROWS_PER_CHUNK - 1) / LOGIT_ROWS_PER_CHUNK;
    this.filled = new AtomicIntegerArray(rowChunks);
    int maxStride = paddedLength(maxWindow);
    this.logits = AlignedArrays.allocate(vocab * maxStride);
    this.hiddenT = new double[hidden * maxStride];
    this.dHidden = new double[maxWindow * hidden];
    this.blockMax = new double[rowChunks * maxStride];
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
   * Runs {@code recurrence}, which computes the window's L hidden states into rows of
   * {@code hs} in order and passes each to {@link #hiddenStateReady} as soon as it is known.
   * Then computes P for these L positions and returns the summed loss of the targets
   * {@code tokens[targetFrom .. targetFrom + L)}. On more than one thread, the other threads
   * fill Z with c while the recurrence runs, and then every thread computes logits.
   *
   * @param hs hidden states, row t (h_t, length H) at {@code hsOffset + t H}; not modified here,
   *     and read again by {@link #backward}
   */
  double forward(double[] hs, int hsOffset, int L, int[] tokens, int targetFrom,
      Runnable recurrence) {
    this.hs = hs;
    this.hsOffset = hsOffset;
    this.length = L;
    this.stride = paddedLength(L);
    System.arraycopy(tokens, targetFrom, targets, 0, L);

    for (int k = 0; k < hidden; k++) {
      Arrays.fill(hiddenT, k * stride + L, k * stride + stride, 0.0);
    }
    windowPool = pool.forWork((long) vocab * hidden * L);
    if (windowPool.threads() == 1) {
      recurrence.run();
      fillWithBias(0, vocab);
      addLogitProducts(0, vocab);
      exponentiateColumns();
    } else {
      this.recurrence = recurrence;
      recurrenceDone = false;
      for (int block = 0; block < rowChunks; block++) {
        filled.set(block, UNFILLED);
      }
      windowPool.runAlongside(recurrenceThenRelease, 2 * rowChunks, 1, logitChunks);
      this.recurrence = null;
      exponentiateSplit();
    }
    double loss = 0.0;
    for (int t = 0; t < L; t++) {
      // -ln p(y) = ln sum_v exp(z_v - max) + max - z_y
      loss += Math.log(columnSum[t]) + columnMax[t] - logitOfTarget[t];
      columnSum[t] = 1.0 / columnSum[t];
    }
    Arrays.fill(columnSum, L, stride, 1.0);
    windowPool.forRanges(vocab, 4, normalizeRows);
    backwardReady = true;
    return loss;
  }

  /**
   * Copies h_t, row t of the hidden states given to {@link #forward}, into the input of the
   * logits. Called by the recurrence, in order.
   */
  void hiddenStateReady(int t) {
    int Lp = stride;
    int row = hsOffset + t * hidden;
    for (int k = 0; k < hidden; k++) {
      hiddenT[k * Lp + t] = hs[row + k];
    }
  }

  /**
   * Returns the pool the last forward window ran on: the layer's pool, or
   * {@link WorkerPool#SERIAL} when the window's products were too small to split.
   */
  WorkerPool windowPool() {
    return windowPool;
  }

  /** Runs the recurrence, then releases every thread that waits for the hidden states. */
  private void runRecurrenceThenRelease() {
    try {
      recurrence.run();
    } finally {
      recurrenceDone = true;
    }
  }

  /**
   * Runs the chunks [from, to) of the logits' work on more than one thread. Chunk n below
   * rowChunks fills block n of {@link #LOGIT_ROWS_PER_CHUNK} rows of Z with c. These come first,
   * so the other threads do them while the recurrence runs. Chunk rowChunks + n computes
   * Z = c 1^T + V H^T for block n, once every hidden state is known and block n is filled,
   * then takes the block's column maxima.
   */
  private void computeLogitChunks(int from, int to) {
    for (int n = from; n < to; n++) {
      int block = n < rowChunks ? n : n - rowChunks;
      int firstRow = block * LOGIT_ROWS_PER_CHUNK;
      int endRow = Math.min(vocab, firstRow + LOGIT_ROWS_PER_CHUNK);
      if (n < rowChunks) {
        fillRows(block, firstRow, endRow, false);
        continue;
      }
      fillRows(block, firstRow, endRow, true);
      awaitRecurrence();
      addLogitProducts(firstRow, endRow);
      takeBlockMax(firstRow, endRow);
    }
  }

  /**
   * Fills rows [firstRow, endRow) of Z, block {@code block}, with c unless another thread has
   * claimed them. With {@code wait}, returns only once they are filled, by whichever thread.
   */
  private void fillRows(int block, int firstRow, int endRow, boolean wait) {
    if (filled.compareAndSet(block, UNFILLED, FILLING)) {
      fillWithBias(firstRow, endRow);
      filled.set(block, FILLED);
      return;
    }
    while (wait && filled.get(block) != FILLED) {
      Thread.onSpinWait();
    }
  }

  /**
   * Writes the max over the rows [firstRow, endRow) of Z, one block of
   * {@link #LOGIT_ROWS_PER_CHUNK} rows, of each column t below L.
   */
  private void takeBlockMax(int firstRow, int endRow) {
    int L = length;
    int Lp = stride;
    int max = firstRow / LOGIT_ROWS_PER_CHUNK * Lp;
    Arrays.fill(blockMax, max, max + L, Double.NEGATIVE_INFINITY);
    for (int v = firstRow; v < endRow; v++) {
      int row = Z0 + v * Lp;
      for (int t = 0; t < L; t++) {
        blockMax[max + t] = larger(blockMax[max + t], logits[row + t]);
      }
    }
  }

  /**
   * Returns the larger of m and z, or m when z is NaN. Unlike {@link Math#max}, it does not
   * order -0.0 below +0.0 or pass a NaN on, and the loops of max over a row run twice as fast
   * with it. A NaN logit still makes the loss NaN, through its own exponential in the sum, and
   * the sign of a zero max changes no result.
   */
  private static double larger(double m, double z) {
    return z > m ? z : m;
  }

  /** Waits until the recurrence has ended, so that every hidden state of the window is known. */
  private void awaitRecurrence() {
    for (int spins = 0; !recurrenceDone; spins++) {
      if (spins < AWAIT_SPINS) {
        Thread.onSpinWait();
      } else {
        // Let the recurrence's thread run here if the machine is short of cores.
        Thread.yield();
      }
    }
  }

  /** Sets every element of the rows v in [from, to) of Z to c_v. */
  private void fillWithBias(int from, int to) {
    int Lp = stride;
    double[] cw = c.value();
    for (int v = from; v < to; v++) {
      Arrays.fill(logits, Z0 + v * Lp, Z0 + v * Lp + Lp, cw[v]);
    }
  }

  /** Z += V [h_0 ... h_(L-1)] for the rows v in [from, to), which hold c after a fill. */
  private void addLogitProducts(int from, int to) {
    int Lp = stride;
    ArrayProducts.multiplyAdd(V.value(), from * hidden, hidden, hiddenT, 0, Lp, logits,
        Z0 + from * Lp, Lp, to - from, hidden, Lp);
  }

  /**
   * For every column t: the max over v, the logit of the target, and then exp(z - max) in place
   * and its sum over v, in ascending v. The one-thread version: two passes over Z, on whole
   * rows of Lp columns.
   */
  private void exponentiateColumns() {
    int L = length;
    int Lp = stride;
    Arrays.fill(columnMax, 0, Lp, Double.NEGATIVE_INFINITY);
    for (int v = 0; v < vocab; v++) {
      int row = Z0 + v * Lp;
      for (int t = 0; t < Lp; t++) {
        columnMax[t] = larger(columnMax[t], logits[row + t]);
      }
    }
    for (int t = 0; t < L; t++) {
      logitOfTarget[t] = logits[Z0 + targets[t] * Lp + t];
    }
    Arrays.fill(columnSum, 0, Lp, 0.0);
    summedRows = 0;
    exponentiateAndSumRows(0, vocab);
  }

  /**
   * Does what {@link #exponentiateColumns} does, split over threads. The max over v of each column
   * comes from the maxima of its blocks, which the chunks of Z took (a max does not depend on
   * order). Each thread then exponentiates and sums a contiguous part of the rows
   * ({@link #exponentiateAndSumRows}), so every column is still summed in ascending v.
   */
  private void exponentiateSplit() {
    int L = length;
    int Lp = stride;
    Arrays.fill(columnMax, 0, L, Double.NEGATIVE_INFINITY);
    for (int block = 0; block < rowChunks; block++) {
      for (int t = 0; t < L; t++) {
        columnMax[t] = larger(columnMax[t], blockMax[block * Lp + t]);
      }
    }
    // The extra columns hold c. Any finite max serves them, since nothing reads their results.
    Arrays.fill(columnMax, L, Lp, 0.0);
    for (int t = 0; t < L; t++) {
      logitOfTarget[t] = logits[Z0 + targets[t] * Lp + t];
    }
    Arrays.fill(columnSum, 0, Lp, 0.0);
    summedRows = 0;
    windowPool.forRanges(vocab, 4, exponentialRows);
  }

  /**
   * Replaces z by exp(z - max) for the rows v in [from, to) and adds them to the column sums,
   * which must then hold the rows below {@code from} and no other. A part of the rows that
   * starts where the sums end adds each row as soon as it is exponentiated. A later part first
   * exponentiates all its rows, then waits until the parts below it have added theirs, and adds
   * its own, which are still in its core's cache. So each column is summed in ascending v,
   * as on one thread, while the exponentials, which cost the most, run side by side. Split by
   * columns instead, each thread read every row of Z, half of them from the other core's cache.
   */
  private void exponentiateAndSumRows(int from, int to) {
    int Lp = stride;
    int first = Z0 + from * Lp;
    if (summedRows == from) {
      Exponentials.expShiftedRows(logits, first, Lp, to - from, Lp, columnMax, columnSum);
    } else {
      Exponentials.expShiftedRows(logits, first, Lp, to - from, Lp, columnMax, null);
      awaitSummedRows(from);
      for (int v = from; v < to; v++) {
        int row = Z0 + v * Lp;
        for (int t = 0; t < Lp; t++) {
          columnSum[t] += logits[row + t];
        }
      }
    }
    summedRows = to;
  }

  /** Waits until the column sums contain the rows below {@code rows}. */
  private void awaitSummedRows(int rows) {
    for (int spins = 0; summedRows != rows; spins++) {
      if (spins < AWAIT_SPINS) {
        Thread.onSpinWait();
      } else {
        // Let the thread of the rows below run here if the machine is short of cores.
        Thread.yield();
      }
    }
  }

  /** P = exp(Z - max) / sum for the rows v in [from, to). */
  private void normalizeRows(int from, int to) {
    int Lp = stride;
    for (int v = from; v < to; v++) {
      int row = Z0 + v * Lp;
      for (int t = 0; t < Lp; t++) {
        logits[row + t] *= columnSum[t];
      }
    }
  }

  /**
   * Turns P into dY = P - Y, computes dLoss/dh_t of the last forward window into
   * {@link #hiddenGradients()} as dH = dY^T V, then runs {@code throughTime}, the model's
   * backpropagation through time, which reads dH, and writes dV and dc.
   *
   * <p>On more than one thread, the calling thread computes all of dH and then runs
   * {@code throughTime}, while the other threads compute dV and dc, which need neither; the
   * calling thread then helps with the rows of dV left. dH is not split: split by columns, each
   * thread packed all of dY^T for its part and the two parts ran only 1.3 times as fast as one.
   */
  void backward(Runnable throughTime) {
    if (!backwardReady) {
      throw new IllegalStateException("backward needs a forward pass first");
    }
    backwardReady = false;
    int L = length;
    int Lp = stride;
    double[] dY = logits;

    // dY = P - Y: subtract 1 at each target.
    for (int t = 0; t < L; t++) {
      dY[Z0 + targets[t] * Lp + t] -= 1.0;
    }
    this.throughTime = throughTime;
    try {
      windowPool.runAlongside(hiddenGradientsThenThroughTime, vocab, GRADIENT_ROWS_PER_CHUNK,
          gradientRows);
    } finally {
      this.throughTime = null;
    }
  }

  /**
   * Returns dLoss/dh_t of the window {@link #backward} runs on, L x H (row t for position t),
   * written before backward runs the model's backpropagation through time. The same array is
   * returned for every window.
   */
  double[] hiddenGradients() {
    return dHidden;
  }

  /** dH = dY^T V, L x H, then the model's backpropagation through time. */
  private void computeHiddenGradientsThenThroughTime() {
    ArrayProducts.multiplyTransA(WorkerPool.SERIAL, logits, Z0, stride, V.value(), 0, hidden,
        dHidden, 0, hidden, length, vocab, hidden);
    throughTime.run();
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
      int row = Z0 + v * Lp;
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
        sum += dY[Z0 + v * Lp + t];
      }
      dc[v] = sum;
    }

    ArrayProducts.multiply(WorkerPool.SERIAL, dY, Z0 + from * Lp, Lp, hs, hsOffset, H, dV,
        from * H, H, to - from, L, H);
  }

  /**
   * Writes z = V h + c for one hidden state h (length H) into logits (length V), with the
   * terms added in the order and with the rounding of {@link #forward}, so to the same bits.
   */
  void logits(double[] h, double[] out) {
    int H = hidden;
    double[] Vw = V.value();
    double[] cw = c.value();
    for (int v = 0; v < vocab; v++) {
      double z = cw[v];
      int row = v * H;
      for (int k = 0; k < H; k++) {
        z = Math.fma(Vw[row + k], h[k], z);
      }
      out[v] = z;
    }
  }
}
