package io.neuralbytes.cnn;

import io.neuralbytes.core.Parameter;
import java.util.Arrays;
import java.util.List;

/**
 * Two-dimensional convolution with stride 1 and no padding: K filters of kh x kw, each spanning
 * all C input channels. As in most deep-learning libraries, the filter is not flipped (this is a
 * cross-correlation).
 *
 * <p>Shapes, all flat row-major {@code double[]}:
 * <pre>
 *   X   C x H x W        one input image, X[c, y, x] at (c*H + y)*W + x
 *   F   K x C x kh x kw  filters, F[k, c, u, v] at ((k*C + c)*kh + u)*kw + v
 *   b   K                filter bias, present only when the configuration enables it
 *   Z   K x oh x ow      output maps, Z[k, i, j] at (k*oh + i)*ow + j,
 *                        with oh = H - kh + 1 and ow = W - kw + 1
 * </pre>
 *
 * <p>Forward: Z[k, i, j] = b[k] + sum over c, u, v of F[k, c, u, v] X[c, i + u, j + v].
 *
 * <p>Backward, given dZ = dCost/dZ:
 * <pre>
 *   dF[k, c, u, v] += sum over i, j of dZ[k, i, j] X[c, i + u, j + v]
 *   db[k]          += sum over i, j of dZ[k, i, j]
 * </pre>
 * The input gradient dX is not computed because this layer is the first of the network.
 *
 * <p>Not thread-safe: the gradients live in the layer's parameters.
 */
public final class Conv2d {

  private final int C;
  private final int H;
  private final int W;
  private final int K;
  private final int kh;
  private final int kw;
  private final int oh;
  private final int ow;

  /** K x (C kh kw): row k is filter k, channel by channel. */
  private final Parameter F;
  /** K x 1, or null without filter bias. */
  private final Parameter b;
  private final List<Parameter> parameters;

  /** Filter taps per pass of forward over a row of the map. */
  private static final int TAP_BLOCK = 4;

  /** Work space of forward: the weights and input offsets of one block of taps. */
  private final double[] tapWeights = new double[TAP_BLOCK];
  private final int[] tapStarts = new int[TAP_BLOCK];

  /** Work space of backward: ow partial sums of one filter gradient, one per output column. */
  private final double[] columnSums;

  /** Creates the layer with all weights zero; the network initialises them. */
  Conv2d(ConvNetConfig config) {
    C = config.channels();
    H = config.height();
    W = config.width();
    K = config.filters();
    kh = config.filterHeight();
    kw = config.filterWidth();
    oh = config.outputHeight();
    ow = config.outputWidth();
    F = new Parameter("conv.F", K, C * kh * kw);
    b = config.filterBias() ? new Parameter("conv.b", K, 1) : null;
    parameters = b == null ? List.of(F) : List.of(F, b);
    columnSums = new double[ow];
  }

  /** Returns the filters F, K x (C kh kw), the array the layer trains. */
  public Parameter filters() {
    return F;
  }

  /** Returns the filter bias b (K x 1), or null when the layer has none. */
  public Parameter bias() {
    return b;
  }

  /** Returns the trainable parameters: F, then b when present. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /**
   * Computes Z = conv(X, F) + b for one image.
   *
   * @param X       images, read from {@code xOffset} for C H W values; not modified
   * @param xOffset index of X[0, 0, 0] of this image
   * @param Z       output maps, K x oh x ow, overwritten
   */
  public void forward(double[] X, int xOffset, double[] Z) {
    double[] f = F.value();
    int mapSize = oh * ow;
    int taps = C * kh * kw;
    for (int k = 0; k < K; k++) {
      int zk = k * mapSize;
      Arrays.fill(Z, zk, zk + mapSize, b == null ? 0.0 : b.value()[k]);
      // Up to TAP_BLOCK filter taps (c, u, v) per pass over a row of the map, so the row is
      // loaded and stored once per block instead of once per tap. Each Z[k, i, j] still adds
      // its terms in the order of the taps.
      for (int t0 = 0; t0 < taps; t0 += TAP_BLOCK) {
        int count = Math.min(TAP_BLOCK, taps - t0);
        for (int n = 0; n < count; n++) {
          int tap = t0 + n;
          int c = tap / (kh * kw);
          int u = tap / kw % kh;
          int v = tap % kw;
          tapWeights[n] = f[k * taps + tap];
          tapStarts[n] = xOffset + (c * H + u) * W + v;
        }
        for (int i = 0; i < oh; i++) {
          addTaps(X, Z, zk + i * ow, i * W, count);
        }
      }
    }
  }

  /** Z[zRow + j] += sum over the first count taps of weight * X[start + xRow + j], in order. */
  private void addTaps(double[] X, double[] Z, int zRow, int xRow, int count) {
    if (count == TAP_BLOCK) {
      double w0 = tapWeights[0];
      double w1 = tapWeights[1];
      double w2 = tapWeights[2];
      double w3 = tapWeights[3];
      int x0 = tapStarts[0] + xRow;
      int x1 = tapStarts[1] + xRow;
      int x2 = tapStarts[2] + xRow;
      int x3 = tapStarts[3] + xRow;
      for (int j = 0; j < ow; j++) {
        double z = Z[zRow + j];
        z += w0 * X[x0 + j];
        z += w1 * X[x1 + j];
        z += w2 * X[x2 + j];
        z += w3 * X[x3 + j];
        Z[zRow + j] = z;
      }
      return;
    }
    for (int n = 0; n < count; n++) {
      double weight = tapWeights[n];
      int x = tapStarts[n] + xRow;
      for (int j = 0; j < ow; j++) {
        Z[zRow + j] += weight * X[x + j];
      }
    }
  }

  /**
   * Adds the gradients of one image to F.grad and b.grad.
   *
   * @param X       the image given to {@link #forward}, from {@code xOffset}; not modified
   * @param xOffset index of X[0, 0, 0] of this image
   * @param dZ      dCost/dZ, K x oh x ow; not modified
   */
  public void backward(double[] X, int xOffset, double[] dZ) {
    double[] dF = F.grad();
    int mapSize = oh * ow;
    for (int k = 0; k < K; k++) {
      int zk = k * mapSize;
      for (int c = 0; c < C; c++) {
        for (int u = 0; u < kh; u++) {
          for (int v = 0; v < kw; v++) {
            int xStart = xOffset + (c * H + u) * W + v;
            // Sum over i into one partial sum per column j first. The inner loop then carries
            // no running sum from one iteration to the next, so the JIT may vectorize it.
            Arrays.fill(columnSums, 0.0);
            for (int i = 0; i < oh; i++) {
              int zRow = zk + i * ow;
              int xRow = xStart + i * W;
              for (int j = 0; j < ow; j++) {
                columnSums[j] += dZ[zRow + j] * X[xRow + j];
              }
            }
            double sum = 0.0;
            for (int j = 0; j < ow; j++) {
              sum += columnSums[j];
            }
            dF[((k * C + c) * kh + u) * kw + v] += sum;
          }
        }
      }
      if (b != null) {
        double sum = 0.0;
        for (int n = zk; n < zk + mapSize; n++) {
          sum += dZ[n];
        }
        b.grad()[k] += sum;
      }
    }
  }
}
