package io.neuralbytes.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConvNetTest {

  private static final ConvNetConfig SOFTMAX = new ConvNetConfig(2, 5, 6, 3, 2, 3, true, 4);
  private static final ConvNetConfig SIGMOID = new ConvNetConfig(1, 4, 4, 2, 3, 3, false, 1);

  @Test
  void predictionPrintsProbabilities() {
    Prediction prediction = new Prediction(1, new double[] {0.25, 0.75});

    assertEquals("Prediction[label=1, probabilities=[0.25, 0.75]]", prediction.toString());
  }

  @Test
  void initialisationIsUniformInOriginalRange() {
    ConvNet model = new ConvNet(new ConvNetConfig(1, 32, 32, 4, 3, 3, true, 10),
        new RandomSource(0));
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0.0;
    int count = 0;
    for (Parameter parameter : model.parameters()) {
      for (double value : parameter.value()) {
        min = Math.min(min, value);
        max = Math.max(max, value);
        sum += value;
        count++;
      }
    }
    assertEquals(4 * 9 + 4 + 10 * 3600 + 10, count);
    assertTrue(min >= -0.1, "min " + min);
    assertTrue(max < 0.1, "max " + max);
    assertTrue(min < -0.099, "min " + min);
    assertTrue(max > 0.099, "max " + max);
    assertEquals(0.0, sum / count, 0.002);
  }

  @Test
  void sameSeedGivesSameWeights() {
    ConvNet first = new ConvNet(SOFTMAX, new RandomSource(8));
    ConvNet second = new ConvNet(SOFTMAX, new RandomSource(8));
    ConvNet other = new ConvNet(SOFTMAX, new RandomSource(9));
    for (int q = 0; q < first.parameters().size(); q++) {
      double[] values = first.parameters().get(q).value();
      assertArrayEquals(values, second.parameters().get(q).value(), 0.0);
      assertTrue(!Arrays.equals(values, other.parameters().get(q).value()));
    }
  }

  @Test
  void costIsMinusLogOfPredictedProbability() {
    ConvNet model = new ConvNet(SOFTMAX, new RandomSource(1));
    ImageSet images = TestImages.random(SOFTMAX, 3, 2);
    for (int n = 0; n < images.count(); n++) {
      Prediction prediction = model.predict(images, n);
      double expected = -Math.log(prediction.probabilities()[images.label(n)]);
      assertEquals(expected, model.cost(images, n), 1e-12);
    }
  }

  @Test
  void crossEntropyStaysFiniteForConfidentWrongAnswer() {
    ConvNetConfig config = new ConvNetConfig(1, 2, 2, 1, 1, 1, false, 2);
    ConvNet model = new ConvNet(config, new RandomSource(0));
    Arrays.fill(model.conv().filters().value(), 1.0);
    double[] W = model.dense().weights().value();
    Arrays.fill(W, 0.0);
    W[0] = 1000.0;  // logit 0 = 1000 * pixel 0; logit 1 = 0
    Arrays.fill(model.dense().bias().value(), 0.0);
    ImageSet images = new ImageSet(1, 2, 2, new double[] {1, 0, 0, 0}, new int[] {1});

    // -log softmax([1000, 0])[1] = log(1 + e^-1000) + 1000, which is 1000 in double precision.
    assertEquals(1000.0, model.cost(images, 0), 1e-9);
    model.zeroGrad();
    model.accumulateGradients(images, 0);
    assertEquals(1.0, model.dense().weights().grad()[0], 1e-12);
  }

  @Test
  void sigmoidCostIsHalfSquaredError() {
    ConvNet model = new ConvNet(SIGMOID, new RandomSource(4));
    ImageSet images = TestImages.random(SIGMOID, 4, 5);
    for (int n = 0; n < images.count(); n++) {
      Prediction prediction = model.predict(images, n);
      double s = prediction.probabilities()[1];
      double diff = s - images.label(n);
      assertEquals(0.5 * diff * diff, model.cost(images, n), 1e-15);
      assertEquals(1.0, prediction.probabilities()[0] + s, 1e-15);
      assertEquals(s > 0.5 ? 1 : 0, prediction.label());
    }
  }

  @Test
  void predictReturnsMostProbableClass() {
    ConvNet model = new ConvNet(SOFTMAX, new RandomSource(6));
    ImageSet images = TestImages.random(SOFTMAX, 5, 7);
    for (int n = 0; n < images.count(); n++) {
      Prediction prediction = model.predict(images, n);
      double[] p = prediction.probabilities();
      assertEquals(4, p.length);
      assertEquals(1.0, Arrays.stream(p).sum(), 1e-12);
      for (double value : p) {
        assertTrue(p[prediction.label()] >= value);
      }
      double[] single = Arrays.copyOfRange(images.pixels(), images.offset(n),
          images.offset(n) + SOFTMAX.imageSize());
      assertArrayEquals(p, model.predict(single).probabilities(), 0.0);
    }
  }

  @Test
  void fusedSgdStepMatchesGradientThenStep() {
    ImageSet images = TestImages.random(SOFTMAX, 2, 3);
    double lr = 0.01;
    ConvNet fused = new ConvNet(SOFTMAX, new RandomSource(2));
    ConvNet separate = new ConvNet(SOFTMAX, new RandomSource(2));
    for (int n = 0; n < images.count(); n++) {
      double fusedCost = fused.trainSgd(images, n, lr);
      separate.zeroGrad();
      double separateCost = separate.accumulateGradients(images, n);
      for (Parameter parameter : separate.parameters()) {
        for (int i = 0; i < parameter.size(); i++) {
          parameter.value()[i] -= lr * parameter.grad()[i];
        }
      }
      assertEquals(separateCost, fusedCost, 0.0);
    }
    for (int q = 0; q < fused.parameters().size(); q++) {
      assertArrayEquals(separate.parameters().get(q).value(), fused.parameters().get(q).value(),
          0.0, fused.parameters().get(q).name());
    }
  }

  @Test
  void trainingStepAllocatesNothingPerImage() {
    ConvNetConfig config = new ConvNetConfig(1, 12, 12, 4, 3, 3, true, 10);
    ConvNet model = new ConvNet(config, new RandomSource(0));
    ImageSet images = TestImages.random(config, 20, 1);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    // Warm up until the JIT has compiled the kernels: before that, the Vector API kernels
    // (see Kernels) box their vectors on the heap; compiled, they keep them in registers.
    for (int round = 0; round < 300; round++) {
      for (int n = 0; n < images.count(); n++) {
        model.trainSgd(images, n, 1e-3);
        model.accumulateGradients(images, n);
        model.cost(images, n);
      }
    }
    long before = threads.getThreadAllocatedBytes(thread);
    for (int round = 0; round < 50; round++) {
      for (int n = 0; n < images.count(); n++) {
        model.trainSgd(images, n, 1e-3);
        model.accumulateGradients(images, n);
        model.cost(images, n);
      }
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    // Each method ran 1,000 times, so even one 16-byte array per call would exceed 16 kB.
    assertTrue(allocated < 4096, allocated + " bytes allocated");
  }

  @Test
  void configRejectsFilterLargerThanImage() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new ConvNetConfig(1, 32, 32, 4, 33, 3, false, 10));
    assertEquals("filter height must be between 1 and the image height 32, got 33",
        error.getMessage());
    error = assertThrows(IllegalArgumentException.class,
        () -> new ConvNetConfig(1, 32, 32, 4, 3, 0, false, 10));
    assertEquals("filter width must be between 1 and the image width 32, got 0",
        error.getMessage());
    error = assertThrows(IllegalArgumentException.class,
        () -> new ConvNetConfig(1, 32, 32, 0, 3, 3, false, 10));
    assertEquals("filters must be at least 1, got 0", error.getMessage());
  }

  @Test
  void rejectsLabelOutsideClasses() {
    ConvNet model = new ConvNet(SIGMOID, new RandomSource(0));
    ImageSet images = new ImageSet(1, 4, 4, new double[32], new int[] {1, 2});
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> model.cost(images, 1));
    assertEquals("label of image 1 must be below 2 for a network with 1 output unit, got 2",
        error.getMessage());
  }

  @Test
  void rejectsImagesOfOtherShape() {
    ConvNet model = new ConvNet(SIGMOID, new RandomSource(0));
    ImageSet images = new ImageSet(1, 5, 4, new double[20], new int[] {0});
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> model.predict(images, 0));
    assertEquals("images are 1x5x4 but the network expects 1x4x4 (channels x height x width)",
        error.getMessage());
    error = assertThrows(IllegalArgumentException.class, () -> model.predict(new double[15]));
    assertEquals("image must have 16 values (1x4x4), got 15", error.getMessage());
  }

  @Test
  void imageSetRejectsWrongLengths() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new ImageSet(3, 2, 2, new double[20], new int[] {0, 1}));
    assertEquals("pixels has 20 values but 2 labels of 3x2x2 images need 24",
        error.getMessage());
    error = assertThrows(IllegalArgumentException.class,
        () -> new ImageSet(1, 1, 1, new double[2], new int[] {0, -1}));
    assertEquals("label of image 1 must be at least 0, got -1", error.getMessage());
  }

  @Test
  void imageSetSelectCopiesChosenImages() {
    ImageSet images = new ImageSet(1, 1, 2, new double[] {1, 2, 3, 4, 5, 6},
        new int[] {7, 8, 9});
    ImageSet chosen = images.select(new int[] {2, 0});
    assertArrayEquals(new double[] {5, 6, 1, 2}, chosen.pixels(), 0.0);
    assertArrayEquals(new int[] {9, 7}, chosen.labels());
    assertThrows(IndexOutOfBoundsException.class, () -> images.select(new int[] {3}));
  }
}
