package io.neuralbytes.cnn;

import io.neuralbytes.core.Activations;
import io.neuralbytes.core.Initializers;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.RandomSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The small convolutional network of NeuralBytes: convolution, ReLU, flatten, a dense layer,
 * and a softmax with cross-entropy (two or more classes) or a sigmoid with squared error (one
 * output unit).
 *
 * <p>Shape letters: C channels, H x W image, K filters of kh x kw, oh x ow output maps,
 * J = K oh ow features, M output units. For one image X (C x H x W) with label y:
 * <pre>
 *   Z      = conv(X, F) + b_conv          K x oh x ow   ({@link Conv2d})
 *   A      = relu(Z), read as a vector    J
 *   logits = W A + b                      M             ({@link Dense})
 *   M &gt;= 2:  cost = -log softmax(logits)[y]     dlogits = softmax(logits) - onehot(y)
 *   M == 1:  s = sigmoid(logits[0]), cost = (s - y)^2 / 2,
 *            dlogits[0] = (s - y) s (1 - s)
 *   dA = W^T dlogits,  dZ = dA where Z &gt; 0, else 0
 * </pre>
 * The cross-entropy is computed from the log-softmax, so it stays finite however confident the
 * network is; no small constant is added inside the logarithm.
 *
 * <p>All work buffers are allocated once, in the constructor; training and cost evaluation
 * allocate nothing per image. A network is not thread-safe.
 */
public final class ConvNet {

  /** Initial weights are uniform in [-INIT_LIMIT, INIT_LIMIT), as in the Python original. */
  public static final double INIT_LIMIT = 0.1;

  private final ConvNetConfig config;
  private final Conv2d conv;
  private final Dense dense;
  private final List<Parameter> parameters;

  private final double[] Z;        // K x oh x ow, convolution output before ReLU
  private final double[] A;        // J, ReLU output, flattened
  private final double[] logits;   // M
  private final double[] p;        // M, softmax probabilities or the sigmoid output
  private final double[] dlogits;  // M
  private final double[] dA;       // J, dCost/dA, then masked in place into dCost/dZ

  /**
   * Creates a network with every filter weight, filter bias (when the configuration has
   * filter biases), dense weight and dense bias drawn uniformly from
   * [-{@value #INIT_LIMIT}, {@value #INIT_LIMIT}), in that order.
   */
  public ConvNet(ConvNetConfig config, RandomSource rng) {
    this.config = config;
    this.conv = new Conv2d(config);
    this.dense = new Dense(config.featureCount(), config.classes());
    List<Parameter> all = new ArrayList<>(conv.parameters());
    all.addAll(dense.parameters());
    this.parameters = Collections.unmodifiableList(all);
    for (Parameter parameter : parameters) {
      Initializers.uniform(parameter.value(), -INIT_LIMIT, INIT_LIMIT, rng);
    }
    int J = config.featureCount();
    int M = config.classes();
    Z = new double[J];
    A = new double[J];
    logits = new double[M];
    p = new double[M];
    dlogits = new double[M];
    dA = new double[J];
  }

  /** Returns the configuration the network was built with. */
  public ConvNetConfig config() {
    return config;
  }

  /** Returns the convolution layer. */
  public Conv2d conv() {
    return conv;
  }

  /** Returns the dense layer. */
  public Dense dense() {
    return dense;
  }

  /** Returns every trainable parameter: conv.F, conv.b when present, dense.W, dense.b. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** Sets every gradient to zero. */
  public void zeroGrad() {
    for (Parameter parameter : parameters) {
      parameter.zeroGrad();
    }
  }

  /**
   * Returns the cost of image n without changing gradients or weights.
   *
   * @throws IllegalArgumentException if the image shape or label does not fit the network
   */
  public double cost(ImageSet images, int n) {
    int label = checkedLabel(images, n);
    return forward(images.pixels(), images.offset(n), label);
  }

  /**
   * Adds the gradient of the cost of image n to every parameter's gradient and returns that
   * cost, computed before any update.
   *
   * @throws IllegalArgumentException if the image shape or label does not fit the network
   */
  public double accumulateGradients(ImageSet images, int n) {
    int label = checkedLabel(images, n);
    double[] X = images.pixels();
    int xOffset = images.offset(n);
    double cost = forward(X, xOffset, label);
    outputGradient(label);
    dense.backward(A, dlogits, dA);
    maskByRelu();
    conv.backward(X, xOffset, dA);
    return cost;
  }

  /**
   * Takes one plain SGD step, p -= lr dCost/dp, on the cost of image n alone and returns that
   * cost, computed before the step. The weights end as after {@link #zeroGrad},
   * {@link #accumulateGradients} and p -= lr g, but the dense gradient is applied while it is
   * computed instead of being stored; the convolution gradients are left in their parameters.
   *
   * @throws IllegalArgumentException if the image shape or label does not fit the network
   */
  public double trainSgd(ImageSet images, int n, double learningRate) {
    int label = checkedLabel(images, n);
    double[] X = images.pixels();
    int xOffset = images.offset(n);
    double cost = forward(X, xOffset, label);
    outputGradient(label);
    dense.backwardAndStep(A, dlogits, dA, learningRate);
    maskByRelu();
    List<Parameter> convParameters = conv.parameters();
    for (int q = 0; q < convParameters.size(); q++) {
      convParameters.get(q).zeroGrad();
    }
    conv.backward(X, xOffset, dA);
    for (int q = 0; q < convParameters.size(); q++) {
      double[] value = convParameters.get(q).value();
      double[] grad = convParameters.get(q).grad();
      for (int i = 0; i < value.length; i++) {
        value[i] -= learningRate * grad[i];
      }
    }
    return cost;
  }

  /** Returns the predicted class and the class probabilities of image n. */
  public Prediction predict(ImageSet images, int n) {
    checkShape(images);
    return predict(images.pixels(), images.offset(n));
  }

  /**
   * Returns the predicted class and the class probabilities of one image. With one output
   * unit, the class is 1 when its probability is at least 0.5, the rule {@code Mlp} uses too.
   *
   * @param image C x H x W values, row-major; not modified
   * @throws IllegalArgumentException if the length is not C H W
   */
  public Prediction predict(double[] image) {
    if (image.length != config.imageSize()) {
      throw new IllegalArgumentException("image must have " + config.imageSize() + " values ("
          + config.channels() + "x" + config.height() + "x" + config.width() + "), got "
          + image.length);
    }
    return predict(image, 0);
  }

  private Prediction predict(double[] X, int xOffset) {
    forwardToProbabilities(X, xOffset);
    if (config.classes() == 1) {
      double s = p[0];
      return new Prediction(s >= 0.5 ? 1 : 0, new double[] {1.0 - s, s});
    }
    int best = 0;
    for (int m = 1; m < p.length; m++) {
      if (p[m] > p[best]) {
        best = m;
      }
    }
    return new Prediction(best, p.clone());
  }

  /** Runs the forward pass into Z, A, logits and p, and returns the cost for the label. */
  private double forward(double[] X, int xOffset, int label) {
    forwardToProbabilities(X, xOffset);
    if (config.classes() == 1) {
      double diff = p[0] - label;
      return 0.5 * diff * diff;
    }
    // -log softmax(logits)[y] = log sum_m exp(logits[m] - max) + max - logits[y]
    double max = logits[0];
    for (int m = 1; m < logits.length; m++) {
      max = Math.max(max, logits[m]);
    }
    double sum = 0.0;
    for (double logit : logits) {
      sum += Math.exp(logit - max);
    }
    return Math.log(sum) + max - logits[label];
  }

  private void forwardToProbabilities(double[] X, int xOffset) {
    conv.forward(X, xOffset, Z);
    // Math.max keeps a NaN in Z as NaN, so a broken weight shows up in the cost instead of
    // being silently read as an inactive unit.
    for (int j = 0; j < Z.length; j++) {
      A[j] = Math.max(Z[j], 0.0);
    }
    dense.forward(A, logits);
    if (config.classes() == 1) {
      p[0] = Activations.sigmoid(logits[0]);
    } else {
      Activations.softmax(logits, 0, logits.length, p, 0);
    }
  }

  /** Writes dlogits from p and the label; needs the forward pass of the same image. */
  private void outputGradient(int label) {
    if (config.classes() == 1) {
      double s = p[0];
      dlogits[0] = (s - label) * s * (1.0 - s);
      return;
    }
    for (int m = 0; m < p.length; m++) {
      dlogits[m] = p[m];
    }
    dlogits[label] -= 1.0;
  }

  /** Turns dA into dZ in place: the ReLU passes the gradient only where Z &gt; 0. */
  private void maskByRelu() {
    Kernels.maskByRelu(dA, Z, dA.length);
  }

  /**
   * Checks that the images have the network's shape and that every label is below
   * {@link ConvNetConfig#labelCount()}.
   *
   * @throws IllegalArgumentException naming the first image that does not fit
   */
  public void checkFits(ImageSet images) {
    checkShape(images);
    for (int n = 0; n < images.count(); n++) {
      checkedLabel(images, n);
    }
  }

  private int checkedLabel(ImageSet images, int n) {
    checkShape(images);
    int label = images.label(n);
    if (label >= config.labelCount()) {
      throw new IllegalArgumentException("label of image " + n + " must be below "
          + config.labelCount() + " for a network with " + config.classes() + " output unit"
          + (config.classes() == 1 ? "" : "s") + ", got " + label);
    }
    return label;
  }

  private void checkShape(ImageSet images) {
    if (images.channels() != config.channels() || images.height() != config.height()
        || images.width() != config.width()) {
      throw new IllegalArgumentException("images are " + images.channels() + "x"
          + images.height() + "x" + images.width() + " but the network expects "
          + config.channels() + "x" + config.height() + "x" + config.width()
          + " (channels x height x width)");
    }
  }
}
