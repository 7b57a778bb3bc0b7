package io.neuralbytes.cnn;

/**
 * N labelled images of C channels with H x W values each, in one flat row-major array:
 * value (n, c, y, x) is at ((n*C + c)*H + y)*W + x.
 *
 * <p>The arrays are stored, not copied, so the caller must not change them while a model uses
 * the set.
 */
public final class ImageSet {

  private final int count;
  private final int channels;
  private final int height;
  private final int width;
  private final double[] pixels;
  private final int[] labels;

  /**
   * Wraps the arrays of N images.
   *
   * @param channels C
   * @param height   H
   * @param width    W
   * @param pixels   N x C x H x W values, stored without copying
   * @param labels   N labels, stored without copying; each must be at least 0, and the model
   *                 checks the upper bound
   * @throws IllegalArgumentException if a size is below 1 or an array length disagrees
   */
  public ImageSet(int channels, int height, int width, double[] pixels, int[] labels) {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("image shape must be at least 1x1x1, got channels "
          + channels + ", height " + height + ", width " + width);
    }
    int imageSize = channels * height * width;
    if (pixels.length != labels.length * imageSize) {
      throw new IllegalArgumentException("pixels has " + pixels.length + " values but "
          + labels.length + " labels of " + channels + "x" + height + "x" + width
          + " images need " + (long) labels.length * imageSize);
    }
    for (int n = 0; n < labels.length; n++) {
      if (labels[n] < 0) {
        throw new IllegalArgumentException("label of image " + n + " must be at least 0, got "
            + labels[n]);
      }
    }
    this.count = labels.length;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.pixels = pixels;
    this.labels = labels;
  }

  /** Returns N, the number of images. */
  public int count() {
    return count;
  }

  /** Returns C. */
  public int channels() {
    return channels;
  }

  /** Returns H. */
  public int height() {
    return height;
  }

  /** Returns W. */
  public int width() {
    return width;
  }

  /** Returns C * H * W, the number of values in one image. */
  public int imageSize() {
    return channels * height * width;
  }

  /** Returns the backing array of N x C x H x W values itself. */
  public double[] pixels() {
    return pixels;
  }

  /** Returns the backing array of N labels itself. */
  public int[] labels() {
    return labels;
  }

  /** Returns the label of image n. */
  public int label(int n) {
    return labels[checkIndex(n)];
  }

  /** Returns the index in {@link #pixels()} where image n starts. */
  public int offset(int n) {
    return checkIndex(n) * imageSize();
  }

  /**
   * Copies the chosen images, in the given order, into a new set.
   *
   * @param indices image numbers, each in [0, N); repeats are allowed
   */
  public ImageSet select(int[] indices) {
    int size = imageSize();
    double[] chosenPixels = new double[indices.length * size];
    int[] chosenLabels = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      int n = indices[i];
      System.arraycopy(pixels, offset(n), chosenPixels, i * size, size);
      chosenLabels[i] = labels[n];
    }
    return new ImageSet(channels, height, width, chosenPixels, chosenLabels);
  }

  private int checkIndex(int n) {
    if (n < 0 || n >= count) {
      throw new IndexOutOfBoundsException("image index must be in [0, " + count + "), got " + n);
    }
    return n;
  }
}
