package io.neuralbytes.cnn;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.NE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link Kernels}, with the same operations in the same order for every
 * element. Only loaded when the module {@code jdk.incubator.vector} is present.
 */
final class VectorKernels {

  /**
   * The species of core's products, so that all vectors in the JVM have one shape. The JIT
   * profiles the JDK's {@code DoubleVector} methods once for all callers. With vectors of 4 here
   * and of 8 in core (AVX-512), those profiles saw both classes, so the vectors of whichever
   * model ran second were boxed on the heap and its steps took about ten times as long.
   */
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private static final DoubleVector ZERO = DoubleVector.zero(S);
  private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);

  private VectorKernels() {
  }

  /**
   * Applies {@link Kernels#maskByRelu} to the whole vectors of the first {@code length} elements
   * and returns how many elements it covered. The factor (1, 0 or NaN) is picked without a
   * branch, because the plain loop's branch on the sign of Z mispredicts about every other time.
   */
  static int maskByRelu(double[] dA, double[] Z, int length) {
    int j = 0;
    for (; j + L <= length; j += L) {
      DoubleVector z = DoubleVector.fromArray(S, Z, j);
      DoubleVector factor = ZERO.blend(ONE, z.compare(GT, 0.0)).blend(z, z.compare(NE, z));
      DoubleVector.fromArray(S, dA, j).mul(factor).intoArray(dA, j);
    }
    return j;
  }

  static void tapSums(double[] X, int[] starts, double[] weights, int taps, double bias,
      double[] span) {
    int length = span.length;
    int p = 0;
    // Four vectors of outputs at a time: their sums stay in registers over all the taps.
    for (; p + 4 * L <= length; p += 4 * L) {
      DoubleVector z0 = DoubleVector.broadcast(S, bias);
      DoubleVector z1 = z0;
      DoubleVector z2 = z0;
      DoubleVector z3 = z0;
      for (int t = 0; t < taps; t++) {
        double w = weights[t];
        int x = starts[t] + p;
        z0 = z0.add(DoubleVector.fromArray(S, X, x).mul(w));
        z1 = z1.add(DoubleVector.fromArray(S, X, x + L).mul(w));
        z2 = z2.add(DoubleVector.fromArray(S, X, x + 2 * L).mul(w));
        z3 = z3.add(DoubleVector.fromArray(S, X, x + 3 * L).mul(w));
      }
      z0.intoArray(span, p);
      z1.intoArray(span, p + L);
      z2.intoArray(span, p + 2 * L);
      z3.intoArray(span, p + 3 * L);
    }
    Kernels.tapSumsPlain(X, starts, weights, taps, bias, span, p);
  }

  static void columnSums(double[] X, int[] starts, int count, double[] dZ, int z, int oh, int ow,
      int W, double[] sums) {
    if (ow < L) {
      Kernels.columnSumsPlain(X, starts, count, dZ, z, oh, ow, W, sums, 0);
      return;
    }
    for (int j = 0; j < ow; j += L) {
      // When L does not divide ow, the last vector is moved back to end at column ow - 1. It
      // overlaps the one before and writes the same sums again: each lane adds its own
      // column's terms in the same order wherever the vector starts.
      int column = Math.min(j, ow - L);
      if (count == 4) {
        fourColumnSums(X, starts, dZ, z + column, oh, ow, W, column, sums);
      } else {
        for (int n = 0; n < count; n++) {
          oneColumnSum(X, starts[n] + column, dZ, z + column, oh, ow, W, sums, n * ow + column);
        }
      }
    }
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
