package io.neuralbytes.cnn;

/**
 * Shape of a {@link ConvNet}: images of C channels with H x W pixels each, K filters of
 * kh x kw over all C channels, and the number of classes.
 *
 * <p>The convolution has stride 1 and no padding, so each filter produces an oh x ow map with
 * oh = H - kh + 1 and ow = W - kw + 1, and the dense layer has J = K * oh * ow inputs.
 *
 * <p>{@code classes} is the number of output units. Two or more means a softmax over the
 * classes with cross-entropy cost. One means a single sigmoid unit trained with squared error
 * for a yes/no label, so the labels are then 0 and 1.
 *
 * @param channels     C, input channels (1 for grey, 3 for RGB)
 * @param height       H, image height in pixels
 * @param width        W, image width in pixels
 * @param filters      K, number of filters
 * @param filterHeight kh, filter height, at most H
 * @param filterWidth  kw, filter width, at most W
 * @param filterBias   whether each filter has its own bias b[k]
 * @param classes      M, output units: 1 for a sigmoid yes/no output, otherwise the classes
 */
public record ConvNetConfig(
    int channels,
    int height,
    int width,
    int filters,
    int filterHeight,
    int filterWidth,
    boolean filterBias,
    int classes) {

  /** Validates every size; the message names the setting, the value and the allowed range. */
  public ConvNetConfig {
    requirePositive("channels", channels);
    requirePositive("image height", height);
    requirePositive("image width", width);
    requirePositive("filters", filters);
    requirePositive("classes", classes);
    if (filterHeight < 1 || filterHeight > height) {
      throw new IllegalArgumentException("filter height must be between 1 and the image height "
          + height + ", got " + filterHeight);
    }
    if (filterWidth < 1 || filterWidth > width) {
      throw new IllegalArgumentException("filter width must be between 1 and the image width "
          + width + ", got " + filterWidth);
    }
  }

  /** Returns oh = H - kh + 1, the height of each convolution output map. */
  public int outputHeight() {
    return height - filterHeight + 1;
  }

  /** Returns ow = W - kw + 1, the width of each convolution output map. */
  public int outputWidth() {
    return width - filterWidth + 1;
  }

  /** Returns J = K * oh * ow, the length of the flattened feature vector fed to the dense layer. */
  public int featureCount() {
    return filters * outputHeight() * outputWidth();
  }

  /** Returns C * H * W, the number of values in one image. */
  public int imageSize() {
    return channels * height * width;
  }

  /** Returns the number of distinct labels: {@code classes}, or 2 for the sigmoid output. */
  public int labelCount() {
    return classes == 1 ? 2 : classes;
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }
}
