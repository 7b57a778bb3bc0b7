package io.neuralbytes.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuralbytes.core.RandomSource;
import org.junit.jupiter.api.Test;

/** The layers' loops against the plain formulas on every small shape. */
class LayerKernelTest {

  private static final double TOLERANCE = 1e-12;

  @Test
  void convolutionMatchesFormulaOnSmallShapes() {
    RandomSource rng = new RandomSource(3);
    int shapes = 0;
    for (int C = 1; C <= 3; C++) {
      for (int K = 1; K <= 3; K++) {
        for (int H = 1; H <= 4; H++) {
          for (int W = 1; W <= 4; W++) {
            for (int kh = 1; kh <= H; kh++) {
              for (int kw = 1; kw <= W; kw++) {
                for (boolean bias : new boolean[] {false, true}) {
                  checkConvolution(new ConvNetConfig(C, H, W, K, kh, kw, bias, 2), rng);
                  shapes++;
                }
              }
            }
          }
        }
      }
    }
    assertEquals(1800, shapes);
  }

  @Test
  void denseMatchesFormulaOnSmallShapes() {
    RandomSource rng = new RandomSource(4);
    for (int M = 1; M <= 9; M++) {
      for (int J = 1; J <= 6; J++) {
        Dense dense = new Dense(J, M);
        fill(dense.weights().value(), rng);
        fill(dense.bias().value(), rng);
        double[] a = fill(new double[J], rng);
        double[] dz = fill(new double[M], rng);

        double[] z = new double[M];
        dense.forward(a, z);
        assertArrayEquals(ReferenceKernels.denseForward(dense.weights().value(),
            dense.bias().value(), a), z, TOLERANCE, "forward M=" + M + " J=" + J);

        double[] da = new double[J];
        double[] W = dense.weights().value().clone();
        dense.backward(a, dz, da);
        assertArrayEquals(ReferenceKernels.denseInputGradient(W, dz, J), da, TOLERANCE,
            "input gradient M=" + M + " J=" + J);
        for (int m = 0; m < M; m++) {
          for (int j = 0; j < J; j++) {
            assertEquals(dz[m] * a[j], dense.weights().grad()[m * J + j], TOLERANCE);
          }
          assertEquals(dz[m], dense.bias().grad()[m], TOLERANCE);
        }
      }
    }
  }

  @Test
  void fusedDenseStepMatchesBackwardThenStep() {
    RandomSource rng = new RandomSource(5);
    int J = 7;
    int M = 6;
    double lr = 0.05;
    Dense fused = new Dense(J, M);
    Dense separate = new Dense(J, M);
    fill(fused.weights().value(), rng);
    fill(fused.bias().value(), rng);
    System.arraycopy(fused.weights().value(), 0, separate.weights().value(), 0, M * J);
    System.arraycopy(fused.bias().value(), 0, separate.bias().value(), 0, M);
    double[] a = fill(new double[J], rng);
    double[] dz = fill(new double[M], rng);

    double[] daFused = new double[J];
    fused.backwardAndStep(a, dz, daFused, lr);
    double[] daSeparate = new double[J];
    separate.backward(a, dz, daSeparate);
    step(separate.weights().value(), separate.weights().grad(), lr);
    step(separate.bias().value(), separate.bias().grad(), lr);

    assertArrayEquals(daSeparate, daFused, 0.0);
    assertArrayEquals(separate.weights().value(), fused.weights().value(), 0.0);
    assertArrayEquals(separate.bias().value(), fused.bias().value(), 0.0);
  }

  private static void checkConvolution(ConvNetConfig config, RandomSource rng) {
    Conv2d conv = new Conv2d(config);
    fill(conv.filters().value(), rng);
    double[] bias = null;
    if (conv.bias() != null) {
      bias = fill(conv.bias().value(), rng);
    }
    // Two images back to back, to check that the offset of the second is honoured.
    double[] X = fill(new double[2 * config.imageSize()], rng);
    double[] second = java.util.Arrays.copyOfRange(X, config.imageSize(), X.length);
    double[] Z = new double[config.featureCount()];
    conv.forward(X, config.imageSize(), Z);
    String shape = config.toString();
    assertArrayEquals(ReferenceKernels.convForward(config, conv.filters().value(), bias, second),
        Z, TOLERANCE, shape);

    double[] dZ = fill(new double[config.featureCount()], rng);
    conv.backward(X, config.imageSize(), dZ);
    assertArrayEquals(ReferenceKernels.convFilterGradient(config, second, dZ),
        conv.filters().grad(), TOLERANCE, shape);
    if (conv.bias() != null) {
      int mapSize = config.outputHeight() * config.outputWidth();
      for (int k = 0; k < config.filters(); k++) {
        double sum = 0.0;
        for (int n = 0; n < mapSize; n++) {
          sum += dZ[k * mapSize + n];
        }
        assertEquals(sum, conv.bias().grad()[k], TOLERANCE, shape);
      }
    }
  }

  private static void step(double[] value, double[] grad, double lr) {
    for (int i = 0; i < value.length; i++) {
      value[i] -= lr * grad[i];
    }
  }

  private static double[] fill(double[] values, RandomSource rng) {
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.uniform(-1.0, 1.0);
    }
    return values;
  }
}
