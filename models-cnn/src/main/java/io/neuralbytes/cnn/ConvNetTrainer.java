package io.neuralbytes.cnn;

import io.neuralbytes.core.Optimizer;
import io.neuralbytes.core.Parameter;
import io.neuralbytes.core.ProgressListener;
import io.neuralbytes.core.RandomSource;
import io.neuralbytes.core.Sgd;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link ConvNet} by stochastic gradient descent, one image or one mini-batch per
 * update, and records the average cost of every epoch.
 *
 * <p>With a batch size of 1 each image updates the weights at once, as in the Python original.
 * With a batch size B &gt; 1 the gradient of each update is the mean of the B images' gradients,
 * and when B does not divide N the last batch of an epoch contains the N mod B images left over.
 * Training stops after the first update whose cost is NaN or infinite.
 */
public final class ConvNetTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(ConvNetTrainer.class);

  private ConvNetTrainer() {
  }

  /**
   * Trains the network on the images and returns the average cost of every epoch. A cost that
   * becomes NaN or infinite stops training, which the history's {@code diverged()} reports,
   * with a DEBUG log line only.
   *
   * @param model    the network, updated in place
   * @param images   N training images; every label must fit the network
   * @param settings epochs, learning rate, batch size and order
   * @param rng      source of the per-epoch shuffles; not used when the order is fixed
   * @param progress called after every epoch with epochs done, epochs in total and that epoch's
   *                 average cost
   * @throws IllegalArgumentException if the images do not fit the network or the batch size is
   *                                  larger than N
   */
  public static TrainingHistory train(ConvNet model, ImageSet images, TrainingSettings settings,
      RandomSource rng, ProgressListener progress) {
    int N = images.count();
    if (N == 0) {
      throw new IllegalArgumentException("training images must not be empty");
    }
    if (settings.batchSize() > N) {
      throw new IllegalArgumentException("batch size must be at most the " + N
          + " training images, got " + settings.batchSize());
    }
    model.checkFits(images);
    int[] order = new int[N];
    for (int n = 0; n < N; n++) {
      order[n] = n;
    }
    Optimizer sgd = new Sgd(settings.learningRate());
    double[] epochCosts = new double[settings.epochs()];
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      if (settings.shuffle()) {
        rng.shuffle(order);
      }
      double costSum = 0.0;
      int seen = 0;
      while (seen < N && Double.isFinite(costSum)) {
        int end = Math.min(N, seen + settings.batchSize());
        if (settings.batchSize() == 1) {
          costSum += model.trainSgd(images, order[seen], settings.learningRate());
        } else {
          costSum += trainBatch(model, images, order, seen, end, sgd);
        }
        seen = end;
      }
      epochCosts[epoch] = costSum / seen;
      LOG.debug("epoch {}/{} average cost {}", epoch + 1, settings.epochs(), epochCosts[epoch]);
      progress.onProgress(epoch + 1, settings.epochs(), epochCosts[epoch]);
      if (!Double.isFinite(costSum)) {
        // TrainingHistory.diverged() returns the divergence, so the caller decides on a warning.
        LOG.debug("training stopped in epoch {} after {} of {} images: the cost became {}",
            epoch + 1, seen, N, costSum);
        return new TrainingHistory(Arrays.copyOf(epochCosts, epoch + 1), true);
      }
    }
    return new TrainingHistory(epochCosts, false);
  }

  /** Takes one step on the mean gradient of images order[from .. to) and returns their summed cost. */
  private static double trainBatch(ConvNet model, ImageSet images, int[] order, int from, int to,
      Optimizer sgd) {
    model.zeroGrad();
    double costSum = 0.0;
    for (int i = from; i < to; i++) {
      costSum += model.accumulateGradients(images, order[i]);
    }
    int batch = to - from;
    List<Parameter> parameters = model.parameters();
    for (Parameter parameter : parameters) {
      double[] grad = parameter.grad();
      for (int i = 0; i < grad.length; i++) {
        grad[i] /= batch;
      }
    }
    sgd.step(parameters);
    return costSum;
  }
}
