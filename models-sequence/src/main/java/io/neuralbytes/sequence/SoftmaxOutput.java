package io.neuralbytes.sequence;

import io.neuralbytes.core.Parameter;
import java.util.Arrays;

/**
 * The output layer both models share: z_t = V h_t + c, p_t = softmax(z_t), and the loss
 * -ln p_t(y_t) summed over the window.
 *
 * <p>Shapes: V is V x H, c has length V. Over a window of L positions (L at most T) the
 * logits of all positions form one V x L matrix Z = V [h_0 ... h_(L-1)] + c 1^T, so the
 * layer runs as matrix products whose inner loops run along contiguous rows (no dot
 * product in the innermost loop). Z is turned into P and then into dY = P - Y in place.
 */
final class SoftmaxOutput {
  final Parameter V;
  final Parameter c;

  private final int vocab;
  private final int hidden;

  /** Z, then P, then dY; V x L, row-major with L columns. */
  private final double[] logits;
  /** [h_0 ... h_(L-1)], H x L. */
  private final double[] hiddenT;
  /** dLoss/dh_t from this layer, H x L; transposed into {@link #dHidden}. */
  private final double[] dHiddenT;
  /** dLoss/dh_t from this layer, L x H: row t belongs to position t. */
  private final double[] dHidden;
  /** Per position: max_v z, then sum_v exp(z - max); length T. */
  private final double[] columnMax;
  private final double[] columnSum;
  /** Targets of the last forward window, length T. */
  private final int[] targets;

  private int length;
  private boolean backwardReady;

  SoftmaxOutput(int vocab, int hidden, int maxWindow) {
    this.vocab = vocab;
    this.hidden = hidden;
    this.V = new Parameter("V", vocab, hidden);
    this.c = new Parameter("c", vocab, 1);
    this.logits = new double[vocab * maxWindow];
    this.hiddenT = new double[hidden * maxWindow];
    this.dHiddenT = new double[hidden * maxWindow];
    this.dHidden = new double[maxWindow * hidden];
    this.columnMax = new double[maxWindow];
    this.columnSum = new double[maxWindow];
    this.targets = new int[maxWindow];
  }

  /**
   * Computes P for the L positions whose hidden states are the rows of {@code hs} and
   * returns the summed loss of the targets {@code tokens[targetFrom .. targetFrom + L)}.
   *
   * @param hs hidden states, L x H, row t is h_t (not modified)
   */
  double forward(double[] hs, int L, int[] tokens, int targetFrom) {
    int H = hidden;
    double[] Vw = V.value();
    double[] cw = c.value();
    length = L;
    WindowMath.transpose(hs, L, H, hiddenT);
    System.arraycopy(tokens, targetFrom, targets, 0, L);

    // Z = V [h_0 ... h_(L-1)] + c, V x L: row v is c_v plus a sum of rows of hiddenT.
    for (int v = 0; v < vocab; v++) {
      int zRow = v * L;
      Arrays.fill(logits, zRow, zRow + L, cw[v]);
      for (int k = 0; k < H; k++) {
        double Vvk = Vw[v * H + k];
        int hRow = k * L;
        for (int t = 0; t < L; t++) {
          logits[zRow + t] += Vvk * hiddenT[hRow + t];
        }
      }
    }

    // Column-wise softmax, computed row by row so the inner loops stay contiguous.
    Arrays.fill(columnMax, 0, L, Double.NEGATIVE_INFINITY);
    for (int v = 0; v < vocab; v++) {
      for (int t = 0; t < L; t++) {
        columnMax[t] = Math.max(columnMax[t], logits[v * L + t]);
      }
    }
    double loss = 0.0;
    for (int t = 0; t < L; t++) {
      // -ln p(y) = ln sum_v exp(z_v - max) + max - z_y; the sum is added below.
      loss += columnMax[t] - logits[targets[t] * L + t];
    }
    Arrays.fill(columnSum, 0, L, 0.0);
    for (int v = 0; v < vocab; v++) {
      for (int t = 0; t < L; t++) {
        double e = Math.exp(logits[v * L + t] - columnMax[t]);
        logits[v * L + t] = e;
        columnSum[t] += e;
      }
    }
    for (int t = 0; t < L; t++) {
      loss += Math.log(columnSum[t]);
      columnSum[t] = 1.0 / columnSum[t];
    }
    for (int v = 0; v < vocab; v++) {
      for (int t = 0; t < L; t++) {
        logits[v * L + t] *= columnSum[t];
      }
    }
    backwardReady = true;
    return loss;
  }

  /**
   * Writes dV and dc and returns dLoss/dh_t of the last forward window as an L x H array
   * (row t for position t; owned by this layer).
   *
   * @param hs the same hidden states that were passed to forward, L x H (not modified)
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
      dY[targets[t] * L + t] -= 1.0;
    }

    // dc = dY 1; dV = dY [h_0 ... h_(L-1)]^T; dH^T = V^T dY. One pass over the rows v.
    Arrays.fill(dHiddenT, 0, H * L, 0.0);
    for (int v = 0; v < vocab; v++) {
      int yRow = v * L;
      int vRow = v * H;
      double sum = 0.0;
      Arrays.fill(dV, vRow, vRow + H, 0.0);
      for (int t = 0; t < L; t++) {
        double dy = dY[yRow + t];
        sum += dy;
        int hRow = t * H;
        for (int j = 0; j < H; j++) {
          dV[vRow + j] += dy * hs[hRow + j];
        }
      }
      dc[v] = sum;
      for (int k = 0; k < H; k++) {
        double Vvk = Vw[vRow + k];
        int dRow = k * L;
        for (int t = 0; t < L; t++) {
          dHiddenT[dRow + t] += Vvk * dY[yRow + t];
        }
      }
    }
    WindowMath.transpose(dHiddenT, H, L, dHidden);
    return dHidden;
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
