package io.neuralbytes.sequence;

import io.neuralbytes.core.Exponentials;
import io.neuralbytes.core.Parameter;
import java.util.Arrays;

/**
 * The plain, unoptimised {@link SoftmaxOutput} as it was before its products moved to the core
 * kernels, kept so that tests can hold the optimised class to it: same initialisation, same results to the bit.
 * Its e^x comes from core's {@code Exponentials}, as in the model, one value at a time.
 *
 * <p>* The output layer both models share: z_t = V h_t + c, p_t = softmax(z_t), and the loss
 * -ln p_t(y_t) summed over the window.
 *
 * <p>Shapes: V is V x H, c has length V. Over a window of L positions (L at most T) the
 * logits of all positions form one L x V matrix Z whose row t is z_t, computed as the
 * product [h_0 ... h_(L-1)]^T V^T with a transposed copy of V. Every innermost loop then
 * runs along a contiguous row of length V or H, which the JIT compiler vectorises; loops
 * along the window (length L, about 50) are too short for that. Z is turned into P and then
 * into dY = P - Y in place.
 */
final class PlainSoftmaxOutput {
  /** Columns of V^T per block of the forward product, so a block (H x 512) stays in cache. */
  private static final int COLUMN_BLOCK = 512;

  final Parameter V;
  final Parameter c;

  private final int vocab;
  private final int hidden;

  /** V^T, H x V, refreshed at each forward. */
  private final double[] VT;
  /** Z, then P, then dY; L x V, row t for position t. */
  private final double[] logits;
  /** dLoss/dh_t from this layer, L x H, row t for position t. */
  private final double[] dHidden;
  /** Targets of the last forward window, length T. */
  private final int[] targets;

  private int length;
  private boolean backwardReady;

  PlainSoftmaxOutput(int vocab, int hidden, int maxWindow) {
    this.vocab = vocab;
    this.hidden = hidden;
    this.V = new Parameter("V", vocab, hidden);
    this.c = new Parameter("c", vocab, 1);
    this.VT = new double[hidden * vocab];
    this.logits = new double[maxWindow * vocab];
    this.dHidden = new double[maxWindow * hidden];
    this.targets = new int[maxWindow];
  }

  /**
   * Computes P for the L positions whose hidden states are the rows of {@code hs} and
   * returns the summed loss of the targets {@code tokens[targetFrom .. targetFrom + L)}.
   *
   * @param hs hidden states, L x H, row t is h_t (not modified)
   */
  double forward(double[] hs, int L, int[] tokens, int targetFrom) {
    length = L;
    System.arraycopy(tokens, targetFrom, targets, 0, L);
    WindowMath.transpose(V.value(), vocab, hidden, VT);
    computeLogits(hs, L);

    double loss = 0.0;
    for (int t = 0; t < L; t++) {
      loss += softmaxRow(t * vocab, targets[t]);
    }
    backwardReady = true;
    return loss;
  }

  /** Z = [h_0 ... h_(L-1)]^T V^T + 1 c^T, L x V, one block of columns at a time. */
  private void computeLogits(double[] hs, int L) {
    int H = hidden;
    double[] cw = c.value();
    for (int from = 0; from < vocab; from += COLUMN_BLOCK) {
      int to = Math.min(vocab, from + COLUMN_BLOCK);
      for (int t = 0; t < L; t++) {
        int zRow = t * vocab;
        System.arraycopy(cw, from, logits, zRow + from, to - from);
        for (int k = 0; k < H; k++) {
          double hk = hs[t * H + k];
          int vtRow = k * vocab;
          for (int v = from; v < to; v++) {
            logits[zRow + v] += hk * VT[vtRow + v];
          }
        }
      }
    }
  }

  /**
   * Replaces the logits in {@code logits[row .. row + V)} by their softmax and returns
   * -ln p(target) = ln sum_v exp(z_v - max) + max - z_target.
   */
  private double softmaxRow(int row, int target) {
    double max = Double.NEGATIVE_INFINITY;
    for (int v = 0; v < vocab; v++) {
      max = Math.max(max, logits[row + v]);
    }
    double targetLogit = logits[row + target];
    double sum = 0.0;
    for (int v = 0; v < vocab; v++) {
      double e = Exponentials.exp(logits[row + v] - max);
      logits[row + v] = e;
      sum += e;
    }
    double scale = 1.0 / sum;
    for (int v = 0; v < vocab; v++) {
      logits[row + v] *= scale;
    }
    return Math.log(sum) + max - targetLogit;
  }

  /**
   * Writes dV and dc and returns dLoss/dh_t of the last forward window as an L x H array
   * (row t for position t; owned by this layer).
   *
   * @param hs the same hidden states that were passed to forward, L x H (not modified)
   * @throws IllegalStateException if no forward pass ran since the last backward
   */
  double[] backward(double[] hs) {
    if (!backwardReady) {
      throw new IllegalStateException("backward needs a forward pass first");
    }
    backwardReady = false;
    int L = length;
    int H = hidden;
    double[] Vw = V.value();
    double[] dV = V.grad();
    double[] dc = c.grad();
    double[] dY = logits;

    // dY = P - Y: subtract 1 at each target.
    for (int t = 0; t < L; t++) {
      dY[t * vocab + targets[t]] -= 1.0;
    }

    // For each row v: dc_v = sum_t dY[t, v], dV[v, :] = sum_t dY[t, v] h_t, and
    // dH[t, :] += dY[t, v] V[v, :]; row v of V and of dV stay in cache for all t.
    Arrays.fill(dHidden, 0, L * H, 0.0);
    for (int v = 0; v < vocab; v++) {
      int vRow = v * H;
      double sum = 0.0;
      Arrays.fill(dV, vRow, vRow + H, 0.0);
      for (int t = 0; t < L; t++) {
        double dy = dY[t * vocab + v];
        sum += dy;
        int hRow = t * H;
        for (int j = 0; j < H; j++) {
          dV[vRow + j] += dy * hs[hRow + j];
        }
        for (int j = 0; j < H; j++) {
          dHidden[hRow + j] += dy * Vw[vRow + j];
        }
      }
      dc[v] = sum;
    }
    return dHidden;
  }

  /** Writes z = V h + c for one hidden state h (length H) into out (length V). */
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
