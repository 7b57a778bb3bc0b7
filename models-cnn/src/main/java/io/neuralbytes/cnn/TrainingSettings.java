package io.neuralbytes.cnn;

import io.neuralbytes.core.Checks;

/**
 * How {@link ConvNetTrainer} trains: epochs (whole passes over the training images), the SGD
 * learning rate, the number of images per update, and whether the image order is reshuffled
 * every epoch.
 *
 * @param epochs       passes over the training images, at least 1
 * @param learningRate lr of the update p -= lr g, positive and finite
 * @param batchSize    images per update, at least 1; g is the mean gradient over the batch, and
 *                     1 is plain SGD one image at a time as in the Python original
 * @param shuffle      false keeps the images in their given order every epoch, as the original
 *                     did. True draws a new order every epoch from the trainer's random source.
 */
public record TrainingSettings(int epochs, double learningRate, int batchSize, boolean shuffle) {

  /** Validates the settings; the message names the setting and the value. */
  public TrainingSettings {
    Checks.requirePositive("epochs", epochs);
    Checks.requirePositiveFinite("learning rate", learningRate);
    Checks.requirePositive("batch size", batchSize);
  }

  /** Returns the settings of the original CNN run: 50 epochs, lr 1e-3, one image per update, fixed order. */
  public static TrainingSettings original() {
    return new TrainingSettings(50, 1e-3, 1, false);
  }
}
