package io.neuralbytes.cnn;

import io.neuralbytes.core.Activations;
import io.neuralbytes.core.ArrayProducts;

/**
 * The inner loops of {@link Conv2d} and of {@link Dense#backwardAndStep}. They run on the
 * JDK's incubating Vector API when it is loaded, as core's products do
 * ({@link ArrayProducts#usesVectorApi()}), and on the plain loops below otherwise. Lane-wise
 * add, subtract and multiply are rounded as their scalar forms and every sum keeps its order,
 * so both forms give each element exactly the same result.
 */
final class Kernels {

  private static final boolean VECTOR = ArrayProducts.usesVectorApi();

  private Kernels() {
  }

  /**
   * Writes, for every p &lt; span.length, the bias and then the taps added in ascending t:
   * <pre>
   *   span[p] = bias + sum over t &lt; taps of weights[t] X[starts[t] + p]
   * </pre>
   *
   * @param X       input values; not modified
   * @param starts  index in X of each tap's first value; not modified
   * @param weights the weight of each tap; not modified
   * @param span    output, overwritten
   */
  static void tapSums(double[] X, int[] starts, double[] weights, int taps, double bias,
      double[] span) {
    if (VECTOR) {
      VectorKernels.tapSums(X, starts, weights, taps, bias, span);
    } else {
      tapSumsPlain(X, starts, weights, taps, bias, span, 0);
    }
  }

  /** {@link #tapSums} in plain Java, for the values p &gt;= first only. */
  static void tapSumsPlain(double[] X, int[] starts, double[] weights, int taps, double bias,
      double[] span, int first) {
    for (int p = first; p < span.length; p++) {
      double sum = bias;
      for (int t = 0; t < taps; t++) {
        sum += weights[t] * X[starts[t] + p];
      }
      span[p] = sum;
    }
  }

  /**
   * For each tap n &lt; count and column j &lt; ow, writes the column sum over the rows i of a
   * map, added in ascending i:
   * <pre>
   *   sums[n ow + j] = sum over i &lt; oh of dZ[z + i ow + j] X[starts[n] + i W + j]
   * </pre>
   *
   * @param X      input values, row stride W; not modified
   * @param starts index in X of each tap's first value; not modified
   * @param dZ     one map, oh x ow from index z; not modified
   * @param sums   count x ow, overwritten
   */
  static void columnSums(double[] X, int[] starts, int count, double[] dZ, int z, int oh, int ow,
      int W, double[] sums) {
    if (VECTOR) {
      VectorKernels.columnSums(X, starts, count, dZ, z, oh, ow, W, sums);
    } else {
      columnSumsPlain(X, starts, count, dZ, z, oh, ow, W, sums, 0);
    }
  }

  /** {@link #columnSums} in plain Java, for the columns j &gt;= firstColumn only. */
  static void columnSumsPlain(double[] X, int[] starts, int count, double[] dZ, int z, int oh,
      int ow, int W, double[] sums, int firstColumn) {
    for (int n = 0; n < count; n++) {
      int sum = n * ow;
      for (int j = firstColumn; j < ow; j++) {
        sums[sum + j] = 0.0;
      }
      // Row by row, so the inner loop carries no running sum from one j to the next.
      for (int i = 0; i < oh; i++) {
        int zRow = z + i * ow;
        int xRow = starts[n] + i * W;
        for (int j = firstColumn; j < ow; j++) {
          sums[sum + j] += dZ[zRow + j] * X[xRow + j];
        }
      }
    }
  }

  /**
   * For one row of a weight matrix, over the columns j in [from, to):
   * <pre>
   *   da[j] += w[row + j] dz,   then   w[row + j] -= lr (dz a[j])
   * </pre>
   *
   * @param w  weights, row from index {@code row}; modified
   * @param a  the layer input; not modified
   * @param da the input gradient; modified
   */
  static void rowBackwardAndStep(double[] w, int row, double dz, double[] a, double[] da,
      int from, int to, double learningRate) {
    if (VECTOR) {
      VectorKernels.rowBackwardAndStep(w, row, dz, a, da, from, to, learningRate);
    } else {
      rowBackwardAndStepPlain(w, row, dz, a, da, from, to, learningRate);
    }
  }

  /**
   * Multiplies each dA[j], j &lt; length, by ReLU's derivative at Z[j]: by 1 where Z[j] &gt; 0,
   * by 0 where Z[j] &lt;= 0, and by Z[j] itself where it is NaN, as
   * {@link Activations#reluDerivative} does.
   */
  static void maskByRelu(double[] dA, double[] Z, int length) {
    int first = VECTOR ? VectorKernels.maskByRelu(dA, Z, length) : 0;
    for (int j = first; j < length; j++) {
      dA[j] *= Activations.reluDerivative(Z[j]);
    }
  }

  /** {@link #rowBackwardAndStep} in plain Java. */
  static void rowBackwardAndStepPlain(double[] w, int row, double dz, double[] a, double[] da,
      int from, int to, double learningRate) {
    for (int j = from; j < to; j++) {
      da[j] += w[row + j] * dz;
      w[row + j] -= learningRate * (dz * a[j]);
    }
  }
}
