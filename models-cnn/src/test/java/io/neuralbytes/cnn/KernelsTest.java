package io.neuralbytes.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.neuralbytes.core.Activations;
import io.neuralbytes.core.RandomSource;
import org.junit.jupiter.api.Test;

/** The Vector API kernels against their plain loops: equal to the bit on every small shape. */
class KernelsTest {

  @Test
  void vectorColumnSumsEqualPlainLoops() {
    RandomSource rng = new RandomSource(11);
    for (int oh = 1; oh <= 4; oh++) {
      for (int ow = 1; ow <= 13; ow++) {
        for (int count = 1; count <= 4; count++) {
          int W = ow + 2;
          double[] X = fill(new double[(oh + 3) * W + 4], rng);
          double[] dZ = fill(new double[oh * ow + 3], rng);
          int[] starts = new int[count];
          for (int n = 0; n < count; n++) {
            starts[n] = (n % 3) * W + n / 3 + 1;
          }
          double[] vector = new double[count * ow];
          double[] plain = new double[count * ow];
          VectorKernels.columnSums(X, starts, count, dZ, 3, oh, ow, W, vector);
          Kernels.columnSumsPlain(X, starts, count, dZ, 3, oh, ow, W, plain, 0);
          assertArrayEquals(plain, vector, 0.0, oh + "x" + ow + ", " + count + " taps");
        }
      }
    }
  }

  @Test
  void vectorTapSumsEqualPlainLoop() {
    RandomSource rng = new RandomSource(13);
    for (int length = 1; length <= 40; length++) {
      for (int taps = 1; taps <= 5; taps++) {
        double[] X = fill(new double[length + 3 * taps], rng);
        double[] weights = fill(new double[taps], rng);
        int[] starts = new int[taps];
        for (int t = 0; t < taps; t++) {
          starts[t] = 3 * t;
        }
        double bias = rng.uniform(-1.0, 1.0);
        double[] vector = new double[length];
        double[] plain = new double[length];
        VectorKernels.tapSums(X, starts, weights, taps, bias, vector);
        Kernels.tapSumsPlain(X, starts, weights, taps, bias, plain, 0);
        assertArrayEquals(plain, vector, 0.0, length + " values, " + taps + " taps");
      }
    }
  }

  @Test
  void vectorRowStepEqualsPlainLoop() {
    RandomSource rng = new RandomSource(12);
    for (int from = 0; from <= 3; from++) {
      for (int to = from; to <= 21; to++) {
        double[] w = fill(new double[30], rng);
        double[] a = fill(new double[to + 1], rng);
        double[] da = fill(new double[to + 1], rng);
        double dz = rng.uniform(-1.0, 1.0);
        double[] wPlain = w.clone();
        double[] daPlain = da.clone();
        VectorKernels.rowBackwardAndStep(w, 5, dz, a, da, from, to, 0.3);
        Kernels.rowBackwardAndStepPlain(wPlain, 5, dz, a, daPlain, from, to, 0.3);
        assertArrayEquals(wPlain, w, 0.0, "w, columns " + from + " to " + to);
        assertArrayEquals(daPlain, da, 0.0, "da, columns " + from + " to " + to);
      }
    }
  }

  @Test
  void reluMaskEqualsDerivativeLoop() {
    double[] specials = {2.5, -1.0, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE};
    // Every pair of a special Z and a special dA, and random values after them.
    int pairs = specials.length * specials.length;
    RandomSource rng = new RandomSource(14);
    for (int length = 0; length <= pairs + 9; length++) {
      double[] Z = fill(new double[length], rng);
      double[] dA = fill(new double[length], rng);
      for (int j = 0; j < Math.min(length, pairs); j++) {
        Z[j] = specials[j / specials.length];
        dA[j] = specials[j % specials.length];
      }
      double[] expected = dA.clone();
      for (int j = 0; j < length; j++) {
        expected[j] *= Activations.reluDerivative(Z[j]);
      }
      Kernels.maskByRelu(dA, Z, length);
      assertArrayEquals(bits(expected), bits(dA), length + " values");
    }
  }

  /** Returns the values' bits: +0.0 and -0.0 differ, and every NaN has the same bits. */
  private static long[] bits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Double.doubleToLongBits(values[i]);
    }
    return bits;
  }

  private static double[] fill(double[] values, RandomSource rng) {
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.uniform(-1.0, 1.0);
    }
    return values;
  }
}
