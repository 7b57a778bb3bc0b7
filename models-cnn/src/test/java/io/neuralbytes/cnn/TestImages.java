package io.neuralbytes.cnn;

import io.neuralbytes.core.RandomSource;

/** Small seeded image sets for the tests. */
final class TestImages {

  private TestImages() {
  }

  /** Returns N images of the configuration's shape with values uniform in [0, 1) and labels below labelCount. */
  static ImageSet random(ConvNetConfig config, int count, long seed) {
    RandomSource rng = new RandomSource(seed);
    double[] pixels = new double[count * config.imageSize()];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = rng.nextDouble();
    }
    int[] labels = new int[count];
    for (int n = 0; n < count; n++) {
      labels[n] = rng.nextInt(config.labelCount());
    }
    return new ImageSet(config.channels(), config.height(), config.width(), pixels, labels);
  }

  /**
   * Returns N grey 6x6 images of two classes that a small network can tell apart: label 1 has a
   * bright vertical bar in a random column, label 0 a bright horizontal bar in a random row,
   * both over weak noise.
   */
  static ImageSet bars(int count, long seed) {
    RandomSource rng = new RandomSource(seed);
    int size = 6;
    double[] pixels = new double[count * size * size];
    int[] labels = new int[count];
    for (int n = 0; n < count; n++) {
      labels[n] = n % 2;
      int line = rng.nextInt(size);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          boolean onBar = labels[n] == 1 ? x == line : y == line;
          pixels[(n * size + y) * size + x] = (onBar ? 1.0 : 0.0) + 0.1 * rng.nextDouble();
        }
      }
    }
    return new ImageSet(1, size, size, pixels, labels);
  }
}
