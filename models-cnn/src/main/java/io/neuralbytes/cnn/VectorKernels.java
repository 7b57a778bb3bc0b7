package io.neuralbytes.cnn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link Kernels}, with the same operations in the same order for every
 * element. Only loaded when the module {@code jdk.incubator.vector} is present.
 */
final class VectorKernels {

  /**
   * Four doubles per vector. The CNN's maps are 30 columns wide: 7 vectors of 4 leave 2 columns
   * to the plain loop, where vectors of 8 would leave 6.
   */
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
  private static final int L = S.length();

  private VectorKernels() {
  }

  static void columnSums(double[] X, int[] starts, int count, double[] dZ, int z, int oh, int ow,
      int W, double[] sums) {
    int full = ow - ow % L;
    for (int j = 0; j < full; j += L) {
      if (count == 4) {
        fourColumnSums(X, starts, dZ, z + j, oh, ow, W, j, sums);
      } else {
        for (int n = 0; n < count; n++) {
          oneColumnSum(X, starts[n] + j, dZ, z + j, oh, ow, W, sums, n * ow + j);
        }
      }
    }
    Kernels.columnSumsPlain(X, starts, count, dZ, z, oh, ow, W, sums, full);
  }

  /**
   * Columns j .. j + L of four taps at once: the four sums stay in registers over all rows,
   * and each vector of dZ is loaded once for the four.
   */
  private static void fourColumnSums(double[] X, int[] starts, double[] dZ, int z, int oh,
      int ow, int W, int j, double[] sums) {
    int x0 = starts[0] + j;
    int x1 = starts[1] + j;
    int x2 = starts[2] + j;
    int x3 = starts[3] + j;
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    DoubleVector s2 = s0;
    DoubleVector s3 = s0;
    for (int i = 0; i < oh; i++) {
      DoubleVector dz = DoubleVector.fromArray(S, dZ, z + i * ow);
      int xRow = i * W;
      s0 = s0.add(dz.mul(DoubleVector.fromArray(S, X, x0 + xRow)));
      s1 = s1.add(dz.mul(DoubleVector.fromArray(S, X, x1 + xRow)));
      s2 = s2.add(dz.mul(DoubleVector.fromArray(S, X, x2 + xRow)));
      s3 = s3.add(dz.mul(DoubleVector.fromArray(S, X, x3 + xRow)));
    }
    s0.intoArray(sums, j);
    s1.intoArray(sums, ow + j);
    s2.intoArray(sums, 2 * ow + j);
    s3.intoArray(sums, 3 * ow + j);
  }

  private static void oneColumnSum(double[] X, int x, double[] dZ, int z, int oh, int ow, int W,
      double[] sums, int to) {
    DoubleVector s = DoubleVector.zero(S);
    for (int i = 0; i < oh; i++) {
      s = s.add(DoubleVector.fromArray(S, dZ, z + i * ow)
          .mul(DoubleVector.fromArray(S, X, x + i * W)));
    }
    s.intoArray(sums, to);
  }

  static void rowBackwardAndStep(double[] w, int row, double dz, double[] a, double[] da,
      int from, int to, double learningRate) {
    int j = from;
    for (; j + L <= to; j += L) {
      DoubleVector wj = DoubleVector.fromArray(S, w, row + j);
      DoubleVector.fromArray(S, da, j).add(wj.mul(dz)).intoArray(da, j);
      DoubleVector step = DoubleVector.fromArray(S, a, j).mul(dz).mul(learningRate);
      wj.sub(step).intoArray(w, row + j);
    }
    Kernels.rowBackwardAndStepPlain(w, row, dz, a, da, j, to, learningRate);
  }
}
