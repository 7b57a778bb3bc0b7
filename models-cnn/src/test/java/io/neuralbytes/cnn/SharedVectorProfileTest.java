package io.neuralbytes.cnn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuralbytes.core.ArrayProducts;
import io.neuralbytes.core.RandomSource;
import io.neuralbytes.core.UpdateKernels;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Tests that the CNN's kernels stay free of allocation after core's kernels ran in the same JVM,
 * as after a recurrent network or an MLP. The JIT profiles the JDK's vector methods once for all
 * callers. So when the CNN used another vector shape than core, a warmed training step boxed its
 * vectors on the heap (megabytes per step) and ran about ten times slower.
 */
class SharedVectorProfileTest {

  @Test
  void stepAllocatesNothingAfterCoreKernels() {
    RandomSource rng = new RandomSource(3);
    // Core's products on several shapes and the sequence models' Adagrad update, called often
    // enough for the JIT to profile and compile them.
    int[][] shapes = {{1, 100, 65}, {25, 100, 100}, {32, 784, 30}, {7, 9, 13}};
    for (int round = 0; round < 400; round++) {
      for (int[] shape : shapes) {
        int n = shape[0];
        int k = shape[1];
        int m = shape[2];
        double[] a = fill(new double[n * k], rng);
        double[] b = fill(new double[k * m], rng);
        double[] c = new double[n * m];
        ArrayProducts.multiplyAdd(a, 0, k, b, 0, m, c, 0, m, n, k, m);
        double[] value = fill(new double[k * m], rng);
        double[] memory = new double[k * m];
        UpdateKernels.clipAndAdagrad(value, b, memory, 0, k * m, 5.0, 0.1, 1e-8);
      }
    }

    ConvNetConfig config = new ConvNetConfig(1, 32, 32, 4, 3, 3, true, 10);
    ConvNet model = new ConvNet(config, new RandomSource(0));
    ImageSet images = TestImages.random(config, 10, 1);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    // On a busy machine the JIT may compile late, so up to ten windows of 200 steps are
    // measured and the smallest counts. Boxed vectors would show in every one of them.
    long fewest = Long.MAX_VALUE;
    for (int window = 0; window < 10 && fewest >= 16384; window++) {
      long before = threads.getThreadAllocatedBytes(thread);
      for (int round = 0; round < 20; round++) {
        for (int n = 0; n < images.count(); n++) {
          model.trainSgd(images, n, 1e-3);
        }
      }
      fewest = Math.min(fewest, threads.getThreadAllocatedBytes(thread) - before);
    }
    // A boxed vector per pass over a 30 x 30 map would come to megabytes per window.
    assertTrue(fewest < 16384, fewest + " bytes allocated in 200 training steps");
  }

  private static double[] fill(double[] values, RandomSource rng) {
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.uniform(-1.0, 1.0);
    }
    return values;
  }
}
