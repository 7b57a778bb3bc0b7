package io.neuralbytes.cnn;

import java.util.Arrays;

/**
 * The average cost of every epoch trained, and whether training stopped on a cost that was
 * not finite.
 *
 * @param epochCosts one entry per epoch trained: the mean, over the images seen in that epoch,
 *                   of each image's cost before the update it took part in. When training
 *                   stopped early, the last entry is NaN or infinite.
 * @param diverged   true when a cost became NaN or infinite and training stopped there
 */
public record TrainingHistory(double[] epochCosts, boolean diverged) {

  /** Returns the number of epochs trained, counting the one that diverged. */
  public int epochs() {
    return epochCosts.length;
  }

  /** Returns the average cost of the last epoch trained. */
  public double finalCost() {
    if (epochCosts.length == 0) {
      throw new IllegalStateException("no epoch was trained");
    }
    return epochCosts[epochCosts.length - 1];
  }

  /** Returns the average cost of epoch e, counting from 1 as the log does. */
  public double costAtEpoch(int e) {
    if (e < 1 || e > epochCosts.length) {
      throw new IllegalArgumentException("epoch must be between 1 and " + epochCosts.length
          + ", got " + e);
    }
    return epochCosts[e - 1];
  }

  @Override
  public String toString() {
    return "TrainingHistory[epochCosts=" + Arrays.toString(epochCosts) + ", diverged="
        + diverged + "]";
  }
}
