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

  /** Filter taps per pass of backward over a map. */
  private static final int TAP_BLOCK = 4;

  /** Work space of forward: the weights of one filter, C kh kw taps. */
  private final double[] tapWeights;
  /**
   * Work space: the input offset of each tap (c, u, v) for forward; backward uses the first
   * TAP_BLOCK entries for its block of taps.
   */
  private final int[] tapStarts;

  /**
   * Work space of forward: the output map of one filter laid out with the input's row stride,
   * Z[k, i, j] at i*W + j, (oh - 1) W + ow values. In this layout every tap (c, u, v) reads the
   * input at one fixed offset from the span index, so one long loop covers the whole map instead
   * of oh loops of ow values. The W - ow values between two rows are computed and then dropped.
   */
  private final double[] span;

  /** Work space of backward: TAP_BLOCK x ow partial sums, one per tap of a block and column. */
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
    tapWeights = new double[C * kh * kw];
    tapStarts = new int[Math.max(C * kh * kw, TAP_BLOCK)];
    span = new double[(oh - 1) * W + ow];
    columnSums = new double[TAP_BLOCK * ow];
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
    for (int tap = 0; tap < taps; tap++) {
      int c = tap / (kh * kw);
      int u = tap / kw % kh;
      int v = tap % kw;
      tapStarts[tap] = xOffset + (c * H + u) * W + v;
    }
    for (int k = 0; k < K; k++) {
      System.arraycopy(f, k * taps, tapWeights, 0, taps);
      Kernels.tapSums(X, tapStarts, tapWeights, taps, b == null ? 0.0 : b.value()[k], span);
      for (int i = 0; i < oh; i++) {
        System.arraycopy(span, i * W, Z, k * mapSize + i * ow, ow);
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
    int taps = C * kh * kw;
    for (int k = 0; k < K; k++) {
      int zk = k * mapSize;
      // Up to TAP_BLOCK taps at a time, so each row of dZ is loaded once per block. Each tap
      // first sums over i into one partial sum per column j, then adds the columns in
      // ascending j.
      for (int t0 = 0; t0 < taps; t0 += TAP_BLOCK) {
        int count = Math.min(TAP_BLOCK, taps - t0);
        for (int n = 0; n < count; n++) {
          int tap = t0 + n;
          int c = tap / (kh * kw);
          int u = tap / kw % kh;
          int v = tap % kw;
          tapStarts[n] = xOffset + (c * H + u) * W + v;
        }
        Kernels.columnSums(X, tapStarts, count, dZ, zk, oh, ow, W, columnSums);
        for (int n = 0; n < count; n++) {
          double sum = 0.0;
          for (int j = n * ow; j < (n + 1) * ow; j++) {
            sum += columnSums[j];
          }
          dF[k * taps + t0 + n] += sum;
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
